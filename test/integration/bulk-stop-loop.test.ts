import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {resolveSettings} from '../../source/config.js';
import {createActionRunner} from '../../source/store/action-runner.js';
import {connectSources} from '../../source/store/connect.js';
import {createFleetStore} from '../../source/store/fleet-store.js';
import {docker, requireEngine} from '../support/engine.js';
import {until} from '../support/run-cli.js';

// Every looping lab container, marked and stopped with one bulk stop-loop, through the same
// runner the keys use; then all re-armed with their own policies.

const loops = ['lab-agent-1', 'lab-agent-2', 'lab-agent-3', 'lab-pip-worker', 'lab-api-port', 'lab-gateway', 'lab-notifier', 'lab-uploads'];
const inspect = (name: string) => docker('inspect', '-f', '{{.HostConfig.RestartPolicy.Name}} {{.State.Status}} {{.RestartCount}}', name).split(' ');

test('bulk stop-loop of every looping lab container, then re-arm', async (t) => {
	if (!requireEngine(t)) return;
	const original = new Map(loops.map((name) => [name, inspect(name)[0]!]));
	const store = createFleetStore();
	const connection = connectSources(store, resolveSettings({}, {XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'fleettop-state-')), HOME: tmpdir()}));
	const runner = createActionRunner(store, connection.act);
	const markLoops = () => {
		const keys = Object.values(store.getState().containers).filter((record) => loops.includes(record.name)).map((record) => record.key);
		store.setState((state) => ({view: {...state.view, marks: keys}}));
	};
	try {
		await connection.ready;
		connection.flush();
		let missing: string[] = [];
		await until(() => `every lab loop seen looping (not looping: ${missing.join(', ')})`, async () => {
			connection.flush();
			const {containers, diagnoses} = store.getState();
			const looping = Object.values(containers).filter((record) => diagnoses[record.key]?.loop.looping).map((record) => record.name);
			missing = loops.filter((name) => !looping.includes(name)).map((name) => `${name} ${inspect(name).join(' ')}`);
			return missing.length === 0 ? true : undefined;
		}, 60_000);

		markLoops();
		runner.request('stop-loop');
		const pending = store.getState().view.pending;
		assert.equal(store.getState().view.overlay, 'confirm', 'a bulk action asks first');
		assert.deepEqual(pending?.targets.map((target) => target.name).sort(), [...loops].sort());
		await runner.confirm();
		const after = new Map(loops.map((name) => [name, inspect(name)]));
		for (const [name, [policy, status]] of after) assert.deepEqual([policy, status], ['no', 'exited'], name);
		await new Promise((resolve) => setTimeout(resolve, 3000));
		for (const name of loops) assert.equal(inspect(name)[2], after.get(name)![2], `${name}: no restart after stop-loop`);
		connection.flush();
		assert.deepEqual(Object.values(store.getState().stoppedLoops).map((saved) => saved.name).sort(), [...loops].sort());
		assert.match(store.getState().notices.at(-1)!.text, new RegExp(`^stop-loop: ${loops.length} of ${loops.length} done$`));

		markLoops();
		runner.request('re-arm');
		await runner.confirm();
		for (const name of loops) assert.equal(inspect(name)[0], original.get(name), `${name}: its own policy is back`);
		assert.deepEqual(store.getState().stoppedLoops, {});
	} finally {
		connection.stop();
		for (const [name, policy] of original) {
			if (inspect(name)[0] !== policy) docker('update', '--restart', policy, name);
			docker('start', name);
		}
	}
});
