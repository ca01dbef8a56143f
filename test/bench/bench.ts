// npm run bench: what fleettop costs on this machine, measured from outside, not assumed.
// Needs the lab engine (npm run lab up) and a build (npm run bench builds first).
//   --quick          shorter windows and fewer keys
//   --tiny           a 5-container fleet and 3 s windows: proves the bench runs (the test suite uses it)
//   --docker-stats   also run `docker stats` over the same fleets, as a reference
//   --small          only the 125-container fleet
//   --long           then 10 minutes at 500 containers, RSS every 30 s
//   --long-only      only those 10 minutes
import os from 'node:os';
import {fleetDown, fleetUp, type FleetShape} from './bench-fleet.js';
import {benchFleet, benchLongRun, fleetHeader, fleetRow, longRunRows} from './fleet-bench.js';
import {floodRows, logFloodBench} from './log-flood.js';
import {createProcessScanner} from '../../source/sources/host/proc-scan.js';
import {readListeners} from '../../source/sources/host/listening-sockets.js';
import {percentile} from './measure.js';
import {frameCostMs} from './frame-bench.js';
import {keepInkLinesAcrossFrames} from '../../source/ui/ink-line-cache.js';

const flag = (name: string) => process.argv.includes(`--${name}`);
const quick = flag('quick');
const tiny = flag('tiny');
const longOnly = flag('long-only');
const largeFleet: FleetShape = {running: 400, exited: 90, looping: 10};

async function measure(what: string, runs: number, work: () => Promise<unknown>): Promise<string> {
	const times: number[] = [];
	const cpuStart = process.cpuUsage();
	for (let run = 0; run < runs; run++) {
		const started = performance.now();
		await work();
		times.push(performance.now() - started);
	}
	const cpu = process.cpuUsage(cpuStart);
	const cpuMsPerRun = (cpu.user + cpu.system) / 1000 / runs;
	return `| ${what} | ${runs} | ${percentile(times, 50).toFixed(1)} ms | ${percentile(times, 90).toFixed(1)} ms | ${cpuMsPerRun.toFixed(1)} ms | ${((cpuMsPerRun / 1000) * 100).toFixed(1)} % |`;
}

async function longRun(): Promise<void> {
	const minutes = 10;
	console.log('');
	console.log('| memory over a long run | | |');
	console.log('|---|---|---|');
	console.log(longRunRows(minutes, await benchLongRun(minutes, 30)).join('\n'));
}

if (longOnly) {
	try {
		await fleetUp(largeFleet);
		await longRun();
	} finally {
		await fleetDown();
	}
	process.exit(0);
}

const scanner = createProcessScanner();
const first = await scanner.scan();
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, ${os.type()} ${os.release()}; ${first.counts.total} processes; ${new Date().toISOString().slice(0, 10)}`);
console.log('');
console.log('| work | runs | median | p90 | CPU per run | CPU at one run per second |');
console.log('|---|---:|---:|---:|---:|---:|');
console.log(await measure('/proc scan (every process: stat; new ones: cmdline, status, cgroup)', tiny ? 5 : 100, () => scanner.scan()));
console.log(await measure('listening sockets with holders (/proc/net + every /proc/<pid>/fd)', tiny ? 2 : 20, () => readListeners()));

const frames = tiny ? 5 : 100;
const inkAsItIs = await frameCostMs(frames);
await keepInkLinesAcrossFrames();
const withLineCache = await frameCostMs(frames);
console.log(`| one frame of the containers view (recorded lab fleet, 160×50, every row changed), Ink as it is | ${frames} | | | ${inkAsItIs.toFixed(1)} ms | |`);
console.log(`| the same with Ink's lines kept across frames (as fleettop runs) | ${frames} | | | ${withLineCache.toFixed(1)} ms | |`);

const shapes: FleetShape[] = tiny
	? [{running: 3, exited: 1, looping: 1}]
	: [{running: 100, exited: 15, looping: 10}, largeFleet].slice(0, flag('small') ? 1 : 2);
try {
	console.log('');
	console.log(fleetHeader.join('\n'));
	for (const shape of shapes) {
		console.log(fleetRow(await benchFleet(shape, {windowSeconds: tiny ? 3 : quick ? 20 : 60, presses: tiny ? 4 : quick ? 12 : 30, dockerStats: flag('docker-stats')})));
	}
	if (flag('long') && !tiny) await longRun();
} finally {
	await fleetDown();
}

if (!tiny) {
	console.log('');
	console.log('| log pane | p50 | p90 | max | fleettop CPU | RSS |');
	console.log('|---|---:|---:|---:|---:|---:|');
	console.log(floodRows(await logFloodBench(quick ? 10 : 60, quick ? 10 : 120)).join('\n'));
}
