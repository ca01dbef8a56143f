import assert from 'node:assert/strict';
import {test} from 'node:test';
import {ConfigError} from '../../source/config.js';
import {supervisorFinding} from '../../source/domain/diagnosis/supervisor-programs.js';
import {supervisorLines} from '../../source/domain/detail-lines.js';
import {isUnhealthy, programFromInfo, tailLines, trackFlaps, type FlapHistory, type ProgramState, type SupervisorStatus, type WatchedProgram} from '../../source/domain/supervisor.js';
import {endpointFromConfig, hostEndpoint, parseIni, parseSupervisorUrl} from '../../source/sources/supervisor/config.js';

const program = (name: string, state: ProgramState, extra: Partial<WatchedProgram> = {}): WatchedProgram => ({
	...programFromInfo({name, group: name, statename: state}),
	flaps: 0,
	stderrTail: [],
	...extra,
});

test('unhealthy: FATAL, BACKOFF, UNKNOWN, an error exit, flapping; STOPPED is the operator\'s doing', () => {
	const cases: Array<[WatchedProgram, boolean]> = [
		[program('a', 'RUNNING'), false],
		[program('a', 'STARTING'), false],
		[program('a', 'STOPPED'), false],
		[program('a', 'STOPPING'), false],
		[program('a', 'EXITED', {exitStatus: 0}), false],
		[program('a', 'EXITED', {exitStatus: 2}), true],
		[program('a', 'FATAL', {exitStatus: 0}), true],
		[program('a', 'BACKOFF'), true],
		[program('a', 'UNKNOWN'), true],
		[program('a', 'RUNNING', {flaps: 3}), true],
		[program('a', 'RUNNING', {flaps: 2}), false],
	];
	for (const [candidate, expected] of cases) assert.equal(isUnhealthy(candidate), expected, `${candidate.state} ${candidate.exitStatus} flaps ${candidate.flaps}`);
});

test('flaps: runs that ended, seen as up then down or as a new pid, in the last 10 minutes', () => {
	const history = new Map<string, FlapHistory>();
	const read = (state: ProgramState, pid: number | null, at: number) => trackFlaps(history, [{...programFromInfo({name: 'w', group: 'w', statename: state}), pid}], at).get('w:w');
	assert.equal(read('RUNNING', 10, 0), 0);
	assert.equal(read('EXITED', null, 1000), 1, 'RUNNING -> EXITED');
	assert.equal(read('STARTING', 11, 2000), 1);
	assert.equal(read('BACKOFF', null, 3000), 2, 'STARTING -> BACKOFF');
	assert.equal(read('RUNNING', 12, 4000), 2);
	assert.equal(read('RUNNING', 13, 5000), 3, 'a new pid: it died between two readings');
	assert.equal(read('RUNNING', 13, 6000), 3, 'the same pid: nothing new');
	assert.equal(read('FATAL', null, 7000), 4);
	assert.equal(read('FATAL', null, 8000), 4, 'FATAL stays FATAL');
	assert.equal(read('FATAL', null, 10 * 60_000 + 5500), 1, 'older than 10 minutes: forgotten');
});

test('stderr tails: the last lines, repeats collapsed', () => {
	assert.deepEqual(tailLines('a\nboom\nboom\nboom\n\nb\n', 5), ['a', 'boom (×3)', 'b']);
	assert.deepEqual(tailLines('1\n2\n3\n4\n5\n6\n7', 3), ['5', '6', '7']);
	assert.deepEqual(tailLines(''), []);
});

test('the container row: unhealthy programs named, the worst one\'s stderr as evidence; a healthy one says so', () => {
	const status = (programs: WatchedProgram[], error: string | null = null): SupervisorStatus => ({id: 'k', containerKey: 'k', label: 'app', where: 'docker exec app', state: error ? null : 'RUNNING', programs, error, readAt: 0});
	assert.equal(supervisorFinding(undefined), null);
	const healthy = supervisorFinding(status([program('web', 'RUNNING'), program('report', 'EXITED', {exitStatus: 0})]))!;
	assert.deepEqual([healthy.severity, healthy.cause], ['info', 'supervisord: 2 programs, none unhealthy']);
	const sick = supervisorFinding(status([program('web', 'RUNNING'), program('flaky', 'FATAL', {exitStatus: 0, stderrTail: ['flaky: Error 111 connecting (×4)']}), program('sync', 'RUNNING', {flaps: 5})]))!;
	assert.equal(sick.severity, 'warning');
	assert.equal(sick.cause, 'supervisord: 2 of 3 programs unhealthy: flaky FATAL, sync flapping (5 restarts in 10 min)');
	assert.equal(sick.evidence, 'flaky: Error 111 connecting (×4)');
	const unreachable = supervisorFinding(status([], 'supervisord in app could not be asked (through /usr/bin/python3): no [unix_http_server] socket in /etc/supervisord.conf'))!;
	assert.deepEqual([unreachable.severity, unreachable.cause], ['warning', 'supervisord cannot be asked']);
});

