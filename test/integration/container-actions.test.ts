import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import Docker from 'dockerode';
import {runContainerAction, type ContainerAction} from '../../source/sources/docker/container-actions.js';
import {savedPoliciesAt} from '../../source/sources/state/saved-policies.js';
import {docker, removeContainers, requireEngine} from '../support/engine.js';
import {until} from '../support/run-cli.js';

// Every container action against the real engine, including breaking a real restart loop and
// re-arming it, and the one-line messages of the ways an action fails.

const engine = new Docker();
const inspect = (name: string) => JSON.parse(docker('inspect', name))[0] as {Id: string; State: {Status: string; StartedAt: string; ExitCode: number}; RestartCount: number; HostConfig: {RestartPolicy: {Name: string; MaximumRetryCount: number}}};

function actor(name: string, file = join(mkdtempSync(join(tmpdir(), 'fleettop-state-')), 'stopped-loops.json')) {
	const id = inspect(name).Id;
	const policies = savedPoliciesAt(file);
	const act = (action: ContainerAction) => runContainerAction(action, {docker: engine, id, policyKey: `unix:///var/run/docker.sock/${id}`, name, policies, callTimeoutMs: 5000});
	return {act, policies, file, id};
}

test('start, stop, restart, pause, unpause, kill; already there is success; failures say why', async (t) => {
	if (!requireEngine(t)) return;
	const name = `fleettop-test-actions-${process.pid}`;
	docker('run', '-d', '--name', name, '--label', 'fleettop.test=1', '--network', 'none', 'fleettop-lab/base:1', 'sleep', '100000');
	try {
		const {act} = actor(name);
		assert.equal(await act('stop'), 'stopped');
		assert.equal(inspect(name).State.Status, 'exited');
		assert.equal(await act('stop'), 'already stopped');
		assert.equal(await act('start'), 'started');
		assert.equal(await act('start'), 'already running');
		const before = inspect(name).State.StartedAt;
		assert.equal(await act('restart'), 'restarted');
		assert.notEqual(inspect(name).State.StartedAt, before);
		assert.equal(await act('pause'), 'paused');
		assert.equal(inspect(name).State.Status, 'paused');
		await assert.rejects(act('pause'), {message: `pause ${name}: Container ${name} is already paused`});
		assert.equal(await act('unpause'), 'unpaused');
		assert.equal(await act('kill'), 'killed');
		assert.equal(inspect(name).State.ExitCode, 137);
		await assert.rejects(act('re-arm'), /no saved restart policy/);
		removeContainers(name);
		await assert.rejects(act('start'), {message: `start ${name}: the container is gone (removed meanwhile)`});
	} finally {
		removeContainers(name);
	}
});

test('stop-loop breaks a real restart loop for good; re-arm brings its policy back', async (t) => {
	if (!requireEngine(t)) return;
	const name = `fleettop-test-stoploop-${process.pid}`;
	docker('run', '-d', '--name', name, '--label', 'fleettop.test=1', '--network', 'none', '--restart', 'on-failure:50', 'fleettop-lab/base:1', 'sh', '-c', 'sleep 0.3; exit 3');
	try {
		await until('the loop to restart', async () => (inspect(name).RestartCount >= 2 ? true : undefined), 30_000);
		const {act, policies, file, id} = actor(name);
		assert.match(await act('stop-loop'), /^loop stopped \(policy on-failure saved/);
		const stopped = inspect(name);
		assert.equal(stopped.HostConfig.RestartPolicy.Name, 'no');
		assert.notEqual(stopped.State.Status, 'running');
		await new Promise((resolve) => setTimeout(resolve, 4000));
		const later = inspect(name);
		assert.equal(later.RestartCount, stopped.RestartCount, 'no restart after stop-loop');
		assert.equal(later.State.Status, 'exited');
		const saved = JSON.parse(readFileSync(file, 'utf8')).policies[`unix:///var/run/docker.sock/${id}`];
		assert.deepEqual([saved.name, saved.policy], [name, {Name: 'on-failure', MaximumRetryCount: 50}], 'the policy survives fleettop in its state file');

		// Stopping it again keeps the saved policy (the container's own is "no" by now).
		assert.match(await act('stop-loop'), /policy on-failure saved, already stopped/);

		assert.equal(await act('re-arm'), 're-armed: policy on-failure restored, started');
		assert.deepEqual(inspect(name).HostConfig.RestartPolicy, {Name: 'on-failure', MaximumRetryCount: 50});
		await until('the loop to run again', async () => (inspect(name).RestartCount > later.RestartCount ? true : undefined), 30_000);
		assert.equal(await policies.get(`unix:///var/run/docker.sock/${id}`), null, 're-arm forgets the saved policy');
	} finally {
		removeContainers(name);
	}
});
