import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {join} from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import type {SupervisorProgram} from '../../source/domain/supervisor.js';
import {createSupervisorClient} from '../../source/sources/supervisor/client.js';
import {postXml, SupervisorError} from '../../source/sources/supervisor/transport.js';
import {encodeCall} from '../../source/sources/supervisor/xmlrpc.js';
import {until} from '../support/run-cli.js';
import {freePort, requireSupervisord, startSupervisord, testCredentials, type TestSupervisord} from '../support/supervisord.js';

// fleettop's XML-RPC client against a real supervisord: a program in every state it can reach,
// each action, a FATAL program's stderr, and every way of failing to ask.

const programs = `[program:web]
command=sleep 1000

[program:idle]
command=sleep 1000
autostart=false

[program:once]
command=sh -c 'echo "done"'
startsecs=0
autorestart=false

[program:broken]
command=sh -c 'echo "boom: cannot open /etc/app.conf" >&2; exit 0'
startsecs=2
startretries=1

[program:flaky]
command=sh -c 'sleep 1.5; exit 3'
startsecs=1
autorestart=true

[program:slow]
command=sleep 1000
startsecs=600

[program:retrying]
command=sh -c 'exit 1'
startsecs=1
startretries=1000

[program:stubborn]
command=sh -c 'trap "" TERM; while :; do sleep 1; done'
stopwaitsecs=8

[program:worker-a]
command=sleep 1000
autostart=false

[program:worker-b]
command=sleep 1000
autostart=false

[group:jobs]
programs=worker-a,worker-b
`;

let supervisord: TestSupervisord;
let available = false;
test.before(async () => {
	try {
		execFileSync('supervisord', ['--version'], {stdio: 'ignore'});
		available = true;
	} catch {
		return;
	}
	supervisord = await startSupervisord(programs);
});
test.after(async () => supervisord?.stop());

const unix = () => createSupervisorClient({kind: 'unix', path: supervisord.socket}, 5000);
const byName = (list: SupervisorProgram[]) => Object.fromEntries(list.map((program) => [program.fullName, program]));

async function failure(promise: Promise<unknown>): Promise<SupervisorError> {
	try {
		await promise;
	} catch (error) {
		assert.ok(error instanceof SupervisorError, String(error));
		assert.doesNotMatch(error.message, /\n/, 'one line');
		return error;
	}
	throw new Error('expected a failure');
}

