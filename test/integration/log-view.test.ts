import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readFileSync, readlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import Docker from 'dockerode';
import {resolveSettings} from '../../source/config.js';
import type {LogEntry} from '../../source/domain/log-entry.js';
import {isErrorLine} from '../../source/domain/log-pattern.js';
import {followLogs} from '../../source/sources/docker/log-follower.js';
import {connectSources} from '../../source/store/connect.js';
import {createFleetStore, type FleetStore} from '../../source/store/fleet-store.js';
import {openLogs, showLog} from '../../source/store/log-actions.js';
import {createLogSaver} from '../../source/store/log-save.js';
import {docker, removeContainers, requireEngine} from '../support/engine.js';
import {until} from '../support/run-cli.js';

// The log pane's sources on the real engine: restarts, floods, many logs at once, and sockets
// closed when the pane moves on.

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function run(name: string, ...command: string[]): string {
	return docker('run', '-d', '--name', name, '--label', 'fleettop.test=1', '--network', 'none', 'fleettop-lab/base:1', ...command);
}

/** Sockets this process holds open. */
function openSockets(): number {
	return readdirSync('/proc/self/fd').filter((fd) => {
		try {
			return readlinkSync(`/proc/self/fd/${fd}`).startsWith('socket:');
		} catch {
			return false;
		}
	}).length;
}

async function connected(t: Parameters<typeof requireEngine>[0]) {
	const state = mkdtempSync(join(tmpdir(), 'fleettop-state-'));
	const store = createFleetStore();
	const connection = connectSources(store, resolveSettings({}, {XDG_STATE_HOME: state, HOME: state}));
	t.after(() => connection.stop());
	await connection.ready;
	return {store, connection, state};
}

async function keyOf(store: FleetStore, connection: {flush(): void}, name: string): Promise<string> {
	return until(`${name} in the store`, async () => {
		connection.flush();
		return Object.values(store.getState().containers).find((record) => record.name === name)?.key;
	}, 15_000);
}

test('a restarted container is followed again: lines of both runs, exit and restart marked', async (t) => {
	if (!requireEngine(t)) return;
	const name = `fleettop-test-reattach-${process.pid}`;
	const id = run(name, 'sh', '-c', 'echo "run at $(cat /proc/uptime)"; exec sleep 600');
	const entries: LogEntry[] = [];
	const follower = followLogs({docker: new Docker(), id, tty: false, tail: 100, callTimeoutMs: 10_000, pollMs: 200, onEntries: (more) => entries.push(...more), onError: () => undefined});
	try {
		await until('the first run', async () => (entries.length >= 1 ? true : undefined), 20_000);
		docker('restart', '-t', '0', name);
		await until('the second run', async () => (entries.filter((entry) => entry.kind === 'line').length >= 2 ? true : undefined), 30_000);
		const kinds = entries.map((entry) => (entry.kind === 'line' ? 'line' : entry.text.replace(/\d\d:\d\d:\d\d/, 'T')));
		assert.deepEqual(kinds, ['line', '— exited 137 at T —', '— restarted at T —', 'line']);
	} finally {
		follower.stop();
		removeContainers(name);
	}
});

test('a created container says it never started, then its lines come when it starts', async (t) => {
	if (!requireEngine(t)) return;
	const name = `fleettop-test-created-${process.pid}`;
	const id = docker('create', '--name', name, '--label', 'fleettop.test=1', '--network', 'none', 'fleettop-lab/base:1', 'sh', '-c', 'echo "first start"; exec sleep 600');
	const entries: LogEntry[] = [];
	const follower = followLogs({docker: new Docker(), id, tty: false, tail: 100, callTimeoutMs: 10_000, pollMs: 200, onEntries: (more) => entries.push(...more), onError: () => undefined});
	try {
		await until('the never-started mark', async () => (entries.length >= 1 ? true : undefined), 20_000);
		docker('start', name);
		await until('its first line', async () => (entries.some((entry) => entry.kind === 'line') ? true : undefined), 30_000);
		const texts = entries.map((entry) => entry.text.replace(/\d\d:\d\d:\d\d/, 'T'));
		assert.deepEqual(texts, ['— created, never started: its lines come when it starts —', '— started at T —', 'first start']);
	} finally {
		follower.stop();
		removeContainers(name);
	}
});

