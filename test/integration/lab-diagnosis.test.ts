import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import type {Snapshot} from '../../source/domain/snapshot.js';
import {requireEngine} from '../support/engine.js';
import {runCli, snapshot, until} from '../support/run-cli.js';

// Every lab incident gets the right diagnosis in `fleettop --once --json`, from the real engine,
// the real logs of the runs that died and the host's real listening sockets.

type Entry = Snapshot['containers'][number];
const named = (shot: Snapshot, name: string): Entry => {
	const entry = shot.containers.find((container) => container.name === name);
	assert.ok(entry, `${name} is in the snapshot (is the lab up? npm run lab up)`);
	return entry;
};
const main = (entry: Entry) => entry.diagnosis?.findings[0];
const rules = (entry: Entry) => entry.diagnosis?.findings.map((finding) => finding.rule) ?? [];

/** Loops need a few runs after `lab up` before every one has died at least once. */
async function settledSnapshot(): Promise<Snapshot> {
	let missing: string[] = [];
	return until(() => `every lab incident to have failed at least once (not yet: ${missing.join(', ')})`, async () => {
		const shot = await snapshot();
		const failing = ['lab-agent-1', 'lab-pip-worker', 'lab-api-port', 'lab-gateway', 'lab-notifier', 'lab-uploads', 'lab-oom'];
		const entries = failing.map((name) => [name, shot.containers.find((c) => c.name === name)] as const);
		missing = entries.filter(([, entry]) => (entry?.diagnosis?.findings.length ?? 0) === 0).map(([name, entry]) => `${name} ${entry?.state} restarts ${entry?.restartCount}`);
		const db = shot.containers.find((c) => c.name === 'lab-shop_db_1');
		if (db?.health !== 'unhealthy') missing.push(`lab-shop_db_1 ${db?.health}`);
		return missing.length === 0 ? shot : undefined;
	}, 120_000);
}

test('every lab incident is diagnosed in the --json snapshot', async (t) => {
	if (!requireEngine(t)) return;
	const shot = await settledSnapshot();

	for (const name of ['lab-agent-1', 'lab-agent-2', 'lab-agent-3']) {
		const agent = named(shot, name);
		assert.equal(main(agent)?.rule, 'not-found', name);
		assert.equal(main(agent)?.cause, 'command not found: python');
		assert.equal(main(agent)?.evidence, 'sh: python: not found');
		assert.equal(agent.diagnosis?.exit?.label, 'command not found');
		assert.equal(agent.diagnosis?.severity, 'critical');
	}

	const pip = named(shot, 'lab-pip-worker');
	assert.equal(main(pip)?.rule, 'build-failure');
	assert.match(main(pip)!.cause, /^pip cannot build psutil: no C compiler \(gcc\), no Python headers/);

	const holderPid = Number(readFileSync('/var/lib/fleettop-lab/port-holder.pid', 'utf8'));
	const apiPort = named(shot, 'lab-api-port');
	assert.equal(main(apiPort)?.rule, 'port-in-use');
	assert.equal(main(apiPort)!.cause, `port 18091 held by host pid ${holderPid} python3 (user root)`);
	assert.match(main(apiPort)!.hint, new RegExp(`^Stop the old process \\(x in fleettop, or kill ${holderPid}: /usr/bin/python3 -m http.server 18091 `));
	assert.match(main(apiPort)!.evidence ?? '', /Errno 98\] Address already in use/);

	const gateway = named(shot, 'lab-gateway');
	assert.equal(main(gateway)?.rule, 'port-in-use');
	assert.match(main(gateway)!.cause, /^port 18092 held by container lab-gateway-old \(pid \d+ httpd\)$/);
	assert.match(main(gateway)!.hint, /runs httpd -f -p 127\.0\.0\.1:18092/);
	assert.match(main(gateway)!.evidence ?? '', /listen EADDRINUSE: address already in use 127\.0\.0\.1:18092/);

	const notifier = named(shot, 'lab-notifier');
	assert.equal(main(notifier)?.cause, 'missing module: aiohttp');
	assert.equal(main(notifier)?.evidence, "ModuleNotFoundError: No module named 'aiohttp'");

	const uploads = named(shot, 'lab-uploads');
	assert.equal(main(uploads)?.cause, 'permission denied: /data/.write-test on volume /var/lib/fleettop-lab/uploads');
	assert.match(main(uploads)!.hint, /runs as 1000:1000: chown the volume source/);

	const oom = named(shot, 'lab-oom');
	assert.equal(main(oom)?.cause, 'out of memory at limit 16M');
	assert.equal(oom.diagnosis?.exit?.label, 'out of memory');
	assert.match(oom.diagnosis!.exit!.meaning, /limit of 16M/);

	const qdrant = named(shot, 'lab-qdrant');
	assert.ok(rules(qdrant).includes('health-cannot-fail'), 'CMD true cannot fail');
	assert.notEqual(qdrant.diagnosis?.severity, null, 'reads healthy, must not look fine');

	// The compose chain: db unhealthy blocks api, which blocks worker; migrate has no container.
	const db = named(shot, 'lab-shop_db_1');
	assert.equal(main(db)?.rule, 'health-failing');
	assert.deepEqual([...db.diagnosis!.dependencies!.cascade].sort(), ['api', 'worker']);
	assert.deepEqual(db.diagnosis!.dependencies!.dependents, ['api']);
	const api = named(shot, 'lab-shop_api_1');
	assert.equal(main(api)?.cause, 'blocked by db (unhealthy)');
	assert.deepEqual(api.diagnosis!.dependencies!.dependents, ['worker']);
	assert.equal(main(named(shot, 'lab-shop_worker_1'))?.cause, 'blocked by api (created)');
	assert.deepEqual(shot.missingServices, [{project: 'lab-shop', service: 'migrate', profiles: ['manual']}]);

	for (const name of ['lab-web', 'lab-metrics', 'lab-cache', 'lab-worker-1', 'lab-gateway-old']) {
		assert.equal(named(shot, name).diagnosis?.severity, null, `${name} is fine`);
	}

	const causes = Object.fromEntries(shot.summary.causes.map((entry) => [entry.cause, entry.count]));
	assert.ok((causes['exit 127 command not found'] ?? 0) >= 3, JSON.stringify(causes));
	assert.ok((causes['address already in use'] ?? 0) >= 2);
	assert.ok(shot.summary.availability !== null && shot.summary.availability < 80);
	assert.ok(shot.summary.alerts.some((alert) => alert.severity === 'critical' && /availability/.test(alert.text)));
});

