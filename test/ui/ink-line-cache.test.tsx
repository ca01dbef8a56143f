import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {App} from '../../source/app.js';
import {applyBatch, moveSelection, openList, setFilter, setOverlay, toggleHostPane, toggleMark} from '../../source/store/actions.js';
import {openLogs} from '../../source/store/log-actions.js';
import {createActionRunner} from '../../source/store/action-runner.js';
import {keepInkLinesAcrossFrames} from '../../source/ui/ink-line-cache.js';
import {LastFrameCache} from '../../source/ui/last-frame-cache.js';
import {fixtureNow, labStore} from '../support/fixtures.js';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {settle} from '../support/ink-keys.js';

/** Every frame of a session that changes numbers, selection, marks, filter and view. */
async function session(): Promise<string[]> {
	const store = labStore();
	const {lastFrame, unmount} = render(<App store={store} actions={createActionRunner(store, async () => 'ok', async () => 'ok')} />);
	const frames: string[] = [];
	const steps: Array<() => void> = [
		() => undefined,
		...[1, 2, 3].map((tick) => () => {
			const stats = new Map(Object.entries(store.getState().stats).map(([key, stats]) => [key, {...stats, cpuPercent: (stats.cpuPercent + tick * 13) % 100}]));
			applyBatch(store, {stats, now: fixtureNow + tick * 61_000});
		}),
		() => moveSelection(store, 3),
		() => toggleMark(store),
		() => setFilter(store, 'lab-a', true),
		() => setFilter(store, '', false),
		() => setOverlay(store, 'help'),
		() => setOverlay(store, null),
		() => moveSelection(store, -1),
		() => setOverlay(store, 'detail'),
		() => setOverlay(store, null),
		() => openList(store, 'processes'),
		() => openList(store, 'supervisors'),
		() => setOverlay(store, null),
		() => toggleHostPane(store, false),
		() => openLogs(store, 'trouble'),
		() => setOverlay(store, null),
	];
	for (const step of steps) {
		step();
		await settle();
		frames.push(lastFrame() ?? '');
	}
	unmount();
	return frames;
}

test('lines kept across frames: the same screens as Ink draws without them', async () => {
	const drawnByInk = await session();
	assert.equal(await keepInkLinesAcrossFrames(), true, 'Ink 6.8 has the shape the cache was written for');
	const withCache = await session();
	assert.ok(drawnByInk.every((frame, index) => index === 0 || frame !== drawnByInk[index - 1]), 'every step changed the screen');
	assert.deepEqual(withCache, drawnByInk);
});

interface InkOutputClass {
	new (options: {width: number; height: number}): {write(x: number, y: number, text: string, options: {transformers: []}): void; get(): {output: string; height: number}};
}

/** Ink's Output class; `copy` loads a second instance of its module, which nothing patches. */
const inkOutput = async (copy = '') => (await import(pathToFileURL(join(dirname(fileURLToPath(import.meta.resolve('ink'))), 'output.js')).href + copy)).default as InkOutputClass;

/** Styled lines as Ink's Output turns them into a frame (testing Ink draws without colours, so the session above has none). */
const styledLines = [
	'\u001B[31mred\u001B[39m\u001B[32mgreen\u001B[39m touching, then plain',
	'\u001B[1mbold \u001B[2mand dim\u001B[22m\u001B[22m back \u001B[1m\u001B[31mbold red\u001B[0m reset',
	'\u001B[7m\u001B[1m▶ selected row, inverse and bold to the end        \u001B[22m\u001B[27m',
	'\u001B[38;5;208m256 colours\u001B[39m \u001B[38;2;1;2;3mtrue colour\u001B[48;5;4m on blue\u001B[49m\u001B[39m',
	'\u001B]8;;https://example.com\u0007link\u001B]8;;\u0007 after \u001B[4munderline\u001B[24m',
	'wide 漢字 \u001B[33m👩‍💻 emoji\u001B[39m · ↻3/h ███▅▁',
	'\u001B[36m  ▾ group\u001B[39m \u001B[2m(12, 3 in trouble)\u001B[22m',
	'a line longer than the row is wide, which Ink keeps whole in the row: 0123456789 0123456789',
	'cafe\u0301\u001B[31m\u0301 a mark after an escape\u001B[39m, e\u0301\u001B[1m!\u001B[22m',
	'\u001B[2J not a style \u001B[31mred \u001B]8;;http://x\u001B\\link\u001B]8;;\u001B\\ ends with ESC \\',
	'\u001B]8;;http://x/\u001B[31m\u0007an escape inside a link\u001B]8;;\u0007 \u009B1mC1 bold\u009B22m',
];

async function drawStyled(Output: InkOutputClass): Promise<string[]> {
	const frames: string[] = [];
	for (const [index, line] of styledLines.entries()) {
		const output = new Output({width: 40, height: 3});
		output.write(index % 3, 0, line, {transformers: []});
		output.write(0, 2, styledLines[(index + 1) % styledLines.length]!, {transformers: []});
		output.write(44, 1, '\u001B[32mpast the end of the row\u001B[39m', {transformers: []});
		frames.push(output.get().output);
	}
	return frames;
}

test('styled lines kept across frames: the same text and escapes as Ink makes of them', async () => {
	const drawnByInk = await drawStyled(await inkOutput('?as-ink-draws'));
	assert.ok(drawnByInk.every((frame) => frame.includes('\u001B')), 'the frames hold styles');
	assert.equal(await keepInkLinesAcrossFrames(), true);
	assert.deepEqual(await drawStyled(await inkOutput()), drawnByInk);
});

test('the line cache holds what the last frame used, no more', () => {
	const cache = new LastFrameCache<number>();
	cache.set('header', 1);
	cache.set('row a', 2);
	cache.nextFrame();
	assert.equal(cache.get('header'), 1, 'an unchanged line is found the next frame');
	cache.set('row b', 3);
	cache.nextFrame();
	assert.equal(cache.get('header'), 1, 'and the frame after, as long as it is used');
	assert.equal(cache.get('row b'), 3);
	assert.equal(cache.get('row a'), undefined, 'a line not drawn for a frame is gone');
	cache.nextFrame();
	cache.nextFrame();
	assert.equal(cache.get('header'), undefined);
	assert.equal(cache.size, 0);
});