test('a flood is sampled: lines past 4000 a second are counted, marked, and not delivered', async (t) => {
	if (!requireEngine(t)) return;
	const name = `fleettop-test-flood-${process.pid}`;
	const id = run(name, 'sh', '-c', 'yes "flood line with some text in it, as a busy service would print"');
	let lines = 0;
	const marks: string[] = [];
	const started = Date.now();
	const follower = followLogs({
		docker: new Docker(), id, tty: false, tail: 0, callTimeoutMs: 10_000,
		onEntries: (more) => {
			for (const entry of more) entry.kind === 'line' ? lines++ : marks.push(entry.text);
		},
		onError: () => undefined,
	});
	try {
		await until('two skipped marks', async () => (marks.length >= 2 ? true : undefined), 30_000);
		await delay(2000);
		follower.stop();
		const seconds = (Date.now() - started) / 1000;
		const skipped = marks.map((mark) => Number(/… ([\d ]+) lines skipped/.exec(mark)![1]!.replace(/ /g, ''))).reduce((sum, count) => sum + count, 0);
		assert.ok(lines <= 4000 * seconds * 1.1 + 500, `${lines} lines delivered in ${seconds.toFixed(1)} s`);
		assert.ok(skipped > lines / 10, `${skipped} lines skipped, ${lines} delivered`);
		assert.match(marks[0]!, /^… [\d ]+ lines skipped: the log prints more than 4 000 a second …$/);
	} finally {
		follower.stop();
		removeContainers(name);
	}
});

test('a thousand switches between logs leave no socket open', async (t) => {
	if (!requireEngine(t)) return;
	const {store, connection} = await connected(t);
	await keyOf(store, connection, 'lab-escapes');
	const running = Object.values(store.getState().containers).filter((record) => record.state === 'running').map((record) => record.key);
	assert.ok(running.length >= 3);
	await delay(1000);
	const before = openSockets();
	// Shows the count sees streams: every running container's log at once holds that many sockets.
	showLog(store, {kind: 'group', keys: running, title: 'all running'});
	const whileOpen = await until('the log streams open', async () => (openSockets() >= before + Math.floor(running.length / 2) ? openSockets() : undefined), 10_000);
	for (let index = 0; index < 1000; index++) {
		showLog(store, {kind: 'container', key: running[index % running.length]!});
		// Mostly quicker than an attach; now and then long enough for the stream to open.
		await delay(index % 50 === 0 ? 300 : 2);
	}
	store.setState((state) => ({view: {...state.view, overlay: null}}));
	const after = await until('the sockets to settle', async () => {
		const count = openSockets();
		return count <= before + 2 ? count : undefined;
	}, 20_000).catch(() => openSockets());
	assert.ok(after <= before + 2, `${before} sockets before, ${whileOpen} with a log open, ${after} after 1000 switches`);
});

test('T interleaves marked containers by time with their names; E keeps only error lines', async (t) => {
	if (!requireEngine(t)) return;
	const names = [`fleettop-test-mix-a-${process.pid}`, `fleettop-test-mix-b-${process.pid}`];
	for (const name of names) run(name, 'sh', '-c', `i=0; while :; do i=$((i+1)); echo "${name.slice(-5)} tick $i"; [ $((i % 3)) = 0 ] && echo "ERROR: ${name.slice(-5)} failed $i" >&2; sleep 0.2; done`);
	try {
		const {store, connection} = await connected(t);
		const keys = [await keyOf(store, connection, names[0]!), await keyOf(store, connection, names[1]!)];
		store.setState((state) => ({view: {...state.view, marks: keys}}));
		openLogs(store, 'group');
		const entries = await until('lines of both', async () => {
			connection.flush();
			const lines = (store.getState().logs?.entries ?? []).filter((entry) => entry.kind === 'line');
			return new Set(lines.map((entry) => entry.source)).size === 2 && lines.length >= 20 ? lines : undefined;
		}, 20_000);
		assert.deepEqual([...new Set(entries.map((entry) => entry.source))].sort(), [...names].sort());
		const times = entries.map((entry) => entry.at!);
		assert.deepEqual(times, [...times].sort((a, b) => a - b), 'in time order');
		showLog(store, {kind: 'trouble', keys});
		const errors = await until('error lines', async () => {
			connection.flush();
			const lines = (store.getState().logs?.entries ?? []).filter((entry) => entry.kind === 'line');
			return store.getState().logs?.subject.startsWith('trouble:') && lines.length >= 4 ? lines : undefined;
		}, 20_000);
		assert.ok(errors.every((entry) => entry.kind === 'line' && isErrorLine(entry.text) && entry.stream === 'stderr'), errors.map((entry) => entry.kind === 'line' && entry.text).join('\n'));
	} finally {
		removeContainers(...names);
	}
});

test('the lab-escapes log, saved to a file, holds no control sequence', async (t) => {
	if (!requireEngine(t)) return;
	const {store, connection, state} = await connected(t);
	showLog(store, {kind: 'container', key: await keyOf(store, connection, 'lab-escapes')});
	await until('its lines', async () => {
		connection.flush();
		return (store.getState().logs?.entries.length ?? 0) >= 3 ? true : undefined;
	}, 20_000);
	await createLogSaver(store, join(state, 'logs'))();
	const notice = store.getState().notices.at(-1)!.text;
	const path = /^saved \d+ lines to (.+)$/.exec(notice)?.[1];
	assert.ok(path, notice);
	const text = readFileSync(path, 'utf8');
	assert.match(text, /stdout title set\n.*stdout clipboard written\n.*stdout screen cleared\n/);
	// eslint-disable-next-line no-control-regex
	assert.doesNotMatch(text, /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
});
