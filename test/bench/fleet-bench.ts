// The whole program on a fleet: fleettop runs in a real terminal against the lab engine with the
// bench fleet up, and everything is read from outside: its CPU and the daemon's (against an idle
// baseline measured in the same run), RSS, time to the first complete frame, keys to screen.
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {containerCount, fleetUp, type FleetShape} from './bench-fleet.js';
import {fleettopCommand, cpuPercentOver, daemonCpuSeconds, liveHeapMb, peakRssMb, percentile, rssMb, sleep, treeCpuSeconds} from './measure.js';
import {openTerminal, type Terminal} from './terminal.js';

export interface FleetBenchOptions {
	/** Seconds of each CPU window (idle baseline, fleettop, docker stats). */
	windowSeconds: number;
	/** Moves and filter characters typed, each timed. */
	presses: number;
	/** Also run `docker stats` over the same fleet as a reference. */
	dockerStats: boolean;
}

export interface Cost {
	cpuPercent: number;
	daemonExtraPercent: number;
	rssPeakMb: number;
}

export interface FleetResult {
	shape: FleetShape;
	containers: number;
	daemonIdlePercent: number;
	firstFrameMs: number;
	fleettop: Cost;
	keys: {p50: number; p90: number; max: number};
	dockerStats: Cost | null;
}

/** The frame is complete when the header counts every container and the host line is in. */
const completeFrame = (containers: number) => (screen: string) =>
	screen.includes(`fleettop · ${containers} containers`) && / cpu \d+%/.test(screen) && screen.includes('NAME') && !screen.includes('connecting');

/** The process's CPU and the daemon's extra over one window, RSS sampled each second. */
async function costOver(pid: number, seconds: number, daemonIdlePercent: number): Promise<Cost> {
	let rssPeak = rssMb(pid);
	const daemonStart = daemonCpuSeconds();
	const cpuPercent = await cpuPercentOver(seconds, () => treeCpuSeconds(pid), () => (rssPeak = Math.max(rssPeak, rssMb(pid))));
	const daemonPercent = ((daemonCpuSeconds() - daemonStart) / seconds) * 100;
	return {cpuPercent, daemonExtraPercent: daemonPercent - daemonIdlePercent, rssPeakMb: Math.max(rssPeak, peakRssMb(pid))};
}

const selectedLine = (screen: string) => screen.split('\n').find((line) => line.startsWith('▶'))?.trimEnd() ?? '';

/** Moves the selection down and types a filter, timing each key until the screen shows it. */
async function timeKeys(terminal: Terminal, presses: number): Promise<number[]> {
	const times: number[] = [];
	for (let press = 0; press < presses; press++) {
		const before = selectedLine(terminal.screen());
		terminal.keys(press % 4 === 3 ? 'k' : 'j');
		times.push(await terminal.waitFor((screen) => selectedLine(screen) !== before, 5000));
		await sleep(150);
	}
	terminal.keys('/');
	await terminal.waitFor(/Enter keep · Esc clear/, 5000);
	const filter = 'fleettop-bench-running';
	for (let typed = 1; typed <= Math.min(presses, filter.length); typed++) {
		terminal.type(filter[typed - 1]!);
		const shown = filter.slice(0, typed);
		times.push(await terminal.waitFor((screen) => screen.includes(`/${shown} `), 5000));
		await sleep(150);
	}
	terminal.keys('Escape');
	return times;
}

export async function benchFleet(shape: FleetShape, options: FleetBenchOptions): Promise<FleetResult> {
	await fleetUp(shape);
	// Let the creates' work and the first loop restarts pass before the idle baseline.
	await sleep(Math.min(10, options.windowSeconds) * 1000);
	const containers = await containerCount();
	const daemonIdlePercent = await cpuPercentOver(options.windowSeconds, daemonCpuSeconds);

	const startedAt = performance.now();
	const terminal = openTerminal('fleettop-bench', fleettopCommand());
	try {
		const firstFrameMs = await terminal.waitFor(completeFrame(containers), 30_000, startedAt);
		await sleep(5000);
		const pid = terminal.pid();
		const fleettop = await costOver(pid, options.windowSeconds, daemonIdlePercent);
		const times = await timeKeys(terminal, options.presses);
		let dockerStats: Cost | null = null;
		terminal.close();
		if (options.dockerStats) dockerStats = await benchDockerStats(options.windowSeconds, daemonIdlePercent);
		return {shape, containers, daemonIdlePercent, firstFrameMs, fleettop, keys: {p50: percentile(times, 50), p90: percentile(times, 90), max: Math.max(...times)}, dockerStats};
	} finally {
		terminal.close();
	}
}

