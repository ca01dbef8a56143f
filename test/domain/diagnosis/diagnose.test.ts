import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {analyzeLoop, defaultLoopThresholds, estimateNextRestart} from '../../../source/domain/diagnosis/crash-loop.js';
import {analyzeDependencies, parseDependsOnLabel} from '../../../source/domain/diagnosis/dependencies.js';
import {diagnose} from '../../../source/domain/diagnosis/diagnose.js';
import {explainExit} from '../../../source/domain/diagnosis/exit-codes.js';
import type {ComposeProject} from '../../../source/domain/evidence.js';
import {summarizeFleet} from '../../../source/domain/fleet-summary.js';
import {servicesFromYaml} from '../../../source/sources/compose/compose-files.js';
import {aRecord, logLines, tableNow} from '../../support/records.js';

const minutes = (n: number) => n * 60_000;

test('exit codes in words', () => {
	const cases: Array<[number, boolean, number | null, RegExp]> = [
		[0, false, null, /^exited normally$/],
		[1, false, null, /^application error$/],
		[2, false, null, /^misuse/],
		[101, false, null, /^panic$/],
		[125, false, null, /^docker run failed$/],
		[126, false, null, /^not executable$/],
		[127, false, null, /^command not found$/],
		[137, true, 16 * 1024 * 1024, /^out of memory$/],
		[137, false, null, /^killed \(SIGKILL\)$/],
		[139, false, null, /^segfault/],
		[143, false, null, /^terminated \(SIGTERM\)$/],
		[130, false, null, /^killed by SIGINT$/],
		[42, false, null, /^application error$/],
		[-1, false, null, /^engine error$/],
	];
	for (const [code, oom, limit, label] of cases) assert.match(explainExit(code, oom, limit).label, label, String(code));
	assert.match(explainExit(137, true, 16 * 1024 * 1024).meaning, /limit of 16M/);
	assert.match(explainExit(42, false, null).meaning, /nothing more is known/);
});

test('crash loops from exits, not from State', () => {
	const exitsEvery = (count: number, everyMs: number) => Array.from({length: count}, (_, index) => ({at: tableNow - (count - index) * everyMs, code: 127}));
	const run = ({restartCount, waitedMs, ranMs, restartPolicy = 'always'}: {restartCount: number; waitedMs: number; ranMs: number; restartPolicy?: string}) =>
		aRecord({state: 'running', restartPolicy, restartCount, startedAt: tableNow - ranMs, finishedAt: tableNow - ranMs - waitedMs, exits: []});
	const cases: Array<{name: string; record: ReturnType<typeof aRecord>; observedSince?: number; looping: boolean; perHour: number}> = [
		{name: 'restarting now', record: aRecord({state: 'restarting', restartPolicy: 'always', exits: exitsEvery(1, minutes(1))}), looping: true, perHour: 1},
		{name: 'reads running, 12 exits in the hour', record: aRecord({state: 'running', restartPolicy: 'always', exits: exitsEvery(12, minutes(5))}), looping: true, perHour: 12},
		{name: '3 an hour is the threshold, not over it', record: aRecord({state: 'running', restartPolicy: 'always', exits: exitsEvery(3, minutes(15))}), looping: false, perHour: 3},
		{name: 'old exits slide out of the window', record: aRecord({state: 'running', restartPolicy: 'always', exits: exitsEvery(10, minutes(30))}), looping: false, perHour: 2},
		{name: 'two exits in two observed minutes: measured over ten', record: aRecord({state: 'running', restartPolicy: 'always', exits: exitsEvery(2, minutes(1))}), observedSince: tableNow - minutes(2), looping: true, perHour: 12},
		{name: 'one exit is not a loop yet', record: aRecord({state: 'running', restartPolicy: 'always', exits: exitsEvery(1, minutes(1))}), observedSince: tableNow - minutes(2), looping: false, perHour: 6},
		{name: 'no restart policy: it stays down', record: aRecord({state: 'exited', restartPolicy: 'no', exits: exitsEvery(5, minutes(1))}), looping: false, perHour: 4},
		// The engine forgot the exits (it keeps its last 256 events): its own count and wait tell.
		{name: 'a second-long run after a minute\'s backoff, no exit known', record: run({restartCount: 12, waitedMs: 60_000, ranMs: 1000}), looping: true, perHour: 0},
		{name: 'that run past ten seconds: Docker forgives it, only exits can tell', record: run({restartCount: 12, waitedMs: 60_000, ranMs: 10_000}), looping: false, perHour: 0},
		{name: 'started by hand after a stop: the count is reset', record: run({restartCount: 0, waitedMs: 60_000, ranMs: 1000}), looping: false, perHour: 0},
		{name: 'restarted at once after a long run (a crash a day)', record: run({restartCount: 5, waitedMs: 300, ranMs: 1000}), looping: false, perHour: 0},
		{name: 'no restart policy, started by hand', record: run({restartCount: 12, waitedMs: 60_000, ranMs: 1000, restartPolicy: 'no'}), looping: false, perHour: 0},
	];
	for (const entry of cases) {
		const loop = analyzeLoop(entry.record, tableNow, defaultLoopThresholds, entry.observedSince);
		assert.equal(loop.looping, entry.looping, entry.name);
		assert.equal(loop.perHour, entry.perHour, `${entry.name}: rate`);
	}
	assert.equal(analyzeLoop(cases[1]!.record, tableNow, {...defaultLoopThresholds, warnPerHour: 20}).looping, false, 'the threshold is configurable');
	const looping = analyzeLoop(cases[1]!.record, tableNow);
	assert.equal(looping.since, tableNow - minutes(60));
});

