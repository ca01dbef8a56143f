import assert from 'node:assert/strict';
import {dirname, join} from 'node:path';
import {test} from 'node:test';
import {fileURLToPath, pathToFileURL} from 'node:url';
import measureText, {measuredTextsKept} from '../../source/ui/ink-measure-text.js';

// The bundle swaps Ink's measureText for ours: the same answers, a bounded memory.

const inkMeasureText = async (): Promise<(text: string) => {width: number; height: number}> =>
	(await import(pathToFileURL(join(dirname(fileURLToPath(import.meta.resolve('ink'))), 'measure-text.js')).href)).default;

test("text measured as Ink measures it: widest line and line count, styles, wide characters and emoji", async () => {
	const ink = await inkMeasureText();
	const texts = ['', 'plain', 'two\nlines, the second longer', '\u001B[31mred\u001B[39m and plain', 'wide 漢字 text', 'emoji 👩‍💻 and flag 🇩🇪', 'lab-api · exit 1 … ↻ 3', '\n\n'];
	for (const text of texts) assert.deepEqual(measureText(text), ink(text), JSON.stringify(text));
});

test('measured texts kept: at most 5000, however many distinct texts go by', () => {
	for (let index = 0; index < 12_000; index++) measureText(`row ${index} cpu ${index % 100}%`);
	assert.ok(measuredTextsKept() <= 5000, `${measuredTextsKept()} kept`);
	assert.ok(measuredTextsKept() > 0);
});
