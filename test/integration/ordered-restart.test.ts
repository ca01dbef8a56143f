import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {docker, requireEngine} from '../support/engine.js';
import {runCli} from '../support/run-cli.js';

// `fleettop restart PROJECT` on real compose projects: the order, the waiting, the dry run.

const startedAt = (name: string) => docker('inspect', '-f', '{{.State.StartedAt}}', name);

test('a dry run prints the plan and changes nothing', async (t) => {
	if (!requireEngine(t)) return;
	const before = ['lab-shop_db_1', 'lab-shop_api_1'].map(startedAt);
	const result = await runCli(['restart', 'lab-shop', '--dry-run']);
	assert.equal(result.code, 0, result.stderr);
	assert.match(result.stdout, /^Ordered restart of lab-shop: 3 services/);
	assert.match(result.stdout, /1\. lab-shop_db_1 +restart, wait until healthy\n +2\. lab-shop_api_1 +start, wait until running \(after db\)\n +3\. lab-shop_worker_1 +start, wait until running \(after api\)/);
	assert.match(result.stdout, /dry run: nothing was changed/);
	assert.deepEqual(['lab-shop_db_1', 'lab-shop_api_1'].map(startedAt), before);
	const readOnly = await runCli(['restart', 'lab-shop', '--read-only']);
	assert.equal(readOnly.code, 2);
	assert.match(readOnly.stderr, /--read-only: fleettop restart would change containers/);
	// The same refusal from the configuration file alone; a broken file is one line, exit 2.
	const dir = mkdtempSync(join(tmpdir(), 'fleettop-config-'));
	writeFileSync(join(dir, 'config.json'), '{"readOnly": true}');
	const fromFile = await runCli(['restart', 'lab-shop'], {env: {...process.env, FLEETTOP_CONFIG: join(dir, 'config.json')}});
	assert.equal(fromFile.code, 2);
	assert.match(fromFile.stderr, /--read-only: fleettop restart would change containers/);
	writeFileSync(join(dir, 'broken.json'), '{"readOnly": tru');
	const broken = await runCli(['--once'], {env: {...process.env, FLEETTOP_CONFIG: join(dir, 'broken.json')}});
	assert.equal(broken.code, 2);
	assert.match(broken.stderr, /^fleettop: \S+broken\.json is not valid JSON .*: fix it or move it away\n$/);
});

test('the lab project: db restarted but never healthy, so its dependents are not started', async (t) => {
	if (!requireEngine(t)) return;
	const before = startedAt('lab-shop_db_1');
	const result = await runCli(['restart', 'lab-shop', '--wait', '4s']);
	assert.equal(result.code, 1);
	assert.match(result.stdout, /FAILED +lab-shop_db_1: restarted, not healthy after 4\.0s \(running, (unhealthy|starting)\)/);
	assert.match(result.stdout, /skipped lab-shop_api_1: not started: db is not ready/);
	assert.match(result.stdout, /skipped lab-shop_worker_1: not started: api is not ready/);
	assert.notEqual(startedAt('lab-shop_db_1'), before, 'db was restarted');
	assert.equal(docker('inspect', '-f', '{{.State.Status}}', 'lab-shop_api_1'), 'created');
});

test('a healthy chain starts in depends_on order, each after the one before is ready', async (t) => {
	if (!requireEngine(t)) return;
	const project = `fleettop-test-order-${process.pid}`;
	const file = join(mkdtempSync(join(tmpdir(), 'fleettop-compose-')), 'compose.yml');
	writeFileSync(file, [
		'version: "2.4"',
		'x-base: &base',
		'  image: fleettop-lab/base:1',
		'  network_mode: none',
		'  labels: {fleettop.test: "1"}',
		'services:',
		'  store:',
		'    <<: *base',
		'    command: ["sh", "-c", "sleep 2; touch /tmp/ready; sleep 100000"]',
		'    healthcheck: {test: ["CMD-SHELL", "test -f /tmp/ready"], interval: 1s, retries: 30}',
		'  app:',
		'    <<: *base',
		'    command: ["sleep", "100000"]',
		'    depends_on: {store: {condition: service_healthy}}',
		'  edge:',
		'    <<: *base',
		'    command: ["sleep", "100000"]',
		'    depends_on: [app]',
		'',
	].join('\n'));
	const compose = (...args: string[]) => execFileSync('docker-compose', ['-p', project, '-f', file, ...args], {stdio: 'ignore'});
	compose('up', '--no-start');
	try {
		const result = await runCli(['restart', project, '--wait', '30s']);
		assert.equal(result.code, 0, result.stdout + result.stderr);
		assert.match(result.stdout, /ok +\S+_store_1: started, healthy after/);
		assert.match(result.stdout, /ok +\S+_app_1: started, running after/);
		assert.match(result.stdout, /all 3 containers ready/);
		const [store, app, edge] = ['store', 'app', 'edge'].map((service) => Date.parse(startedAt(`${project}_${service}_1`)));
		assert.ok(store! + 1500 < app!, 'app waited for store to be healthy (it takes 2 s)');
		assert.ok(app! <= edge!, 'edge after app');
	} finally {
		compose('down', '--remove-orphans');
	}
});