test('loops are measured from events: rate, since, next restart', async (t) => {
	if (!requireEngine(t)) return;
	const shot = await until('an agent seen looping', async () => {
		const current = await snapshot();
		const agent = current.containers.find((c) => c.name === 'lab-agent-1');
		return agent?.diagnosis?.loop.looping && agent.diagnosis.loop.restartsInWindow >= 1 ? current : undefined;
	}, 120_000);
	const loop = named(shot, 'lab-agent-1').diagnosis!.loop;
	assert.ok(loop.perHour > 3);
	assert.ok(loop.since && Date.parse(loop.since) <= Date.parse(shot.takenAt));
	if (named(shot, 'lab-agent-1').state === 'restarting') assert.ok(loop.nextRestartAt === null || Date.parse(loop.nextRestartAt) > Date.parse(shot.takenAt) - 1000);
	assert.ok(shot.engines[0]?.historySince, 'the snapshot says since when exits are known');
	// A threshold above any lab rate: only containers restarting right now, or in the first
	// seconds of a run the engine started after a grown backoff, still count.
	const relaxed = await snapshot(['--loop-warn', '10000']);
	const settledRun = (entry: Entry) => entry.state === 'running' && Date.parse(relaxed.takenAt) - Date.parse(entry.startedAt!) >= 10_000;
	for (const entry of relaxed.containers.filter(settledRun)) assert.equal(entry.diagnosis?.loop.looping, false, entry.name);
});

test('fleettop report writes a Markdown incident report', async (t) => {
	if (!requireEngine(t)) return;
	await settledSnapshot();
	const file = join(mkdtempSync(join(tmpdir(), 'fleettop-report-')), 'incident.md');
	const written = await runCli(['report', '--output', file]);
	assert.equal(written.code, 0, written.stderr);
	assert.equal(written.stderr.trim(), `fleettop: report written to ${file}`);
	const report = readFileSync(file, 'utf8');
	assert.match(report, /^# Incident report: /);
	for (const heading of ['## Failures by cause', '## Findings', '### Critical', '### Warning', '## Affected containers', '## Compose services with no container', '## What to do']) {
		assert.ok(report.includes(`\n${heading}\n`), heading);
	}
	assert.match(report, /- \*\*command not found: python\*\* \(3 containers\): lab-agent-1, lab-agent-2, lab-agent-3/);
	assert.match(report, /evidence: `sh: python: not found`/);
	assert.match(report, /\| lab-shop_api_1 \| lab-shop \| created \| blocked by db \(unhealthy\)/);
	assert.match(report, /- lab-shop \/ migrate \(profiles: manual/);

	const printed = await runCli(['report']);
	assert.equal(printed.code, 0);
	assert.match(printed.stdout, /^# Incident report: /);
	const refused = await runCli(['report', '--output', '/proc/no/such/dir/x.md']);
	assert.equal(refused.code, 1);
	assert.match(refused.stderr, /^fleettop: cannot write the report to \/proc\/no\/such\/dir\/x\.md: .*choose another --output\n$/);
});