test('next restart follows Docker\'s backoff', () => {
	const waiting = (restartCount: number, ranMs: number) => aRecord({state: 'restarting', restartPolicy: 'always', restartCount, startedAt: tableNow - 5000 - ranMs, finishedAt: tableNow - 5000});
	assert.equal(estimateNextRestart(waiting(0, 500)), tableNow - 5000 + 100);
	assert.equal(estimateNextRestart(waiting(3, 500)), tableNow - 5000 + 800);
	assert.equal(estimateNextRestart(waiting(30, 500)), tableNow - 5000 + 60_000, 'capped at one minute');
	assert.equal(estimateNextRestart(waiting(30, 20_000)), tableNow - 5000 + 100, 'a long run resets the backoff');
	assert.equal(estimateNextRestart(aRecord({state: 'running'})), null);
	assert.equal(analyzeLoop(waiting(30, 500), tableNow).nextRestartAt, tableNow + 55_000);
});

const shopYaml = readFileSync(new URL('../../../lab/compose/shop.yml', import.meta.url), 'utf8');

test('compose files: depends_on in map and list form, profiles', async () => {
	const services = await servicesFromYaml(shopYaml);
	assert.deepEqual(Object.keys(services).sort(), ['api', 'db', 'migrate', 'worker']);
	assert.deepEqual(services['api']!.dependsOn, [{service: 'db', condition: 'service_healthy'}]);
	assert.deepEqual(services['migrate']!.profiles, ['manual']);
	assert.deepEqual((await servicesFromYaml('services:\n  web:\n    depends_on: [db, cache]\n  db: {}\n  cache:\n'))['web']!.dependsOn.map((dep) => dep.service), ['db', 'cache']);
	assert.deepEqual(await servicesFromYaml(''), {});
	assert.deepEqual(parseDependsOnLabel('db:service_healthy:false,api:service_started:true'), [{service: 'db', condition: 'service_healthy'}, {service: 'api', condition: 'service_started'}]);
});

test('blocked-by chains, dependents and the cascade of a failing service', async () => {
	const project: ComposeProject = {name: 'shop', files: ['shop.yml'], services: await servicesFromYaml(shopYaml), error: null};
	const service = (name: string, overrides: Parameters<typeof aRecord>[0]) => aRecord({id: name, key: `local/${name}`, name: `shop_${name}_1`, project: 'shop', service: name, ...overrides});
	const db = service('db', {state: 'running', health: 'unhealthy', exitCode: null});
	const api = service('api', {state: 'created', startedAt: null, finishedAt: null, exitCode: null});
	const worker = service('worker', {state: 'created', startedAt: null, finishedAt: null, exitCode: null});
	const {byKey, missing} = analyzeDependencies([db, api, worker], new Map([['shop', project]]));
	assert.deepEqual(byKey.get(api.key)!.blockedBy.map((dep) => `${dep.service} (${dep.status})`), ['db (unhealthy)']);
	assert.deepEqual(byKey.get(worker.key)!.blockedBy.map((dep) => `${dep.service} (${dep.status})`), ['api (created)']);
	assert.deepEqual(byKey.get(db.key)!.dependents, ['api']);
	assert.deepEqual(byKey.get(db.key)!.cascade.sort(), ['api', 'worker']);
	assert.deepEqual(missing, [{project: 'shop', service: 'migrate', profiles: ['manual']}]);

	const exitedDb = {...db, state: 'exited' as const, health: null, exitCode: 1};
	assert.equal(analyzeDependencies([exitedDb, api, worker], new Map([['shop', project]])).byKey.get(api.key)!.blockedBy[0]!.status, 'exited 1');
	// Without the compose file, compose v2's depends_on label still names the chain.
	const labelled = {...api, details: {...api.details!, dependsOnLabel: 'db:service_healthy:false'}};
	assert.equal(analyzeDependencies([db, labelled], new Map()).byKey.get(api.key)!.blockedBy[0]!.service, 'db');

	const diagnosis = diagnose({record: db, evidence: undefined, listeners: null, dependencies: byKey.get(db.key)!, containerName: () => null, now: tableNow, thresholds: defaultLoopThresholds});
	assert.match(diagnosis.summary, /blocks 2 services: (api, worker|worker, api)/);
	const blocked = diagnose({record: api, evidence: undefined, listeners: null, dependencies: byKey.get(api.key)!, containerName: () => null, now: tableNow, thresholds: defaultLoopThresholds});
	assert.match(blocked.summary, /^blocked by db \(unhealthy\)/);
});

