import assert from 'node:assert/strict';
import {readlinkSync} from 'node:fs';
import {test} from 'node:test';
import Docker from 'dockerode';
import {supervisordsInContainers} from '../../source/domain/supervisor-discovery.js';
import {createProcessScanner} from '../../source/sources/host/proc-scan.js';
import {clientOver} from '../../source/sources/supervisor/client.js';
import {execRelay} from '../../source/sources/supervisor/exec-relay.js';
import {SupervisorError} from '../../source/sources/supervisor/transport.js';
import {docker, requireEngine} from '../support/engine.js';

// supervisord inside the lab container lab-supervisor: found in the host's process table, asked
// through docker exec with its own Python, nothing set up in the container.

async function labSupervisor() {
	const id = docker('inspect', '-f', '{{.Id}}', 'lab-supervisor');
	const found = supervisordsInContainers((await createProcessScanner().scan()).processes).find((process) => process.containerId === id);
	assert.ok(found, 'lab-supervisor\'s supervisord in the process table');
	assert.equal(found.config, '/etc/supervisord.conf');
	const python = readlinkSync(`/proc/${found.pid}/exe`);
	return {id, python, client: clientOver('lab-supervisor', execRelay({docker: new Docker(), containerId: id, name: 'lab-supervisor', python, configs: [found.config], timeoutMs: 10_000}))};
}

test('lab-supervisor through docker exec: RUNNING, FATAL with exit status 0 and its stderr, EXITED', async (t) => {
	if (!requireEngine(t)) return;
	const {client} = await labSupervisor();
	assert.equal(await client.state(), 'RUNNING');
	const programs = Object.fromEntries((await client.programs()).map((program) => [program.fullName, program]));
	assert.equal(programs['web:web']!.state, 'RUNNING');
	assert.ok(['BACKOFF', 'STARTING', 'FATAL'].includes(programs['flaky:flaky']!.state), programs['flaky:flaky']!.state);
	assert.ok(['RUNNING', 'STARTING', 'EXITED'].includes(programs['report:report']!.state));
	assert.match(await client.tail('flaky:flaky', 'stderr', 500), /Error 111 connecting to 127\.0\.0\.1:6380\. Connection refused\./);
	await client.start('report:report').catch((error: SupervisorError) => assert.match(error.message, /ALREADY_STARTED/));
	const afterStart = (await client.programs()).find((program) => program.fullName === 'report:report')!;
	assert.ok(['RUNNING', 'EXITED'].includes(afterStart.state), afterStart.state);
	await assert.rejects(client.stop('vanished:vanished'), (error: SupervisorError) => error.reason === 'fault' && /BAD_NAME/.test(error.message));
});

test('a wrong interpreter or a config without a socket: one line that says so', async (t) => {
	if (!requireEngine(t)) return;
	const {id, python} = await labSupervisor();
	const ask = (interpreter: string, configs: string[]) => clientOver('lab-supervisor', execRelay({docker: new Docker(), containerId: id, name: 'lab-supervisor', python: interpreter, configs, timeoutMs: 10_000})).state();
	await assert.rejects(ask('/nonexistent/python', ['/etc/supervisord.conf']), (error: SupervisorError) => error.reason === 'refused' && /^supervisord in lab-supervisor could not be asked \(through \/nonexistent\/python\)/.test(error.message) && !error.message.includes('\n'));
	await assert.rejects(ask(python, ['/etc/hostname']), (error: SupervisorError) => /no \[unix_http_server\] socket in \/etc\/hostname/.test(error.message));
	const gone = clientOver('x', execRelay({docker: new Docker(), containerId: 'f'.repeat(64), name: 'vanished', python, configs: [], timeoutMs: 10_000}));
	await assert.rejects(gone.state(), (error: SupervisorError) => error.reason === 'missing' && error.message === 'supervisord in vanished: the container is gone');
});
