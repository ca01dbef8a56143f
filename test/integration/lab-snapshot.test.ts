import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Snapshot} from '../../source/domain/snapshot.js';
import {requireEngine} from '../support/engine.js';
import {snapshot, until} from '../support/run-cli.js';

// Every incident the lab stages must show up, for real, in `fleettop --once --json`.

type Entry = Snapshot['containers'][number];
const named = (shot: Snapshot, name: string): Entry => {
	const entry = shot.containers.find((container) => container.name === name);
	assert.ok(entry, `${name} is in the snapshot (is the lab up? npm run lab up)`);
	return entry;
};

test('the lab incidents in the --json snapshot', async (t) => {
	if (!requireEngine(t)) return;
	// Loops and health checks need some seconds after `lab up` to show their colours.
	const shot = await until('the lab to settle (qdrant restarted once, db unhealthy)', async () => {
		const current = await snapshot();
		const qdrant = current.containers.find((c) => c.name === 'lab-qdrant');
		const db = current.containers.find((c) => c.name === 'lab-shop_db_1');
		return qdrant && qdrant.restartCount >= 1 && db?.health === 'unhealthy' ? current : undefined;
	}, 90_000);

	assert.equal(shot.version, 1);
	assert.equal(shot.engines[0]?.state, 'connected');
	assert.ok(shot.host && shot.host.cores >= 1 && shot.host.memory.totalBytes > 0);

	for (const name of ['lab-agent-1', 'lab-agent-2', 'lab-agent-3']) {
		const agent = named(shot, name);
		assert.equal(agent.exitCode, 127, `${name}: sh: python: not found`);
		assert.equal(agent.restartPolicy, 'always');
		assert.ok(agent.restartCount >= 1, `${name} restarts`);
	}
	const pip = named(shot, 'lab-pip-worker');
	assert.equal(pip.exitCode, 1);
	assert.ok(pip.restartCount >= 1);

	const portClash = named(shot, 'lab-api-port');
	assert.equal(portClash.networkMode, 'host');
	assert.equal(portClash.restartPolicy, 'on-failure');
	assert.equal(portClash.exitCode, 1);
	assert.ok(portClash.restartCount >= 1);

	const qdrant = named(shot, 'lab-qdrant');
	assert.equal(qdrant.exitCode, 101);
	if (qdrant.state === 'running') assert.notEqual(qdrant.health, 'unhealthy', 'CMD true: it reads healthy while it loops');

	assert.equal(named(shot, 'lab-shop_db_1').health, 'unhealthy');
	for (const service of ['api', 'worker']) {
		const blocked = named(shot, `lab-shop_${service}_1`);
		assert.equal(blocked.state, 'created');
		assert.equal(blocked.project, 'lab-shop');
		assert.equal(blocked.service, service);
		assert.equal(blocked.startedAt, null);
	}
	assert.ok(!shot.containers.some((c) => c.service === 'migrate'), 'migrate is defined but never started');

	const oom = named(shot, 'lab-oom');
	assert.deepEqual([oom.state, oom.exitCode, oom.oomKilled, oom.memoryLimitBytes], ['exited', 137, true, 16 * 1024 * 1024]);

	assert.equal(named(shot, 'lab-zombie-maker').state, 'running');
	const burner = named(shot, 'lab-cpu-burn');
	assert.ok(burner.stats && burner.stats.cpuPercent > 35 && burner.stats.cpuPercent < 65, `cpu-burn at ~50%: ${burner.stats?.cpuPercent}`);
	assert.equal(named(shot, 'lab-supervisor').state, 'running');
	for (const name of ['lab-web', 'lab-metrics', 'lab-cache']) assert.equal(named(shot, name).health, 'healthy', name);
	for (const name of ['lab-worker-1', 'lab-worker-2']) assert.equal(named(shot, name).state, 'running', name);

	// Trouble first: the first standalone container is in trouble, the last is not.
	const standalone = shot.containers.filter((c) => c.project === null);
	assert.notEqual(standalone[0]?.exitCode ?? null, null);
	assert.equal(standalone.at(-1)?.state, 'running');
});
