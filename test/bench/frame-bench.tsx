// What one frame of the containers view costs, in-process: the app on the recorded lab fleet,
// drawn into a 160×50 fake terminal, stats changing before each frame (on every row: the worst
// case). Run first with Ink as it is, then with its lines kept across frames (ui/ink-line-cache.ts).
import {EventEmitter} from 'node:events';
import {render} from 'ink';
import {App} from '../../source/app.js';
import {applyBatch} from '../../source/store/actions.js';
import {createActionRunner} from '../../source/store/action-runner.js';
import {fixtureNow, labStore} from '../support/fixtures.js';
import {sleep} from './measure.js';

class FakeTerminal extends EventEmitter {
	columns = 160;
	rows = 50;
	isTTY = true;
	write() {
		return true;
	}
}

const fakeStdin = () => Object.assign(new EventEmitter(), {isTTY: true, setRawMode() {}, setEncoding() {}, ref() {}, unref() {}, read: () => null, resume() {}, pause() {}});

/** CPU ms per frame, over `frames` frames. */
export async function frameCostMs(frames: number): Promise<number> {
	const store = labStore();
	const actions = createActionRunner(store, async () => 'ok', async () => 'ok');
	const instance = render(<App store={store} actions={actions} />, {stdout: new FakeTerminal() as unknown as NodeJS.WriteStream, stdin: fakeStdin() as unknown as NodeJS.ReadStream, exitOnCtrlC: false, patchConsole: false});
	await sleep(200);
	const keys = Object.keys(store.getState().stats);
	let cpuMicros = 0;
	for (let frame = 0; frame < frames; frame++) {
		const started = process.cpuUsage();
		const stats = new Map(keys.map((key) => [key, {...store.getState().stats[key]!, cpuPercent: (frame * 7 + key.length) % 100}]));
		applyBatch(store, {stats, now: fixtureNow + frame * 1000});
		// React renders in a microtask, Ink draws right after: both are done by the next macrotask.
		await sleep(0);
		const used = process.cpuUsage(started);
		cpuMicros += used.user + used.system;
		// Past Ink's frame throttle, so each update is a frame of its own.
		await sleep(40);
	}
	instance.unmount();
	return cpuMicros / frames / 1000;
}
