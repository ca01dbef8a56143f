import {readdirSync} from 'node:fs';
import {keptFiles, type KeptFiles} from './small-file.js';
import {readProcess, type ProcessInfo} from './proc-process.js';

// Every process of the host from /proc, at most once per refresh interval: state (zombies),
// parent, CPU since the last scan, resident memory, and — read once per process — its command
// line, user and owning container. si.processes() costs ~300 ms and counts no zombies; this
// reads one small file per process (~20 ms for a few hundred).

/** Linux reports utime/stime in USER_HZ, which is 100 on every architecture we run on. */
const ticksPerSecond = 100;
const pageBytes = 4096;

export interface ProcStat {
	pid: number;
	/** The kernel's short name, without the parentheses. */
	name: string;
	/** R running, S sleeping, D disk wait, Z zombie, T stopped, I idle, … */
	state: string;
	ppid: number;
	/** utime + stime, in ticks. */
	cpuTicks: number;
	/** Start time after boot, in ticks: with the pid, it names one process (pids are reused). */
	startTicks: number;
	rssBytes: number;
}

/** The unsigned decimal at `at`, up to the next non-digit; NaN when there is none. */
function digitsAt(text: string, at: number): number {
	let value = 0;
	let end = at;
	for (let code = text.charCodeAt(end); code >= 48 && code <= 57; code = text.charCodeAt(++end)) value = value * 10 + code - 48;
	return end === at ? Number.NaN : value;
}

/** Fields of a stat line are numbered from 1 as in proc(5); field 3, the state, follows ") ". */
const firstFieldAfterName = 3;
const lastFieldRead = 24;
/** Where each field starts, reused from one line to the next (a thousand lines a scan). */
const fieldStarts = new Int32Array(lastFieldRead - firstFieldAfterName + 1);
const fieldAt = (text: string, n: number) => digitsAt(text, fieldStarts[n - firstFieldAfterName]!);

/**
 * One /proc/<pid>/stat line. The name may hold spaces and parentheses: fields follow the last ')'.
 * Six of some fifty fields are wanted, from a thousand processes a scan: they are read in place,
 * not split into strings.
 */
export function parseProcStat(text: string): ProcStat | null {
	const open = text.indexOf('(');
	const close = text.lastIndexOf(')');
	if (open === -1 || close < open) return null;
	let found = 0;
	for (let space = close + 1; space !== -1 && found < fieldStarts.length; space = text.indexOf(' ', space + 1)) fieldStarts[found++] = space + 1;
	const pid = digitsAt(text, 0);
	if (Number.isNaN(pid) || found < fieldStarts.length) return null;
	return {
		pid,
		name: text.slice(open + 1, close),
		state: text[close + 2]!,
		ppid: fieldAt(text, 4),
		cpuTicks: fieldAt(text, 14) + fieldAt(text, 15),
		startTicks: fieldAt(text, 22),
		rssBytes: fieldAt(text, 24) * pageBytes,
	};
}

export interface HostProcess extends ProcStat {
	command: string;
	user: string;
	containerId: string | null;
	/** Percent of one core since the previous scan; null on the first sighting. */
	cpuPercent: number | null;
}

export interface ProcessScan {
	processes: HostProcess[];
	counts: {total: number; running: number; sleeping: number; zombie: number; other: number};
	scannedAt: number;
	/** How long the scan took: its cost is measured, not assumed. */
	durationMs: number;
}

export function countStates(processes: Array<Pick<ProcStat, 'state'>>): ProcessScan['counts'] {
	const counts = {total: processes.length, running: 0, sleeping: 0, zombie: 0, other: 0};
	for (const {state} of processes) {
		if (state === 'R') counts.running++;
		else if (state === 'S' || state === 'I' || state === 'D') counts.sleeping++;
		else if (state === 'Z') counts.zombie++;
		else counts.other++;
	}
	return counts;
}

function readStat(files: KeptFiles, pid: string): ProcStat | null {
	try {
		return parseProcStat(files.read(`/proc/${pid}/stat`));
	} catch {
		return null; // gone meanwhile
	}
}

