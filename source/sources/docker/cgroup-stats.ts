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
	const line = stat.startsWith(`${name} `) ? 0 : stat.indexOf(`\n${name} `) + 1;
	if (line === 0 && !stat.startsWith(`${name} `)) return 0;
	const start = line + name.length + 1;
	const end = stat.indexOf('\n', start);
	const value = Number(stat.slice(start, end === -1 ? undefined : end));
	return Number.isFinite(value) ? value : 0;
}

/** Throws when the cgroup is gone (the container stopped) or cannot be read. */
export function readCgroup(files: CgroupFiles, now = Date.now(), read: Read = readSmallFile): CgroupReading {
	if (files.version === 1) {
		return {
			cpuNanos: readNumber(read, `${files.cpuacct}/cpuacct.usage`),
			memoryUsage: readNumber(read, `${files.memory}/memory.usage_in_bytes`),
			inactiveFile: statField(read(`${files.memory}/memory.stat`), 'total_inactive_file'),
			memoryLimit: readNumber(read, `${files.memory}/memory.limit_in_bytes`),
			pids: readOptionalNumber(read, files.pids && `${files.pids}/pids.current`),
			at: now,
		};
	}
	return {
		cpuNanos: statField(read(`${files.dir}/cpu.stat`), 'usage_usec') * 1000,
		memoryUsage: readNumber(read, `${files.dir}/memory.current`),
		inactiveFile: statField(read(`${files.dir}/memory.stat`), 'inactive_file'),
		memoryLimit: readNumber(read, `${files.dir}/memory.max`),
		pids: readOptionalNumber(read, `${files.dir}/pids.current`),
		at: now,
	};
}

/** Two readings -> the numbers `docker stats` would show (its formulas, its memory limit cap). */
export function statsBetween(previous: CgroupReading, current: CgroupReading, hostMemory = totalmem()): ContainerStats {
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