/** The reference: `docker stats` (every running container, streaming) in the same terminal size. */
async function benchDockerStats(windowSeconds: number, daemonIdlePercent: number): Promise<Cost> {
	const terminal = openTerminal('docker-stats-bench', 'docker stats');
	try {
		// With more containers than rows the header scrolls away: a bench container's row will do.
		await terminal.waitFor(/fleettop-bench-/, 60_000);
		await sleep(5000);
		return await costOver(terminal.pid(), windowSeconds, daemonIdlePercent);
	} finally {
		terminal.close();
	}
}

/**
 * Memory over a long run: RSS every `everySeconds`, then the live heap at the end. A heap snapshot
 * costs the process far more memory than it uses (and keeps it): none is taken until RSS is read.
 */
export async function benchLongRun(minutes: number, everySeconds: number): Promise<{rssMb: number[]; heapEndMb: number; peakMb: number}> {
	const containers = await containerCount();
	const snapshots = mkdtempSync(join(tmpdir(), 'fleettop-bench-heap-'));
	const terminal = openTerminal('fleettop-long', fleettopCommand('--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshots}`));
	try {
		await terminal.waitFor(completeFrame(containers), 30_000);
		const pid = terminal.pid();
		const samples: number[] = [];
		for (let waited = 0; waited < minutes * 60; waited += everySeconds) {
			await sleep(everySeconds * 1000);
			samples.push(rssMb(pid));
		}
		const peakMb = peakRssMb(pid);
		return {rssMb: samples, heapEndMb: await liveHeapMb(pid, snapshots), peakMb};
	} finally {
		terminal.close();
	}
}

const pct = (value: number) => `${value.toFixed(1)} %`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

export const fleetHeader = [
	'| fleet | fleettop CPU | extra daemon CPU (idle daemon) | peak RSS | first complete frame | key to screen p50 / p90 / max | `docker stats`: CPU, extra daemon CPU, RSS |',
	'|---|---:|---:|---:|---:|---:|---:|',
];

export function fleetRow(result: FleetResult): string {
	const {shape, fleettop, dockerStats} = result;
	return `| ${result.containers} containers (bench: ${shape.running} running, ${shape.exited} exited, ${shape.looping} looping) | ${pct(fleettop.cpuPercent)} | ${pct(fleettop.daemonExtraPercent)} (${pct(result.daemonIdlePercent)}) | ${fleettop.rssPeakMb.toFixed(0)} MB | ${ms(result.firstFrameMs)} | ${ms(result.keys.p50)} / ${ms(result.keys.p90)} / ${ms(result.keys.max)} | ${dockerStats ? `${pct(dockerStats.cpuPercent)}, ${pct(dockerStats.daemonExtraPercent)}, ${dockerStats.rssPeakMb.toFixed(0)} MB` : 'not run'} |`;
}

export function longRunRows(minutes: number, result: {rssMb: number[]; heapEndMb: number; peakMb: number}): string[] {
	// RSS saws with V8's collections, and dips for a while when V8 gives pages back: a third of
	// the run is summed up by its median, which neither a tooth nor a dip moves (its lowest is
	// shown too). Growth is the last third's median over the first's.
	const third = Math.max(1, Math.floor(result.rssMb.length / 3));
	const [first, last] = [result.rssMb.slice(0, third), result.rssMb.slice(-third)];
	const mb = (value: number) => value.toFixed(0);
	return [
		`| ${minutes} min at the 500 fleet | RSS median in the first third ${mb(percentile(first, 50))} MB, in the last third ${mb(percentile(last, 50))} MB (lowest ${mb(Math.min(...first))} and ${mb(Math.min(...last))} MB); peak ${mb(result.peakMb)} MB | live heap at the end ${result.heapEndMb.toFixed(1)} MB |`,
		`| RSS samples | ${result.rssMb.map(mb).join(', ')} MB | |`,
	];
}
