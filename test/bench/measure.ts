// What the benchmarks read from outside the process under test: /proc accounting of a process
// (its children included) and of the daemon, and the live JS heap. The terminal is terminal.ts.
import {execFileSync} from 'node:child_process';
import {cliPath} from '../support/run-cli.js';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';


/** fleettop as an operator starts it (the node flags of its shebang), with more node flags if asked. */
export function fleettopCommand(...nodeFlags: string[]): string {
	const shebang = readFileSync(cliPath, 'utf8').split('\n', 1)[0] ?? '';
	const own = shebang.replace(/^#!.*?\bnode\b/, '').trim();
	// Outside CI as far as Ink can tell: it marks frames only then (the terminal module reads the marks).
	return `env -u CI -u CONTINUOUS_INTEGRATION ${process.execPath} ${[own, ...nodeFlags].filter(Boolean).join(' ')} ${cliPath}`;
}
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ticksPerSecond = 100;

export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function statFields(pid: number | string): string[] | null {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	} catch {
		return null;
	}
}

/**
 * CPU seconds of a process and of its children that ended (utime, stime, cutime, cstime): what
 * a process tree has cost, shells it spawned included.
 */
export function treeCpuSeconds(pid: number | string): number {
	const fields = statFields(pid);
	if (!fields) return Number.NaN;
	return [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]), 0) / ticksPerSecond;
}

export function rssMb(pid: number | string): number {
	const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return match ? Number(match[1]) / 1024 : Number.NaN;
}

export function peakRssMb(pid: number | string): number {
	const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** dockerd, containerd and the containers' shims: where the engine spends CPU for its clients. */
const daemonNames = /^(dockerd|containerd|containerd-shim.*)$/;

/** CPU seconds the engine's processes have used so far (shims come and go: sum of the live ones). */
export function daemonCpuSeconds(): number {
	let total = 0;
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		let name: string;
		try {
			name = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
		} catch {
			continue;
		}
		if (!daemonNames.test(name)) continue;
		const fields = statFields(entry);
		if (fields) total += (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
	}
	return total;
}

/** Percent of one core used over `seconds`, read as two samples of a CPU-seconds counter. */
export async function cpuPercentOver(seconds: number, read: () => number, meanwhile?: () => void): Promise<number> {
	const start = read();
	const startedAt = performance.now();
	const sampler = meanwhile ? setInterval(meanwhile, 1000) : null;
	await sleep(seconds * 1000);
	if (sampler) clearInterval(sampler);
	return ((read() - start) / ((performance.now() - startedAt) / 1000)) * 100;
}

/**
 * Live JS heap in MB, from outside: SIGUSR2 makes node (started with --heapsnapshot-signal) write
 * a heap snapshot, which it takes after a full GC; the sum of its objects' sizes is what is alive.
 */
export async function liveHeapMb(pid: number | string, dir: string): Promise<number> {
	const before = new Set(readdirSync(dir));
	execFileSync('kill', ['-USR2', String(pid)]);
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
