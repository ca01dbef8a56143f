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

function readNumber(read: Read, path: string): number {
	const text = read(path).trim();
	return text === 'max' ? Number.POSITIVE_INFINITY : Number(text);
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
	const text = `\n${stat}`;
	const line = text.indexOf(`\n${name} `);
	if (line === -1) return 0;
	const start = line + name.length + 2;
	const end = text.indexOf('\n', start);
	const value = Number(text.slice(start, end === -1 ? undefined : end));
	return Number.isFinite(value) ? value : 0;
}

/** Throws when the cgroup is gone (the container stopped) or cannot be read. */
export function readCgroup(files: CgroupFiles, previous: CgroupReading | null, now = Date.now(), read: Read = readSmallFile): CgroupReading {
	const v1 = files.version === 1;
	const memoryUsage = v1 ? readNumber(read, `${files.memory}/memory.usage_in_bytes`) : readNumber(read, `${files.dir}/memory.current`);
	const reading = {
		cpuNanos: v1 ? readNumber(read, `${files.cpuacct}/cpuacct.usage`) : statField(read(`${files.dir}/cpu.stat`), 'usage_usec') * 1000,
		memoryUsage,
		at: now,
	};
	if (previous && !wantsDetail(previous, memoryUsage, now)) {
		return {...reading, inactiveFile: previous.inactiveFile, memoryLimit: previous.memoryLimit, pids: previous.pids, detail: previous.detail};
	}
	return {
		...reading,
		pids: readOptionalNumber(read, v1 ? files.pids && `${files.pids}/pids.current` : `${files.dir}/pids.current`),
		inactiveFile: v1 ? statField(read(`${files.memory}/memory.stat`), 'total_inactive_file') : statField(read(`${files.dir}/memory.stat`), 'inactive_file'),
		memoryLimit: v1 ? readNumber(read, `${files.memory}/memory.limit_in_bytes`) : readNumber(read, `${files.dir}/memory.max`),
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