test('programs in every state supervisord reaches by itself, with pid, exit status and group', async (t) => {
	if (!available && !requireSupervisord(t)) return;
	const client = unix();
	const seen = await until('FATAL, EXITED, RUNNING and STOPPED programs', async () => {
		const programs = byName(await client.programs());
		return programs['broken:broken']?.state === 'FATAL' && programs['once:once']?.state === 'EXITED' ? programs : undefined;
	}, 30_000);
	assert.equal(seen['web:web']!.state, 'RUNNING');
	assert.ok(seen['web:web']!.pid! > 1);
	assert.ok(seen['web:web']!.startedAt! > Date.now() - 60_000);
	assert.equal(seen['idle:idle']!.state, 'STOPPED');
	assert.equal(seen['idle:idle']!.pid, null);
	assert.equal(seen['once:once']!.exitStatus, 0);
	assert.equal(seen['broken:broken']!.exitStatus, 0, 'FATAL with exit status 0: the cause is in its stderr');
	assert.equal(seen['jobs:worker-a']!.group, 'jobs');
	assert.equal(seen['jobs:worker-a']!.name, 'worker-a');
	// flaky dies 1.5 s after each start: it passes through several states.
	const states = new Set<string>();
	const pids = new Set<number>();
	await until('flaky cycling', async () => {
		const flaky = byName(await client.programs())['flaky:flaky']!;
		states.add(flaky.state);
		if (flaky.pid) pids.add(flaky.pid);
		return pids.size >= 2 && states.size >= 2 ? true : undefined;
	}, 30_000).catch(async () => {
		// until polls once a second: sample faster on a slow machine.
		for (let index = 0; index < 40 && (pids.size < 2 || states.size < 2); index++) {
			const flaky = byName(await client.programs())['flaky:flaky']!;
			states.add(flaky.state);
			if (flaky.pid) pids.add(flaky.pid);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	});
	assert.ok(pids.size >= 2, `new pids: ${[...pids].join(' ')}`);
	assert.ok([...states].some((state) => state !== 'RUNNING'), [...states].join(' '));
});

test('STARTING, BACKOFF and STOPPING, which last a while only in programs made for it', async (t) => {
	if (!available && !requireSupervisord(t)) return;
	const client = unix();
	const states = await until('slow STARTING and retrying in BACKOFF', async () => {
		const programs = byName(await client.programs());
		return programs['slow:slow']?.state === 'STARTING' && programs['retrying:retrying']?.state === 'BACKOFF' ? programs : undefined;
	}, 30_000);
	assert.equal(states['retrying:retrying']!.exitStatus, null, 'supervisord reports 0 in BACKOFF, whatever the exit: not shown');
	// stopProcess without waiting: a program that ignores SIGTERM stays STOPPING until stopwaitsecs (8 s).
	await postXml({kind: 'unix', path: supervisord.socket}, encodeCall('supervisor.stopProcess', ['stubborn:stubborn', false]), 5000);
	await until('stubborn STOPPING', async () => (byName(await client.programs())['stubborn:stubborn']?.state === 'STOPPING' ? true : undefined), 10_000);
});

test('start, stop, a whole group, and a name that is not there', async (t) => {
	if (!available && !requireSupervisord(t)) return;
	const client = unix();
	await client.start('idle:idle');
	assert.equal(byName(await client.programs())['idle:idle']!.state, 'RUNNING');
	await client.stop('idle:idle');
	assert.equal(byName(await client.programs())['idle:idle']!.state, 'STOPPED');
	await client.start('jobs:*');
	let programs = byName(await client.programs());
	assert.deepEqual([programs['jobs:worker-a']!.state, programs['jobs:worker-b']!.state], ['RUNNING', 'RUNNING']);
	await client.stop('jobs:*');
	programs = byName(await client.programs());
	assert.deepEqual([programs['jobs:worker-a']!.state, programs['jobs:worker-b']!.state], ['STOPPED', 'STOPPED']);
	const gone = await failure(client.start('vanished:vanished'));
	assert.equal(gone.reason, 'fault');
	assert.match(gone.message, /^startProcess vanished:vanished: BAD_NAME/);
	const stopped = await failure(client.stop('idle:idle'));
	assert.match(stopped.message, /NOT_RUNNING/);
});

test('a FATAL program\'s stderr tail says why', async (t) => {
	if (!available && !requireSupervisord(t)) return;
	const tail = await unix().tail('broken:broken', 'stderr', 2000);
	assert.match(tail, /boom: cannot open \/etc\/app\.conf/);
});

test('over HTTP with basic auth; wrong or missing credentials are a clear 401, not a parse error', async (t) => {
	if (!available && !requireSupervisord(t)) return;
	const http = (username: string | null, password: string | null) => createSupervisorClient({kind: 'http', host: '127.0.0.1', port: supervisord.port, username, password}, 5000);
	assert.equal(await http(testCredentials.username, testCredentials.password).state(), 'RUNNING');
	for (const client of [http(testCredentials.username, 'wrong'), http(null, null)]) {
		const error = await failure(client.state());
		assert.equal(error.reason, 'auth');
		assert.match(error.message, /refused the credentials: give them as --supervisor http:\/\/user:password@host:port/);
	}
});

test('no socket, nothing listening, no answer in time: one line each', async (t) => {
	if (!available && !requireSupervisord(t)) return;
	const missing = await failure(createSupervisorClient({kind: 'unix', path: join(supervisord.dir, 'nope.sock')}, 2000).state());
	assert.equal(missing.reason, 'missing');
	assert.match(missing.message, /^no supervisord socket at unix:\/\/.*nope\.sock: is supervisord running\?/);
	const refused = await failure(createSupervisorClient({kind: 'http', host: '127.0.0.1', port: await freePort(), username: null, password: null}, 2000).state());
	assert.equal(refused.reason, 'refused');
	assert.match(refused.message, /refuses connections: is it running\?/);
});

test('its 0700 socket, asked by another user: permission denied, and what to do', async (t) => {
	if (!available && !requireSupervisord(t)) return;
	const client = fileURLToPath(new URL('../../source/sources/supervisor/client.ts', import.meta.url));
	const script = `import(${JSON.stringify(client)}).then((m) => m.createSupervisorClient({kind: 'unix', path: ${JSON.stringify(supervisord.socket)}}, 2000).state()).then((s) => console.log('answered', s), (e) => console.log(e.reason, e.message))`;
	const output = execFileSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '--import', 'tsx', '-e', script], {encoding: 'utf8'}).trim();
	assert.match(output, /^denied permission denied on unix:\/\/.*supervisor\.sock: supervisord's socket is 0700 by default; run fleettop as its owner/);
});
