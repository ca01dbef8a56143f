import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createSupervisorClient} from '../../source/sources/supervisor/client.js';
import {requireEngine} from '../support/engine.js';
import {runCli, snapshot, until} from '../support/run-cli.js';
import {requireSupervisord, startSupervisord, testCredentials} from '../support/supervisord.js';

// `fleettop --once --json` with supervisord on the host (given by --supervisor) and inside the
// lab container lab-supervisor (found by itself).

test('--json lists the host\'s and lab-supervisor\'s programs; the container\'s row names its FATAL program', async (t) => {
	if (!requireEngine(t) || !requireSupervisord(t)) return;
	// The mailer exits within startsecs whatever the load, so it is FATAL after its one try (with
	// startsecs=1 a busy machine could see it pass as RUNNING, then stay EXITED).
	const host = await startSupervisord('[program:api]\ncommand=sleep 1000\n\n[program:mailer]\ncommand=sh -c \'echo "mailer: SMTP auth failed" >&2; exit 1\'\nstartsecs=10\nstartretries=0\n');
	try {
		const {username, password} = testCredentials;
		const client = createSupervisorClient({kind: 'unix', path: host.socket}, 5000);
		let states = '';
		await until('api RUNNING and mailer FATAL', async () => {
			states = (await client.programs()).map((program) => `${program.name} ${program.state}`).sort().join(', ');
			return states === 'api RUNNING, mailer FATAL' ? true : undefined;
		}, 20_000).catch((error: Error) => {
			throw new Error(`${error.message} (last seen: ${states})`);
		});
		const document = await snapshot(['--supervisor', `http://${username}:${password}@127.0.0.1:${host.port}`]);
		const onHost = document.supervisors.find((supervisor) => supervisor.id === 'host')!;
		assert.equal(onHost.where, `http://127.0.0.1:${host.port}`);
		assert.equal(onHost.state, 'RUNNING');
		assert.equal(onHost.container, null);
		const programs = Object.fromEntries(onHost.programs.map((program) => [program.name, program]));
		assert.equal(programs['api:api']!.state, 'RUNNING');
		assert.equal(programs['mailer:mailer']!.state, 'FATAL');
		assert.deepEqual(programs['mailer:mailer']!.stderrTail, ['mailer: SMTP auth failed'], 'a FATAL program\'s stderr tail');

		const inLab = document.supervisors.find((supervisor) => supervisor.container === 'lab-supervisor')!;
		assert.equal(inLab.where, 'docker exec lab-supervisor');
		const flaky = inLab.programs.find((program) => program.name === 'flaky:flaky')!;
		if (flaky.state === 'FATAL') {
			assert.equal(flaky.exitStatus, 0);
			assert.match(flaky.stderrTail.at(-1)!, /Connection refused\./);
		}
		const row = document.containers.find((container) => container.name === 'lab-supervisor')!;
		assert.match(row.diagnosis!.summary, /^supervisord: \d of 3 programs unhealthy: flaky (FATAL|BACKOFF|flapping)/);

		const refused = await snapshot(['--supervisor', `http://${username}:wrong@127.0.0.1:${host.port}`]);
		assert.match(refused.supervisors.find((supervisor) => supervisor.id === 'host')!.error!, /refused the credentials/);
	} finally {
		await host.stop();
	}
});

test('a malformed --supervisor is a one-line error and exit code 2', async () => {
	const result = await runCli(['--once', '--supervisor', 'localhost:9001']);
	assert.equal(result.code, 2);
	assert.equal(result.stderr, 'fleettop: --supervisor \'localhost:9001\' is not a supervisord address: use unix:///var/run/supervisor.sock or http://user:password@127.0.0.1:9001\n');
});
