import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {App} from '../../source/app.js';
import {applyBatch, moveSelection, openList, setFilter, setOverlay, toggleHostPane, toggleMark} from '../../source/store/actions.js';
import {openLogs} from '../../source/store/log-actions.js';
import {createActionRunner} from '../../source/store/action-runner.js';
import {keepInkLinesAcrossFrames, LastFrameCache} from '../../source/ui/ink-line-cache.js';
import {fixtureNow, labStore} from '../support/fixtures.js';
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
