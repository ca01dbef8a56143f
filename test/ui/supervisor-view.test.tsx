import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {App} from '../../source/app.js';
import {programFromInfo, type SupervisorStatus} from '../../source/domain/supervisor.js';
import {activeBindings} from '../../source/keymap/bindings.js';
import {decodeResponse} from '../../source/sources/supervisor/xmlrpc.js';
import {createActionRunner} from '../../source/store/action-runner.js';
import {applyBatch} from '../../source/store/actions.js';
import type {FleetStore} from '../../source/store/fleet-store.js';
import {createProgramRunner} from '../../source/store/program-runner.js';
import {fixtureNow, labStore} from '../support/fixtures.js';
import {type} from '../support/ink-keys.js';

// The supervisord view on recorded payloads: lab-supervisor as fleettop read it through docker
// exec (test/fixtures/lab-supervisors.json), and a host supervisord's getAllProcessInfo answer.

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

function withSupervisors(store: FleetStore): void {
	const keyOf = (name: string) => Object.values(store.getState().containers).find((record) => record.name === name)!.key;
	const inLab = (JSON.parse(fixture('lab-supervisors.json')) as SupervisorStatus[]).map((status) => ({...status, id: keyOf(status.label), containerKey: keyOf(status.label)}));
	const infos = decodeResponse(fixture('supervisor-all-process-info.xml')) as Array<Record<string, unknown>>;
	const host: SupervisorStatus = {
		id: 'host', containerKey: null, label: 'host', where: 'unix:///var/run/supervisor.sock', state: 'RUNNING', readAt: fixtureNow,
		programs: infos.map((info) => ({...programFromInfo(info), flaps: 0, stderrTail: info['statename'] === 'FATAL' ? ['boom'] : []})),
		error: null,
	};
	applyBatch(store, {supervisors: {statuses: [host, ...inLab], gone: []}});
}

function openApp(store: FleetStore) {
	const calls: string[] = [];
	const programs = createProgramRunner(store, async (target, action) => {
		calls.push(`${action} ${target.supervisor === 'host' ? 'host' : store.getState().containers[target.supervisor]!.name} ${target.target}`);
		return `${target.target}: done`;
	});
	const actions = createActionRunner(store, async () => 'done');
	return {...render(<App store={store} actions={actions} programs={programs} />), calls};
}


test('S lists every supervisord and its programs: states, groups, the FATAL program\'s stderr', async () => {
	const store = labStore();
	withSupervisors(store);
	const {lastFrame, stdin} = openApp(store);
	await type(stdin, ['S']);
	const frame = lastFrame()!;
	assert.match(frame, /supervisord 2 · 7 programs · 2 unhealthy/);
	assert.match(frame, /host supervisord \(unix:\/\/\/var\/run\/superviso/);
	assert.match(frame, /FATAL +0 broken/);
	assert.match(frame, /stderr: boom/);
	assert.match(frame, /group +jobs:\* +1 of 1 running/);
	assert.match(frame, /RUNNING +\d+ +\S+ +jobs:worker-a/);
	assert.match(frame, /STOPPED +idle/);
	assert.match(frame, /lab-supervisor supervisord \(docker exec lab/);
	assert.match(frame, /EXITED +0 report/);
	assert.match(frame, /FATAL +0 flaky +Exited too quickly/);
	assert.match(frame, /stderr: flaky: Error 111 connecting to 127\./);
	assert.match(frame, /s stop +r restart +t output +Enter go to container +Esc\/q back/);
	assert.ok(store.getState().summary.alerts.some((alert) => alert.severity === 'warning' && alert.text === 'host supervisord: 1 of 4 programs unhealthy: broken FATAL'), 'the host\'s supervisord has no row: a fleet alert');
});

test('u starts at once; s and r ask first, and n keeps it; Enter goes to the container', async () => {
	const store = labStore();
	withSupervisors(store);
	const {lastFrame, stdin, calls} = openApp(store);
	await type(stdin, ['S', 'j', 'u']);
	assert.deepEqual(calls, ['start host broken:broken']);
	assert.match(lastFrame()!, /broken:broken: done/);
	await type(stdin, ['s']);
	assert.match(lastFrame()!, /Stop broken:broken \(host\)\?\ny\/Enter do it   n\/Esc cancel/);
	await type(stdin, ['n']);
	assert.equal(store.getState().view.overlay, 'supervisors');
	await type(stdin, ['r']);
	assert.match(lastFrame()!, /Restart broken:broken \(host\)\?.*\n.*supervisord has no restart: stopped, then started/);
	await type(stdin, ['y']);
	assert.deepEqual(calls, ['start host broken:broken', 'restart host broken:broken']);
	// Down to the group row: actions on group:*.
	await type(stdin, ['j', 'j', 'j', 's', 'y']);
	assert.deepEqual(calls.at(-1), 'stop host jobs:*');
	await type(stdin, ['G', 'k', '\r']);
	assert.equal(store.getState().view.overlay, null);
	assert.equal(store.getState().containers[store.getState().view.selectedKey!]!.name, 'lab-supervisor');
	assert.equal(store.getState().diagnoses[store.getState().view.selectedKey!]!.summary, 'supervisord: 1 of 3 programs unhealthy: flaky FATAL', 'its row says why');
	await type(stdin, ['\r']);
	assert.match(lastFrame()!, /supervisord \(docker exec lab-supervisor\)\n +flaky:flaky +FATAL, exit status 0, Exited too quickly/);
	assert.match(lastFrame()!, /stderr: flaky: Error 111 connecting to 127\.0\.0\.1:6380/);
});

test('t shows a program\'s output in the log pane; q goes back to the supervisord view', async () => {
	const store = labStore();
	withSupervisors(store);
	const {lastFrame, stdin} = openApp(store);
	await type(stdin, ['S', 'j', 't']);
	assert.match(lastFrame()!, /output of broken:broken \(host\) · following/);
	assert.deepEqual(store.getState().view.log!.subject, {kind: 'program', supervisor: 'host', target: 'broken:broken', label: 'broken:broken (host)'});
	await type(stdin, ['q']);
	assert.equal(store.getState().view.overlay, 'supervisors');
});

test('--read-only: the supervisord view lists, and no key changes a program', async () => {
	const store = labStore();
	store.setState({readOnly: true});
	withSupervisors(store);
	const {lastFrame, stdin, calls} = openApp(store);
	await type(stdin, ['S', 'j', 'u', 's', 'r']);
	assert.deepEqual(calls, []);
	assert.equal(store.getState().view.overlay, 'supervisors');
	assert.doesNotMatch(lastFrame()!, /s stop|r restart/);
	assert.ok(!activeBindings(true).some((binding) => binding.scope === 'programs' && binding.changes));
});
