// Keypress-to-screen latency and memory while the log pane shows a container printing as fast
// as it can. fleettop runs in a real terminal (tmux); keys go in with send-keys and the screen is
// read back until it changes, so the time measured is what an operator waits for.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const session = `fleettop-bench-${process.pid}`;
const flood = `fleettop-bench-flood-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', args, {encoding: 'utf8'});
const screen = () => tmux('capture-pane', '-t', session, '-p');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(pattern: RegExp, timeoutMs: number): Promise<number> {
	const started = performance.now();
	while (!pattern.test(screen())) {
		if (performance.now() - started > timeoutMs) throw new Error(`the screen never showed ${pattern}:\n${screen()}`);
		await sleep(2);
	}
	return performance.now() - started;
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** CPU seconds (user + system) and RSS of a process, from /proc. */
function usage(pid: string): {cpu: number; rssMb: number} {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))!;
	return {cpu: (Number(fields[11]) + Number(fields[12])) / 100, rssMb: Number(rss[1]) / 1024};
}

/**
 * Live JS heap in MB, from outside: SIGUSR2 makes node (started with --heapsnapshot-signal) write
 * a heap snapshot, which it takes after a full GC; the sum of its objects' sizes is what is alive.
 */
async function liveHeapMb(pid: string, dir: string): Promise<number> {
	const before = new Set(readdirSync(dir));
	execFileSync('kill', ['-USR2', pid]);
	let file: string | undefined;
	let size = -1;
	for (;;) {
		await sleep(500);
		file ??= readdirSync(dir).find((name) => !before.has(name) && name.endsWith('.heapsnapshot'));
		if (!file) continue;
		const now = statSync(join(dir, file)).size;
		if (now === size && now > 0) break;
		size = now;
	}
	const snapshot = JSON.parse(readFileSync(join(dir, file), 'utf8'));
	const fields: string[] = snapshot.snapshot.meta.node_fields;
	const stride = fields.length;
	const selfSize = fields.indexOf('self_size');
	let total = 0;
	for (let index = selfSize; index < snapshot.nodes.length; index += stride) total += snapshot.nodes[index];
	return total / 1024 / 1024;
}

export interface FloodResult {
	presses: number;
	p50: number;
	p90: number;
	max: number;
	cpuPercent: number;
	rssStartMb: number;
	rssPeakMb: number;
	rssEndMb: number;
	seconds: number;
	/** RSS every 10 s while the flood goes on afterwards, left alone. */
	rssLaterMb: number[];
	/** Live heap after a full GC, then again half that time later. */
	heapMb: [number, number];
}

export async function logFloodBench(presses: number, laterSeconds: number): Promise<FloodResult> {
	execFileSync('docker', ['run', '-d', '--name', flood, '--label', 'fleettop.bench=1', '--network', 'none', 'fleettop-lab/base:1', 'sh', '-c', 'yes "flood: GET /api/items?page=1 200 0.003s user=alice a line a busy service prints"'], {stdio: 'ignore'});
	const snapshots = mkdtempSync(join(tmpdir(), 'fleettop-bench-heap-'));
	tmux('new-session', '-d', '-s', session, '-x', '160', '-y', '50', `env -u CI ${process.execPath} --heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${snapshots} ${cli}`);
	try {
		await waitFor(/fleettop · /, 20_000);
		tmux('send-keys', '-t', session, '/');
		tmux('send-keys', '-t', session, '-l', flood);
		tmux('send-keys', '-t', session, 'Enter');
		await waitFor(new RegExp(`▶ ${flood}`), 20_000);
		tmux('send-keys', '-t', session, 't');
		await waitFor(/log of fleettop-bench-flood-\d+ · following/, 20_000);
		await sleep(3000);
		// env execs node: the pane's process is fleettop itself.
		const pid = tmux('display-message', '-t', session, '-p', '#{pane_pid}').trim();
		const start = usage(pid);
		const startedAt = performance.now();
		let peak = start.rssMb;
		const times: number[] = [];
		for (let press = 0; press < presses; press++) {
			const pause = press % 2 === 0;
			tmux('send-keys', '-t', session, pause ? 'k' : 'G');
			times.push(await waitFor(pause ? /· paused — G follows/ : /· following/, 5000));
			peak = Math.max(peak, usage(pid).rssMb);
			await sleep(200);
		}
		const end = usage(pid);
		const seconds = (performance.now() - startedAt) / 1000;
		const rssLaterMb: number[] = [];
		for (let waited = 0; waited < laterSeconds; waited += 10) {
			await sleep(10_000);
			rssLaterMb.push(usage(pid).rssMb);
		}
		// After the RSS readings: writing a snapshot takes memory of its own.
		const heapStart = await liveHeapMb(pid, snapshots);
		await sleep(laterSeconds * 500);
		const heapEnd = await liveHeapMb(pid, snapshots);
		return {
			presses, p50: percentile(times, 50), p90: percentile(times, 90), max: Math.max(...times),
			cpuPercent: ((end.cpu - start.cpu) / seconds) * 100,
			rssStartMb: start.rssMb, rssPeakMb: Math.max(peak, end.rssMb), rssEndMb: end.rssMb, seconds, rssLaterMb,
			heapMb: [heapStart, heapEnd],
		};
	} finally {
		tmux('kill-session', '-t', session);
		execFileSync('docker', ['rm', '-f', flood], {stdio: 'ignore'});
	}
}

export function floodRows(result: FloodResult): string[] {
	const ms = (value: number) => `${value.toFixed(0)} ms`;
	return [
		`| ${result.presses} keys (k/G) during a flood | ${ms(result.p50)} | ${ms(result.p90)} | ${ms(result.max)} | ${result.cpuPercent.toFixed(0)} % | ${result.rssStartMb.toFixed(0)} → ${result.rssEndMb.toFixed(0)} MB (peak ${result.rssPeakMb.toFixed(0)}) over ${result.seconds.toFixed(0)} s |`,
		`| then left alone ${result.rssLaterMb.length * 10} s: RSS every 10 s | | | | | ${result.rssLaterMb.map((mb) => mb.toFixed(0)).join(', ')} MB |`,
		`| live JS heap after a full GC, then ${result.rssLaterMb.length * 5} s later | | | | | ${result.heapMb.map((mb) => mb.toFixed(1)).join(' → ')} MB |`,
	];
}
