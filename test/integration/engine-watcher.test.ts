import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import net from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {parseEndpoint} from '../../source/config.js';
import type {ContainerRecord} from '../../source/domain/container.js';
import type {ContainerEvidence} from '../../source/domain/evidence.js';
import {createEngineWatcher, type EngineSink} from '../../source/sources/docker/engine-watcher.js';
import type {EngineStatus} from '../../source/sources/docker/engine-status.js';
import {docker, removeContainers, requireEngine} from '../support/engine.js';
import {runCli, until} from '../support/run-cli.js';

function recordingSink() {
	const statuses: EngineStatus[] = [];
	const records = new Map<string, ContainerRecord>();
	const evidenceByKey = new Map<string, ContainerEvidence>();
	const sink: EngineSink = {
		status: (status) => statuses.push(status),
		replaceAll: (_engine, list) => {
			records.clear();
			for (const record of list) records.set(record.key, record);
		},
		upsert: (record) => records.set(record.key, record),
		remove: (key) => records.delete(key),
		stats: () => undefined,
		evidence: (key, evidence) => evidenceByKey.set(key, evidence),
	};
	return {sink, statuses, records, evidenceByKey, last: () => statuses.at(-1)};
}

function watch(socketPath: string, sink: EngineSink, callTimeoutMs = 2000) {
	return createEngineWatcher({engine: 'test', endpoint: parseEndpoint(`unix://${socketPath}`), intervalMs: 1000, callTimeoutMs, statsSource: 'auto', sink});
}

/** A unix socket that forwards to the real engine, and can be cut and restored like a restarting dockerd. */
function engineProxy(path: string) {
	const open = new Set<net.Socket>();
	let server: net.Server | null = null;
	return {
		async start() {
			server = net.createServer((client) => {
				const upstream = net.connect('/var/run/docker.sock');
				open.add(client).add(upstream);
				client.pipe(upstream).pipe(client);
				const close = () => {
					client.destroy();
					upstream.destroy();
				};
				client.on('error', close).on('close', close);
				upstream.on('error', close).on('close', close);
			});
			await new Promise<void>((resolve) => server!.listen(path, resolve));
		},
		async stop() {
			for (const socket of open) socket.destroy();
			open.clear();
			await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
			server = null;
		},
	};
}

test('no engine: a one-line message, then it connects by itself when the engine comes', async (t) => {
	if (!requireEngine(t)) return;
	const path = join(mkdtempSync(join(tmpdir(), 'fleettop-')), 'engine.sock');
	const {sink, last, records} = recordingSink();
	const watcher = watch(path, sink);
	const proxy = engineProxy(path);
	try {
		await watcher.start();
		assert.equal(last()?.state, 'down');
		assert.match(last()?.message ?? '', /^No Docker engine at unix:\/\/.*engine\.sock: start it/);
		assert.ok(!last()?.message?.includes('\n'));

		await proxy.start();
		await until('reconnect', async () => (last()?.state === 'connected' && records.size > 0 ? true : undefined), 15_000);
		assert.ok([...records.values()].some((record) => record.name === 'lab-oom'));

		await proxy.stop(); // the engine goes away mid-run
		await until('the loss to be noticed', async () => (last()?.state === 'down' ? true : undefined), 15_000);
		await proxy.start();
		await until('second reconnect', async () => (last()?.state === 'connected' ? true : undefined), 15_000);
	} finally {
		watcher.stop();
		await proxy.stop();
	}
});

test('a hung engine (accepts, never answers) costs a timeout, not a frozen watcher', async () => {
	const path = join(mkdtempSync(join(tmpdir(), 'fleettop-')), 'hung.sock');
	const held: net.Socket[] = [];
	const server = net.createServer((socket) => held.push(socket));
	await new Promise<void>((resolve) => server.listen(path, resolve));
	const {sink, last} = recordingSink();
	const watcher = watch(path, sink, 500);
	try {
		const started = Date.now();
		await watcher.start();
		assert.ok(Date.now() - started < 3000, 'start returned within a few timeouts');
		assert.equal(last()?.state, 'down');
		assert.match(last()?.message ?? '', /is not answering \(.* timed out after 0\.5s\): it may be hung/);
	} finally {
		watcher.stop();
		for (const socket of held) socket.destroy();
		server.close();
	}
});

test('a loop shows its restart count rising, live from events, with its exits and last lines', async (t) => {
	if (!requireEngine(t)) return;
	const name = `fleettop-test-loop-${process.pid}`;
	const {sink, records, evidenceByKey, last} = recordingSink();
	const watcher = watch('/var/run/docker.sock', sink);
	try {
		await watcher.start();
		assert.equal(last()?.state, 'connected');
		docker('run', '-d', '--name', name, '--label', 'fleettop.test=1', '--network', 'none', '--restart', 'always', 'fleettop-lab/base:1', 'sh', '-c', 'echo "ledger: starting"; echo "fatal: ledger inconsistent" >&2; exit 3');
		const seen = new Set<number>();
		await until('three different restart counts', async () => {
			const record = [...records.values()].find((candidate) => candidate.name === name);
			if (record?.inspected) seen.add(record.restartCount);
			return seen.size >= 3 ? true : undefined;
		}, 30_000);
		const record = [...records.values()].find((candidate) => candidate.name === name)!;
		assert.equal(record.exitCode, 3);
		assert.ok(Math.max(...seen) >= 2);
		assert.ok(record.exits.length >= 2 && record.exits.every((exit) => exit.code === 3), 'die events are the exit history');
		const evidence = await until('the last lines of a run that died', async () => evidenceByKey.get(record.key), 10_000);
		// The engine copies stdout and stderr apart: within one run their order is not guaranteed.
		assert.deepEqual(evidence.lines.slice(-2).map((line) => `${line.stream} ${line.text}`).sort(), ['stderr fatal: ledger inconsistent', 'stdout ledger: starting']);
		docker('rm', '-f', name);
		await until('the removal', async () => ([...records.values()].some((candidate) => candidate.name === name) ? undefined : true), 10_000);
	} finally {
		watcher.stop();
		removeContainers(name);
	}
});

test('permission denied on the socket: one line that says what to do', async (t) => {
	if (!requireEngine(t)) return;
	const result = await runCli(['--once'], {prefix: ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups']});
	assert.equal(result.code, 1);
	assert.equal(result.stderr.trim().split('\n').length, 1);
	assert.match(result.stderr, /Permission denied on unix:\/\/\/var\/run\/docker\.sock: run fleettop as root or join the docker group/);
});

test('bad flags: one line, exit code 2, no stack trace', async () => {
	const cases: Array<[string[], RegExp]> = [
		[['--interval', 'soon'], /--interval 'soon' is not a duration/],
		[['--host', 'docker.example'], /is not an engine address/],
		[['--stats', 'guess'], /--stats 'guess' is not a stats source/],
		[['--frobnicate'], /unknown flag --frobnicate/],
		[['--json'], /use it with --once/],
		[['restart'], /restart needs one compose project/],
		[['reboot'], /unknown command 'reboot'/],
		[['report', '--dry-run'], /--dry-run and --wait are for ordered restarts/],
		[['--loop-warn', 'many'], /--loop-warn 'many' is not a number/],
	];
	for (const [args, message] of cases) {
		const result = await runCli(args);
		assert.equal(result.code, 2, args.join(' '));
		assert.match(result.stderr, message);
		assert.equal(result.stderr.trim().split('\n').length, 1, args.join(' '));
	}
	const help = await runCli(['--help']);
	assert.equal(help.code, 0);
	assert.match(help.stdout, /--once +Print one snapshot/);
});
