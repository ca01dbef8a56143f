import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {mkdtempSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {mem} from 'systeminformation/lib/memory.js';
import {busyPercent, createCpuLoadReader, parseCpuTimes} from '../../source/sources/host/cpu-times.js';
import {keptFiles, readSmallFile} from '../../source/sources/host/small-file.js';
import {parseMeminfo} from '../../source/sources/host/meminfo.js';
import {createHostReader} from '../../source/sources/host/host-basics.js';
import {readProcess} from '../../source/sources/host/proc-process.js';
import {createProcessScanner} from '../../source/sources/host/proc-scan.js';

const stat = (user: number, idle: number, iowait = 0) => `cpu  ${user} 0 0 ${idle} ${iowait} 0 0 0 0 0\ncpu0 ${user} 0 0 ${idle} ${iowait} 0 0 0 0 0\nintr 5 0\n`;

test('host CPU from /proc/stat: busy share between two readings, iowait counted as idle', () => {
	const cases: Array<{what: string; before: string; after: string; expected: number[]}> = [
		{what: 'half busy', before: stat(100, 100), after: stat(150, 150), expected: [50, 50]},
		{what: 'waiting on disk is not busy', before: stat(100, 100, 0), after: stat(125, 150, 25), expected: [25, 25]},
		{what: 'nothing elapsed', before: stat(100, 100), after: stat(100, 100), expected: [0, 0]},
	];
	for (const {what, before, after, expected} of cases) {
		assert.deepEqual(busyPercent(parseCpuTimes(before), parseCpuTimes(after)), expected, what);
	}
	const real = parseCpuTimes(readSmallFile('/proc/stat'));
	assert.ok(real.length >= 2, 'all cores, then each core');
	assert.ok(real.every(([busy, total]) => busy >= 0 && total >= busy));
});

test('the CPU reader says nothing until enough time has passed between readings', () => {
	const dir = mkdtempSync(join(tmpdir(), 'fleettop-stat-'));
	const path = join(dir, 'stat');
	writeFileSync(path, stat(100, 100));
	const read = createCpuLoadReader(path);
	assert.equal(read(), null, 'first reading');
	writeFileSync(path, stat(105, 105));
	assert.equal(read(), null, '10 jiffies: too few to say');
	writeFileSync(path, stat(130, 110));
	assert.deepEqual(read(), {cpuPercent: 75, perCore: [75]}, 'measured from the first reading');
	assert.equal(createCpuLoadReader(join(dir, 'missing'))(), null);
});

const openFds = () => readdirSync('/proc/self/fd').length;

test('host memory from /proc/meminfo: available, or free and cache on old kernels; swap used', async () => {
	const gib = 1024 ** 3;
	const kib = (bytes: number) => `${bytes / 1024} kB`;
	const meminfo = (lines: Record<string, number>) => Object.entries(lines).map(([name, bytes]) => `${name}:${' '.repeat(16 - name.length)}${kib(bytes)}`).join('\n') + '\n';
	const cases: Array<{what: string; text: string; expected: ReturnType<typeof parseMeminfo>}> = [
		{
			what: 'a current kernel',
			text: meminfo({MemTotal: 16 * gib, MemFree: 2 * gib, MemAvailable: 9 * gib, Buffers: gib, Cached: 4 * gib, SwapCached: 0, SwapTotal: 2 * gib, SwapFree: gib / 2}),
			expected: {memory: {totalBytes: 16 * gib, availableBytes: 9 * gib}, swap: {totalBytes: 2 * gib, usedBytes: 1.5 * gib}},
		},
		{
			what: 'before 3.14: no MemAvailable',
			text: meminfo({MemTotal: 8 * gib, MemFree: gib, Buffers: gib / 4, Cached: 2 * gib, Slab: gib / 4, SwapTotal: 0, SwapFree: 0}),
			expected: {memory: {totalBytes: 8 * gib, availableBytes: 3.5 * gib}, swap: {totalBytes: 0, usedBytes: 0}},
		},
		{
			what: 'no swap lines, SwapCached is not Cached',
			text: meminfo({MemTotal: 4 * gib, MemFree: gib, SwapCached: gib, Cached: gib}),
			expected: {memory: {totalBytes: 4 * gib, availableBytes: 2 * gib}, swap: {totalBytes: 0, usedBytes: 0}},
		},
	];
	for (const {what, text, expected} of cases) assert.deepEqual(parseMeminfo(text), expected, what);
	assert.throws(() => parseMeminfo('cpu  1 2 3\n'), /MemTotal/);
	// This host, as systeminformation reads it (within what changes between two readings).
	const reader = createHostReader();
	try {
		const [ours, theirs] = await Promise.all([reader.read(null), mem()]);
		assert.equal(ours.memory.totalBytes, theirs.total);
		assert.equal(ours.swap.totalBytes, theirs.swaptotal);
		assert.ok(Math.abs(ours.memory.availableBytes - theirs.available) < theirs.total / 20, `available ${ours.memory.availableBytes} vs ${theirs.available}`);
	} finally {
		reader.close();
	}
});

test('kept files: read again from the start, closed when unused or when their process ends', async () => {
	const files = keptFiles();
	const fdsBefore = openFds();
	const sleeper = spawn('sleep', ['30'], {stdio: 'ignore'});
	await new Promise((resolve) => sleeper.once('spawn', resolve));
	const path = `/proc/${sleeper.pid}/stat`;
	const first = files.read(path);
	assert.match(first, new RegExp(`^${sleeper.pid} \\(sleep\\) [RS] `));
	assert.equal(openFds(), fdsBefore + 1, 'the file is kept open');
	// The same descriptor gives fresh text: /proc/self/stat's utime moves as this process works.
	const self = '/proc/self/stat';
	const before = files.read(self).split(' ').slice(13, 15).join(' ');
	// 50 ms of this process's own CPU (not wall time: the host may be busy), five clock ticks.
	const start = process.cpuUsage();
	while (process.cpuUsage(start).user < 50_000);
	assert.notEqual(files.read(self).split(' ').slice(13, 15).join(' '), before, 'read anew, not cached');

	sleeper.kill();
	await new Promise((resolve) => sleeper.once('exit', resolve));
	assert.throws(() => files.read(path), /ENOENT|ESRCH/, 'the process is gone');

	files.sweep();
	files.read(self);
	files.sweep();
	assert.equal(openFds(), fdsBefore + 1, 'only the file still read is open');
	files.close();
	assert.equal(openFds(), fdsBefore);
});

test('a process\'s command line: short ones whole, long ones cut at 200 characters without a broken one', async () => {
	const cases = [
		{argv0: 'sleep', expected: 'sleep 30'},
		// 800 bytes of two-byte characters end between two; of three-byte ones, inside one.
		{argv0: 'é'.repeat(500), expected: `${'é'.repeat(200)}…`},
		{argv0: '€'.repeat(300), expected: `${'€'.repeat(200)}…`},
		{argv0: '🔥'.repeat(300), expected: `${'🔥'.repeat(100)}…`},
		{argv0: 'x'.repeat(5000), expected: `${'x'.repeat(200)}…`},
		{argv0: '€'.repeat(60), expected: `${'€'.repeat(60)} 30`},
	];
	for (const {argv0, expected} of cases) {
		const sleeper = spawn('sleep', ['30'], {argv0, stdio: 'ignore'});
		await new Promise((resolve) => sleeper.once('spawn', resolve));
		try {
			const info = await readProcess(sleeper.pid!);
			assert.equal(info?.command, expected, `${argv0.slice(0, 3)}… (${argv0.length})`);
		} finally {
			sleeper.kill();
		}
	}
	assert.equal(await readProcess(2 ** 22 + 1), null, 'a process that is gone');
});

test('process scans: every 5 s unless the processes view asks, one at a time', async () => {
	const scanner = createProcessScanner();
	const [first, meanwhile] = await Promise.all([scanner.scanWithinBudget(false), scanner.scanWithinBudget(false)]);
	assert.ok(first && first.counts.total > 0, 'the first scan');
	assert.equal(meanwhile, null, 'asked while scanning: the same scan serves');
	assert.equal(await scanner.scanWithinBudget(false), null, 'at once: not yet');
	await new Promise((resolve) => setTimeout(resolve, 1500));
	assert.equal(await scanner.scanWithinBudget(false), null, 'a refresh interval later: not yet either');
	const asked = await scanner.scanWithinBudget(true);
	assert.ok(asked && asked.processes.some((process) => process.pid === globalThis.process.pid && process.cpuPercent !== null), 'the view asks: scanned, CPU since the last scan');
	// Each process's stat file is kept open between scans; stopping closes them all.
	const withKept = openFds();
	scanner.close();
	assert.ok(openFds() < withKept - asked.processes.length / 2, `${withKept} descriptors open before close, ${openFds()} after`);
});
