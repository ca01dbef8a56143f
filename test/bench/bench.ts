// npm run bench: what fleettop's own work costs on this machine, measured, not assumed.
// So far: the /proc scan behind the host pane, the process view and the zombie count (issue 5);
// keys and memory while the log pane shows a flood (issue 6, needs the lab engine and a build).
// The whole-program benchmark (fleettop's CPU and the daemon's at 100 and 500 containers)
// arrives with the performance issue.
import os from 'node:os';
import {floodRows, logFloodBench} from './log-flood.js';
import {createProcessScanner} from '../../source/sources/host/proc-scan.js';
import {readListeners} from '../../source/sources/host/listening-sockets.js';

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(what: string, runs: number, work: () => Promise<unknown>): Promise<string> {
	const times: number[] = [];
	const cpuStart = process.cpuUsage();
	const wallStart = performance.now();
	for (let run = 0; run < runs; run++) {
		const started = performance.now();
		await work();
		times.push(performance.now() - started);
	}
	const cpu = process.cpuUsage(cpuStart);
	const cpuMsPerRun = (cpu.user + cpu.system) / 1000 / runs;
	return `| ${what} | ${runs} | ${percentile(times, 50).toFixed(1)} ms | ${percentile(times, 90).toFixed(1)} ms | ${cpuMsPerRun.toFixed(1)} ms | ${((cpuMsPerRun / 1000) * 100).toFixed(1)} % | ${((performance.now() - wallStart) / 1000).toFixed(1)} s |`;
}

const scanner = createProcessScanner();
const first = await scanner.scan();
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, ${os.type()} ${os.release()}; ${first.counts.total} processes; ${new Date().toISOString().slice(0, 10)}`);
console.log('');
console.log('| work | runs | median | p90 | CPU per run | CPU at one run per second | wall |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
console.log(await measure('/proc scan (every process: stat; new ones: cmdline, status, cgroup)', 100, () => scanner.scan()));
console.log(await measure('listening sockets with holders (/proc/net + every /proc/<pid>/fd)', 20, () => readListeners()));

console.log('');
console.log('| log pane | p50 | p90 | max | fleettop CPU | RSS |');
console.log('|---|---:|---:|---:|---:|---:|');
const quick = process.argv.includes('--quick');
console.log(floodRows(await logFloodBench(quick ? 10 : 60, quick ? 10 : 120)).join('\n'));
