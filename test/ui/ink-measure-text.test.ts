import assert from 'node:assert/strict';
import {dirname, join} from 'node:path';
import {test} from 'node:test';
import {fileURLToPath, pathToFileURL} from 'node:url';
import widestLine from 'widest-line';
import measureText, {measuredTextsKept} from '../../source/ui/ink-measure-text.js';
import inkWidestLine from '../../source/ui/ink-widest-line.js';
import {nextInkFrame} from '../../source/ui/last-frame-cache.js';
import {rememberedText} from '../../source/ui/remembered-text.js';

// The bundle swaps Ink's measureText and widest-line for ours and remembers its sanitizeAnsi
// (source/bundle/build.mjs): the same answers, a bounded memory.

const fromInk = async <T>(file: string): Promise<T> => (await import(pathToFileURL(join(dirname(fileURLToPath(import.meta.resolve('ink'))), file)).href)).default;
const inkMeasureText = () => fromInk<(text: string) => {width: number; height: number}>('measure-text.js');

const texts = [
	'',
	'plain',
	'two\nlines, the second longer',
	'\u001B[31mred\u001B[39m and plain',
	'wide 漢字 text',
	'emoji 👩‍💻 and flag 🇩🇪',
	'lab-api · exit 1 … ↻ 3',
	'\n\n',
	// What a hostile log line could hold, had sanitizing before Ink missed it.
	'clear\u001B[2J\u001B[Hhome \u001B]0;title\u0007 link \u001B]8;;http://x\u001B\\x\u001B]8;;\u001B\\ \u009B31m c1',
	'\u001B[38;2;1;2;3mtrue colour\u001B[0m \u001B[1;4:3mcurly\u001B[m \u001B[?25l hidden cursor',
];

test("text measured as Ink measures it: widest line and line count, styles, wide characters and emoji", async () => {
	const ink = await inkMeasureText();
	for (const text of texts) assert.deepEqual(measureText(text), ink(text), JSON.stringify(text));
});

test('widest line as the widest-line package gives it', () => {
	for (const text of texts) assert.equal(inkWidestLine(text), widestLine(text), JSON.stringify(text));
});

test("Ink's escape sanitizing, remembered: the same text out, asked once per text", async () => {
	const sanitizeAnsi = await fromInk<(text: string) => string>('sanitize-ansi.js');
	let asked = 0;
	const remembered = rememberedText((text) => (asked++, sanitizeAnsi(text)));
	for (const round of [1, 2]) for (const text of texts) assert.equal(remembered(text), sanitizeAnsi(text), `round ${round}: ${JSON.stringify(text)}`);
	assert.equal(asked, texts.length);
});

test('remembered texts: at most the bound, however many distinct texts go by', () => {
	const remembered = rememberedText((text) => text.length, 100);
	for (let index = 0; index < 1000; index++) assert.equal(remembered(`row ${index}`), `row ${index}`.length);
	assert.ok(remembered.kept() <= 100 && remembered.kept() > 0, `${remembered.kept()} kept`);
});

test('remembered texts: kept while the frames use them, let go a frame after they are not', () => {
	const asked: string[] = [];
	const remembered = rememberedText((text) => (asked.push(text), text.length));
	remembered('header');
	remembered('row cpu 1%');
	nextInkFrame();
	remembered('header');
	remembered('row cpu 2%');
	nextInkFrame();
	remembered('header');
	remembered('row cpu 2%');
	remembered('row cpu 1%');
	assert.deepEqual(asked, ['header', 'row cpu 1%', 'row cpu 2%', 'row cpu 1%'], 'an unchanged text is worked out once; one unused for a frame again');
	nextInkFrame();
	nextInkFrame();
	assert.equal(remembered.kept(), 0, 'nothing used for two frames is kept');
});

test('measured texts kept: at most 5000, however many distinct texts go by', () => {
	for (let index = 0; index < 12_000; index++) measureText(`row ${index} cpu ${index % 100}%`);
	assert.ok(measuredTextsKept() <= 5000, `${measuredTextsKept()} kept`);
	assert.ok(measuredTextsKept() > 0);
});
