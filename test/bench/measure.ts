// What the benchmarks read from outside the process under test: /proc accounting of a process
// (its children included) and of the daemon, the live JS heap, and a real terminal (tmux) whose
// screen is read back, so that a time measured is what an operator waits for.
import {execFileSync, spawn} from 'node:child_process';
import {createInterface} from 'node:readline';
import {cliPath} from '../support/run-cli.js';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';


/** fleettop as an operator starts it (the node flags of its shebang), with more node flags if asked. */
export function fleettopCommand(...nodeFlags: string[]): string {
	const shebang = readFileSync(cliPath, 'utf8').split('\n', 1)[0] ?? '';
	const own = shebang.replace(/^#!.*?\bnode\b/, '').trim();
	return `env -u CI ${process.execPath} ${[own, ...nodeFlags].filter(Boolean).join(' ')} ${cliPath}`;
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

/** A program in a real terminal: tmux, its screen read back with capture-pane. */
export interface Terminal {
	/** The pid of the program in the pane (tmux starts it through `env`, which execs it). */
	pid(): number;
	screen(): string;
	keys(...keys: string[]): void;
	/** Types text literally. */
	type(text: string): void;
	/**
	 * Ms from `since` (default: now) until the program wrote what made the screen match. The
	 * screen is read only when the program writes: polling capture-pane costs ~13 ms of CPU a read,
	 * which on two cores takes CPU away from the process being measured.
	 */
	waitFor(pattern: RegExp | ((screen: string) => boolean), timeoutMs: number, since?: number): Promise<number>;
	close(): void;
}

const tmux = (...args: string[]) => execFileSync('tmux', args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});

interface Waiter {
	matches(screen: string): boolean;
	since: number;
	resolve(ms: number): void;
}

export function openTerminal(name: string, command: string, size = {columns: 160, rows: 50}): Terminal {
	const session = `${name}-${process.pid}`;
	tmux('new-session', '-d', '-s', session, '-x', String(size.columns), '-y', String(size.rows), command);
	const screen = () => {
		try {
			return tmux('capture-pane', '-t', session, '-p');
		} catch {
			return ''; // The session is gone: the program ended.
		}
	};
	// A control-mode client reports each write to the pane as a %output line, as it happens.
	const control = spawn('tmux', ['-C', 'attach-session', '-t', session], {stdio: ['pipe', 'pipe', 'ignore']});
	const waiters = new Set<Waiter>();
	let lastOutputAt = performance.now();
	let checkQueued = false;
	const check = () => {
		checkQueued = false;
		if (waiters.size === 0) return;
		const outputAt = lastOutputAt;
		const text = screen();
		for (const waiter of waiters) {
			if (!waiter.matches(text)) continue;
			waiters.delete(waiter);
			waiter.resolve(Math.max(0, outputAt - waiter.since));
		}
	};
	createInterface({input: control.stdout}).on('line', (line) => {
		if (!line.startsWith('%output ') && !line.startsWith('%exit')) return;
		lastOutputAt = performance.now();
		if (!checkQueued) {
			checkQueued = true;
			setImmediate(check);
		}
	});
	return {
		pid: () => Number(tmux('display-message', '-t', session, '-p', '#{pane_pid}').trim()),
		screen,
		keys: (...keys) => void tmux('send-keys', '-t', session, ...keys),
		type: (text) => void tmux('send-keys', '-t', session, '-l', text),
		waitFor(pattern, timeoutMs, since = performance.now()) {
			const matches = typeof pattern === 'function' ? pattern : (text: string) => pattern.test(text);
			return new Promise((resolve, reject) => {
				const text = screen();
				if (matches(text)) return resolve(Math.max(0, performance.now() - since));
				const timer = setTimeout(() => {
					waiters.delete(waiter);
					reject(new Error(`the screen never showed ${pattern}:\n${screen()}`));
				}, timeoutMs);
				const waiter: Waiter = {
					matches,
					since,
					resolve(ms) {
						clearTimeout(timer);
						resolve(ms);
					},
				};
				waiters.add(waiter);
			});
		},
		close() {
			control.stdin.end();
			control.kill();
			try {
				tmux('kill-session', '-t', session);
			} catch {
				// Already gone.
			}
		},
	};
}