export interface ProcessScanner {
	scan(): Promise<ProcessScan>;
	/**
	 * A scan reads every process's stat file: ~15 µs each in the kernel, tens of ms with thousands
	 * of processes (a shim and more per container), and most of fleettop's CPU if done every
	 * second. Unless `now` is asked (the processes view is open), this scans every 5 s, or less
	 * often when a scan's stat reads take over 1 % of a core (10 s at most; a first sighting's
	 * one-time reads do not count): zombies pile up over minutes, not seconds. Null when it is
	 * not time yet.
	 */
	scanWithinBudget(now: boolean): Promise<ProcessScan | null>;
	/** Closes the stat files kept open between scans. */
	close(): void;
}

const idleScanEveryMs = 5000;

/** What a scan shows of a process beyond its stat line; a kernel thread or a zombie has only its name. */
function described(name: string, info: ProcessInfo | null): Pick<HostProcess, 'command' | 'user' | 'containerId'> {
	return {command: info?.command ?? `[${name}]`, user: info?.user ?? '', containerId: info?.containerId ?? null};
}

/**
 * Written out field by field: spreading the stat line and the description into one object made
 * each of a thousand processes cost three times the memory, every scan.
 */
function hostProcess(stat: ProcStat, info: ProcessInfo | null, cpuPercent: number | null): HostProcess {
	const {command, user, containerId} = described(stat.name, info);
	return {pid: stat.pid, name: stat.name, state: stat.state, ppid: stat.ppid, cpuTicks: stat.cpuTicks, startTicks: stat.startTicks, rssBytes: stat.rssBytes, command, user, containerId, cpuPercent};
}

export function createProcessScanner(): ProcessScanner {
	const known = new Map<string, {info: ProcessInfo | null; cpuTicks: number; at: number}>();
	const files = keptFiles();
	let nextScanAt = 0;
	let statReadsMs = 0;
	let scanning = false;
	const scanner: ProcessScanner = {
		async scanWithinBudget(now) {
			// Two asks in one moment (the first scan waits for the first frame) make one scan.
			if (scanning || (!now && Date.now() < nextScanAt)) return null;
			scanning = true;
			const scan = await scanner.scan().catch(() => null);
			scanning = false;
			nextScanAt = Date.now() + Math.min(Math.max(statReadsMs * 100, idleScanEveryMs), 10_000);
			return scan;
		},
		async scan() {
			const started = performance.now();
			const now = Date.now();
			// Synchronous on purpose: a few hundred tiny reads take ~5 ms in a row, and cost three
			// times that through the thread pool (measured by npm run bench).
			const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
			const stats = pids.map((pid) => readStat(files, pid)).filter((stat): stat is ProcStat => stat !== null);
			files.sweep();
			statReadsMs = performance.now() - started;
			// Only a first sighting waits for a read; the hundreds of known processes make no promise.
			const firstSightings: Array<Promise<void>> = [];
			const processes = stats.map((stat): HostProcess => {
				const id = `${stat.pid}:${stat.startTicks}`;
				const previous = known.get(id);
				const cpuPercent = previous && now > previous.at ? ((stat.cpuTicks - previous.cpuTicks) / ticksPerSecond / ((now - previous.at) / 1000)) * 100 : null;
				const entry = previous ?? {info: null, cpuTicks: 0, at: 0};
				entry.cpuTicks = stat.cpuTicks;
				entry.at = now;
				if (!previous) known.set(id, entry);
				const process = hostProcess(stat, entry.info, cpuPercent);
				// A zombie has no command line or cgroup left: its parent says where it came from.
				if (!previous && stat.state !== 'Z') {
					const first = readProcess(stat.pid).then((info) => {
						entry.info = info;
						Object.assign(process, described(stat.name, info));
					});
					firstSightings.push(first);
				}
				return process;
			});
			await Promise.all(firstSightings);
			// Every process this scan saw carries its time: the others are gone.
			known.forEach((entry, id) => {
				if (entry.at !== now) known.delete(id);
			});
			return {processes, counts: countStates(processes), scannedAt: now, durationMs: performance.now() - started};
		},
		close: () => files.close(),
	};
	return scanner;
}
