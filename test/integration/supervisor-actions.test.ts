import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {resolveSettings} from '../../source/config.js';
import {connectSources} from '../../source/store/connect.js';
import {createFleetStore} from '../../source/store/fleet-store.js';
import {showLog} from '../../source/store/log-actions.js';
import {requireEngine} from '../support/engine.js';
import {until} from '../support/run-cli.js';
import {requireSupervisord, startSupervisord} from '../support/supervisord.js';

// Program actions and output through fleettop's own wiring, on a real supervisord on the host
// (given with --supervisor): the store follows, the audit log has a line for each.

test('start, stop, restart a program and a group through the connection; each one audited; a vanished name fails in one line', async (t) => {
	if (!requireEngine(t) || !requireSupervisord(t)) return;
	const host = await startSupervisord('[program:api]\ncommand=sleep 1000\n\n[program:mailer]\ncommand=sh -c \'echo "mailer: starting"; echo "mailer: SMTP auth failed" >&2\'\nstartsecs=1\nstartretries=0\n\n[program:a]\ncommand=sleep 1000\nautostart=false\n\n[program:b]\ncommand=sleep 1000\nautostart=false\n\n[group:jobs]\nprograms=a,b\n');
	const state = mkdtempSync(join(tmpdir(), 'fleettop-state-'));
	const store = createFleetStore();
	const connection = connectSources(store, resolveSettings({supervisor: `unix://${host.socket}`}, {XDG_STATE_HOME: state, HOME: state}));
	try {
		await connection.ready;
		const stateOf = (name: string) => store.getState().supervisors['host']?.programs.find((program) => program.fullName === name)?.state;
		const target = (name: string) => ({supervisor: 'host', target: name, label: `${name} (host)`});
		await until('the host supervisord in the store', async () => {
			connection.flush();
			return stateOf('api:api') === 'RUNNING' ? true : undefined;
		}, 15_000);

		assert.equal(await connection.actOnProgram(target('api:api'), 'stop'), 'api:api: stopped');
		await until('api STOPPED in the store', async () => (connection.flush(), stateOf('api:api') === 'STOPPED' ? true : undefined), 10_000);
		assert.equal(await connection.actOnProgram(target('api:api'), 'restart'), 'api:api: restarted', 'a restart of a stopped program starts it');
		assert.equal(await connection.actOnProgram(target('jobs:*'), 'start'), 'jobs:*: started');
		await until('the group RUNNING', async () => (connection.flush(), stateOf('jobs:a') === 'RUNNING' && stateOf('jobs:b') === 'RUNNING' ? true : undefined), 10_000);
		await assert.rejects(connection.actOnProgram(target('vanished:vanished'), 'start'), {message: 'startProcess vanished:vanished: BAD_NAME: vanished:vanished'});

		const lines = readFileSync(join(state, 'fleettop', 'audit.log'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
		assert.deepEqual(lines.map((line) => [line.container, line.action, line.outcome]), [
			['host', 'supervisor stop api:api', 'ok'],
			['host', 'supervisor restart api:api', 'ok'],
			['host', 'supervisor start jobs:*', 'ok'],
			['host', 'supervisor start vanished:vanished', 'failed'],
		]);

		// t on a program: its stdout, then its stderr, in the log pane.
		showLog(store, {kind: 'program', supervisor: 'host', target: 'mailer:mailer', label: 'mailer:mailer (host)'});
		const entries = await until('the mailer\'s output', async () => {
			connection.flush();
			const logs = store.getState().logs;
			return logs?.subject === 'program:host/mailer:mailer' && logs.entries.some((entry) => entry.kind === 'line' && entry.stream === 'stderr') ? logs.entries : undefined;
		}, 15_000);
		const texts = entries.map((entry) => (entry.kind === 'line' ? `${entry.stream} ${entry.text}` : entry.text));
		assert.deepEqual([texts[0], texts.includes('stdout mailer: starting'), texts.includes('— stderr —'), texts.at(-1)], ['— stdout —', true, true, 'stderr mailer: SMTP auth failed']);
	} finally {
		connection.stop();
		await host.stop();
	}
});
