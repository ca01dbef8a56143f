import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync} from 'node:fs';
import {hostname, tmpdir, userInfo} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {resolveSettings} from '../../source/config.js';
import {connectSources} from '../../source/store/connect.js';
import {createFleetStore} from '../../source/store/fleet-store.js';
import {docker, requireEngine} from '../support/engine.js';
import {until} from '../support/run-cli.js';

// Actions through fleettop's own wiring: the store learns of a stopped loop (and forgets it on
// re-arm), and every action, failed or not, is a line in the audit log.

test('actions through the connection: audit log lines, loops stopped and re-armed in the store', async (t) => {
	if (!requireEngine(t)) return;
	const name = `fleettop-test-audit-${process.pid}`;
	const state = mkdtempSync(join(tmpdir(), 'fleettop-state-'));
	docker('run', '-d', '--name', name, '--label', 'fleettop.test=1', '--network', 'none', '--restart', 'always', 'fleettop-lab/base:1', 'sh', '-c', 'sleep 0.5; exit 7');
	const store = createFleetStore();
	const connection = connectSources(store, resolveSettings({}, {XDG_STATE_HOME: state, HOME: state}));
	try {
		await connection.ready;
		const key = await until('the container in the store', async () => {
			connection.flush();
			return Object.values(store.getState().containers).find((record) => record.name === name)?.key;
		}, 10_000);
		assert.match(await connection.act(key, 'stop-loop'), /^loop stopped \(policy always saved/);
		assert.equal(store.getState().stoppedLoops[key]?.policy.Name, 'always');
		await until('the store to see it stopped', async () => {
			connection.flush();
			return store.getState().containers[key]?.state === 'exited' ? true : undefined;
		}, 10_000);
		await assert.rejects(connection.act(key, 'unpause'), {message: `unpause ${name} failed: Container ${name} is not paused`});
		assert.match(await connection.act(key, 're-arm'), /^re-armed: policy always restored/);
		assert.equal(store.getState().stoppedLoops[key], undefined);

		const lines = readFileSync(join(state, 'fleettop', 'audit.log'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
		assert.deepEqual(lines.map((line) => [line.action, line.outcome]), [['stop-loop', 'ok'], ['unpause', 'failed'], ['re-arm', 'ok']]);
		for (const line of lines) {
			assert.equal(line.container, name);
			assert.equal(line.user, userInfo().username);
			assert.equal(line.host, hostname());
			assert.equal(line.engine, 'unix:///var/run/docker.sock');
			assert.ok(Number.isInteger(line.durationMs) && line.durationMs >= 0);
			assert.ok(!Number.isNaN(Date.parse(line.time)));
		}
		assert.match(lines[1].message, /is not paused/);
	} finally {
		connection.stop();
		docker('rm', '-f', name);
	}
});
