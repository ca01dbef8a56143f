// Keypress-to-screen latency and memory while the log pane shows a container printing as fast
// as it can.
import {docker, removeContainers} from '../support/engine.js';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fleettopCommand, liveHeapMb, percentile, rssMb, sleep, treeCpuSeconds} from './measure.js';
import {openTerminal} from './terminal.js';

const flood = `fleettop-bench-flood-${process.pid}`;

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
	docker('run', '-d', '--name', flood, '--label', 'fleettop.bench=1', '--network', 'none', 'fleettop-lab/base:1', 'sh', '-c', 'yes "flood: GET /api/items?page=1 200 0.003s user=alice a line a busy service prints"');
	const snapshots = mkdtempSync(join(tmpdir(), 'fleettop-bench-heap-'));
	const terminal = openTerminal('fleettop-flood', fleettopCommand('--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshots}`));
	try {
		await terminal.waitFor(/fleettop · /, 20_000);
		terminal.keys('/');
		terminal.type(flood);
		terminal.keys('Enter');
		await terminal.waitFor(new RegExp(`▶ ${flood}`), 20_000);
		terminal.keys('t');
		await terminal.waitFor(/log of fleettop-bench-flood-\d+ · following/, 20_000);
		await sleep(3000);
		const pid = terminal.pid();
		const startCpu = treeCpuSeconds(pid);
		const rssStartMb = rssMb(pid);
		const startedAt = performance.now();
		let peak = rssStartMb;
		const times: number[] = [];
		for (let press = 0; press < presses; press++) {
			const pause = press % 2 === 0;
			terminal.keys(pause ? 'k' : 'G');
			times.push(await terminal.waitFor(pause ? /· paused — G follows/ : /· following/, 5000));
			peak = Math.max(peak, rssMb(pid));
			await sleep(200);
		}
		const cpu = treeCpuSeconds(pid) - startCpu;
		const rssEndMb = rssMb(pid);
		const seconds = (performance.now() - startedAt) / 1000;
		const rssLaterMb: number[] = [];
		for (let waited = 0; waited < laterSeconds; waited += 10) {
			await sleep(10_000);
			rssLaterMb.push(rssMb(pid));
		}
		// After the RSS readings: writing a snapshot takes memory of its own.
		const heapStart = await liveHeapMb(pid, snapshots);
		await sleep(laterSeconds * 500);
		const heapEnd = await liveHeapMb(pid, snapshots);
		return {
			presses, p50: percentile(times, 50), p90: percentile(times, 90), max: Math.max(...times),
			cpuPercent: (cpu / seconds) * 100,
			rssStartMb, rssPeakMb: Math.max(peak, rssEndMb), rssEndMb, seconds, rssLaterMb,
			heapMb: [heapStart, heapEnd],
		};
	} finally {
		terminal.close();
		removeContainers(flood);
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