test('unknown failures say so and show the last stderr line', () => {
	const record = aRecord({exitCode: 3});
	const diagnosis = diagnose({record, evidence: {finishedAt: record.finishedAt, lines: logLines('worker: tick', 'err: fatal: the ledger is inconsistent', 'worker: bye'), error: null}, listeners: null, dependencies: null, containerName: () => null, now: tableNow, thresholds: defaultLoopThresholds});
	assert.equal(diagnosis.findings[0]!.rule, 'unknown');
	assert.equal(diagnosis.findings[0]!.cause, 'application error (exit 3)');
	assert.equal(diagnosis.findings[0]!.evidence, 'fatal: the ledger is inconsistent');
	assert.equal(diagnosis.severity, 'critical');

	const healthy = diagnose({record: aRecord({state: 'running', exitCode: null}), evidence: undefined, listeners: null, dependencies: null, containerName: () => null, now: tableNow, thresholds: defaultLoopThresholds});
	assert.equal(healthy.severity, null);
	assert.equal(healthy.summary, '');

	const recovered = diagnose({record: aRecord({state: 'running', exitCode: 101, restartPolicy: 'always'}), evidence: {finishedAt: null, lines: logLines("err: thread 'main' panicked at 'boom'"), error: null}, listeners: null, dependencies: null, containerName: () => null, now: tableNow, thresholds: defaultLoopThresholds});
	assert.equal(recovered.severity, 'warning', 'one crash the policy recovered from');
	assert.equal(recovered.summary, 'restarted after panic: boom');
});

test('fleet summary: availability, counts, causes, alerts', () => {
	const agents = [1, 2, 3].map((n) => aRecord({id: `a${n}`, key: `local/a${n}`, state: 'restarting', exitCode: 127, restartPolicy: 'always'}));
	const web = aRecord({id: 'web', key: 'local/web', state: 'running', exitCode: null, health: 'healthy'});
	const job = aRecord({id: 'job', key: 'local/job', state: 'exited', exitCode: 0, restartPolicy: 'no'});
	const records = [...agents, web, job];
	const diagnoses = Object.fromEntries(records.map((record) => [record.key, diagnose({record, evidence: {finishedAt: null, lines: logLines('err: sh: python: not found'), error: null}, listeners: null, dependencies: null, containerName: () => null, now: tableNow, thresholds: defaultLoopThresholds})]));
	const summary = summarizeFleet(records, diagnoses, {availabilityCritical: 80}, [{project: 'shop', service: 'migrate', profiles: []}]);
	assert.equal(summary.expected, 4, 'a job that finished is not expected to run');
	assert.equal(summary.available, 1);
	assert.deepEqual(summary.causes, [{cause: 'exit 127 command not found', count: 3, severity: 'critical'}]);
	assert.deepEqual(summary.counts.map((entry) => `${entry.count} ${entry.label}`), ['1 running', '3 looping', '1 exited ok']);
	assert.deepEqual(summary.alerts.map((alert) => alert.severity), ['critical', 'warning', 'warning']);
	assert.match(summary.alerts[0]!.text, /availability 25% \(1\/4\) below 80 %/);
	assert.match(summary.alerts[2]!.text, /shop\/migrate has no container/);
	assert.equal(summarizeFleet(records, diagnoses, {availabilityCritical: 20}).alerts.length, 1, 'the availability threshold is configurable');
});

test('a loop with no exit seen yet has no rate to show', () => {
	const record = aRecord({state: 'restarting', restartPolicy: 'always', exitCode: 127});
	const input = {record, evidence: {finishedAt: null, lines: logLines('err: sh: python: not found'), error: null}, listeners: null, dependencies: null, containerName: () => null, now: tableNow, thresholds: defaultLoopThresholds};
	assert.equal(diagnose(input).summary, '↻ command not found: python');
	assert.equal(diagnose({...input, record: {...record, exits: [{at: tableNow - 60_000, code: 127}, {at: tableNow - 1000, code: 127}]}}).summary, '↻2/h command not found: python');
});