test('--supervisor: a socket path, unix://, or http with credentials; anything else says what to type', () => {
	assert.deepEqual(parseSupervisorUrl('/run/supervisor.sock'), {kind: 'unix', path: '/run/supervisor.sock'});
	assert.deepEqual(parseSupervisorUrl('unix:///var/run/supervisor.sock'), {kind: 'unix', path: '/var/run/supervisor.sock'});
	assert.deepEqual(parseSupervisorUrl('http://admin:p%40ss@127.0.0.1:9001'), {kind: 'http', host: '127.0.0.1', port: 9001, username: 'admin', password: 'p@ss'});
	assert.deepEqual(parseSupervisorUrl('http://localhost:9001/'), {kind: 'http', host: 'localhost', port: 9001, username: null, password: null});
	for (const bad of ['', 'localhost:9001', 'http://localhost', 'ftp://x:1', 'unix://']) {
		assert.throws(() => parseSupervisorUrl(bad), (error: unknown) => error instanceof ConfigError && /is not a supervisord address: use unix:\/\/\/var\/run\/supervisor\.sock or http:\/\/user:password@127\.0\.0\.1:9001/.test(error.message), bad);
	}
});

test('configs: the socket (with %(here)s), else the inet server and its credentials; comments ignored', () => {
	const ini = parseIni('; comment\n[unix_http_server]\nfile = /var/run/supervisor.sock   ; (the path to the socket file)\nchmod=0700\n\n[program:x]\ncommand: sleep 1\n');
	assert.equal(ini.get('unix_http_server')?.get('file'), '/var/run/supervisor.sock');
	assert.equal(ini.get('program:x')?.get('command'), 'sleep 1');
	assert.deepEqual(endpointFromConfig('[unix_http_server]\nfile=%(here)s/run/sv.sock\n', '/opt/app/supervisord.conf'), {kind: 'unix', path: '/opt/app/run/sv.sock'});
	assert.deepEqual(endpointFromConfig('[inet_http_server]\nport=*:9001\nusername=u\npassword=p\n', '/etc/supervisord.conf'), {kind: 'http', host: '127.0.0.1', port: 9001, username: 'u', password: 'p'});
	assert.deepEqual(endpointFromConfig('[inet_http_server]\nport=9002\n', '/etc/supervisord.conf'), {kind: 'http', host: '127.0.0.1', port: 9002, username: null, password: null});
	assert.equal(endpointFromConfig('[supervisord]\nnodaemon=true\n', '/etc/supervisord.conf'), null);
	const files: Record<string, string> = {'/etc/supervisord.conf': '[unix_http_server]\nfile=/tmp/a.sock\n', '/srv/sv.conf': '[unix_http_server]\nfile=sv.sock\n'};
	const read = (path: string) => files[path] ?? null;
	assert.deepEqual(hostEndpoint(null, read), {kind: 'unix', path: '/tmp/a.sock'}, 'Debian\'s path first, then /etc/supervisord.conf');
	assert.deepEqual(hostEndpoint('/srv/sv.conf', read), {kind: 'unix', path: '/srv/sv.sock'}, 'the running one\'s -c, relative to its folder');
});

test('the detail view\'s supervisord section: each program, and a FATAL one\'s stderr', () => {
	const now = Date.UTC(2026, 11, 2, 10, 0, 0);
	const status: SupervisorStatus = {
		id: 'k', containerKey: 'k', label: 'app', where: 'docker exec app', state: 'RUNNING', error: null, readAt: now,
		programs: [
			program('web', 'RUNNING', {pid: 8, startedAt: now - 90_000}),
			program('flaky', 'FATAL', {exitStatus: 0, spawnError: 'Exited too quickly (process log may have details)', stderrTail: ['flaky: Error 111 (×4)']}),
			program('sync', 'RUNNING', {pid: 12, startedAt: now - 5000, flaps: 4}),
		],
	};
	assert.deepEqual(supervisorLines(status, now).map((entry) => [entry.style, entry.text]), [
		['heading', 'supervisord (docker exec app)'],
		['ok', '  web:web                  RUNNING, pid 8, up 1m'],
		['bad', '  flaky:flaky              FATAL, exit status 0, Exited too quickly (process log may have details)'],
		['dim', '      stderr: flaky: Error 111 (×4)'],
		['warn', '  sync:sync                RUNNING, pid 12, up 5s, flapping: 4 restarts in 10 min'],
	]);
	assert.deepEqual(supervisorLines({...status, error: 'supervisord in app: the container is gone', programs: []}, now).map((entry) => entry.text), ['supervisord (docker exec app)', '  ✖ supervisord in app: the container is gone']);
	assert.deepEqual(supervisorLines(undefined, now), []);
});
