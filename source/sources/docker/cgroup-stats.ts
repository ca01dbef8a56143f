import {totalmem} from 'node:os';
import type {ContainerStats} from '../../domain/container.js';
import {readSmallFile} from '../host/small-file.js';
import type {CgroupFiles} from './cgroup-paths.js';

// One reading of a container's cgroup files: a handful of small reads instead of asking the
// daemon, which would collect the same numbers at a far higher cost (see design notes §3).

export interface CgroupReading {
	cpuNanos: number;
	memoryUsage: number;
	inactiveFile: number;
	memoryLimit: number;
	pids: number | null;
	at: number;
	/** When memory.stat and the limit were read, and the usage then. */
	detail: {at: number; usage: number};
}

/**
 * memory.stat is by far the dearest file (the kernel sums it up on each read: ~100 µs here, five
 * times the others) and what is taken from it, the inactive file cache, moves slowly; the limit
 * changes only by `docker update`; the number of tasks is shown only in --json, whose one-shot
 * reading is always a first one. All three are read again every 10 s, or at once when the usage
 * has moved by a tenth since: a running container costs two reads a second, not five.
 */
const detailEveryMs = 10_000;

function wantsDetail(previous: CgroupReading | null, usage: number, now: number): boolean {
	return !previous || now - previous.detail.at >= detailEveryMs || Math.abs(usage - previous.detail.usage) > previous.detail.usage / 10;
}

type Read = (path: string) => string;

/** The files one reading reads, as whole paths: made once per container, not on each read. */
export interface CgroupFilePaths {
	/** cgroup v2's cpu.stat (usage_usec inside), or v1's cpuacct.usage (nanoseconds alone). */
	cpu: {path: string; inStat: boolean};
	usage: string;
	stat: {path: string; inactiveField: string};
	limit: string;
	pids: string | null;
}

export function cgroupFilePaths(files: CgroupFiles): CgroupFilePaths {
	if (files.version === 1) {
		return {
			cpu: {path: `${files.cpuacct}/cpuacct.usage`, inStat: false},
			usage: `${files.memory}/memory.usage_in_bytes`,
			stat: {path: `${files.memory}/memory.stat`, inactiveField: 'total_inactive_file'},
			limit: `${files.memory}/memory.limit_in_bytes`,
			pids: files.pids && `${files.pids}/pids.current`,
		};
	}
	return {
		cpu: {path: `${files.dir}/cpu.stat`, inStat: true},
		usage: `${files.dir}/memory.current`,
		stat: {path: `${files.dir}/memory.stat`, inactiveField: 'inactive_file'},
		limit: `${files.dir}/memory.max`,
		pids: `${files.dir}/pids.current`,
	};
}

/** Number() skips the newline the kernel ends a value with: no trimmed copy is made. */
function readNumber(read: Read, path: string): number {
	const text = read(path);
	return text.startsWith('max') ? Number.POSITIVE_INFINITY : Number(text);
}

function readOptionalNumber(read: Read, path: string | null): number | null {
	if (!path) return null;
	try {
		return readNumber(read, path);
	} catch {
		return null;
	}
}

/** A "name value" line of a stat file (memory.stat, cpu.stat); 0 when absent. */
export function statField(stat: string, name: string): number {
	let line = stat.indexOf(name);
	// A match inside another field's name (inactive_file in total_inactive_file) is no match.
	while (line !== -1 && !((line === 0 || stat[line - 1] === '\n') && stat[line + name.length] === ' ')) line = stat.indexOf(name, line + 1);
	if (line === -1) return 0;
	const start = line + name.length + 1;
	const end = stat.indexOf('\n', start);
	const value = Number(stat.slice(start, end === -1 ? undefined : end));
	return Number.isFinite(value) ? value : 0;
}

/** Throws when the cgroup is gone (the container stopped) or cannot be read. */
export function readCgroup(paths: CgroupFilePaths, previous: CgroupReading | null, now = Date.now(), read: Read = readSmallFile): CgroupReading {
	const memoryUsage = readNumber(read, paths.usage);
	const cpuNanos = paths.cpu.inStat ? statField(read(paths.cpu.path), 'usage_usec') * 1000 : readNumber(read, paths.cpu.path);
	if (previous && !wantsDetail(previous, memoryUsage, now)) {
		return {cpuNanos, memoryUsage, at: now, inactiveFile: previous.inactiveFile, memoryLimit: previous.memoryLimit, pids: previous.pids, detail: previous.detail};
	}
	return {
		cpuNanos,
		memoryUsage,
		at: now,
		pids: readOptionalNumber(read, paths.pids),
		inactiveFile: statField(read(paths.stat.path), paths.stat.inactiveField),
		memoryLimit: readNumber(read, paths.limit),
		detail: {at: now, usage: memoryUsage},
	};
}

/** Two readings -> the numbers `docker stats` would show (its formulas, its memory limit cap). */
export function statsBetween(previous: Omit<CgroupReading, 'detail'>, current: Omit<CgroupReading, 'detail'>, hostMemory = totalmem()): ContainerStats {
	const wallNanos = (current.at - previous.at) * 1e6;
	const cpuNanos = current.cpuNanos - previous.cpuNanos;
	const memoryBytes = current.inactiveFile < current.memoryUsage ? current.memoryUsage - current.inactiveFile : current.memoryUsage;
	return {
		cpuPercent: wallNanos > 0 && cpuNanos > 0 ? (cpuNanos / wallNanos) * 100 : 0,
		memoryBytes,
		memoryLimitBytes: Math.min(current.memoryLimit, hostMemory),
		pids: current.pids,
		sampledAt: current.at,
	};
}
