import {readFile} from 'node:fs/promises';
import {totalmem} from 'node:os';
import type {ContainerStats} from '../../domain/container.js';
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

async function readNumber(path: string): Promise<number> {
	const text = (await readFile(path, 'utf8')).trim();
	return text === 'max' ? Number.POSITIVE_INFINITY : Number(text);
}

async function readOptionalNumber(path: string | null): Promise<number | null> {
	if (!path) return null;
	try {
		return await readNumber(path);
	} catch {
		return null;
	}
}

export function statField(stat: string, name: string): number {
	const match = new RegExp(`^${name} (\\d+)$`, 'm').exec(stat);
	return match ? Number(match[1]) : 0;
}

export async function readCgroup(files: CgroupFiles, now = Date.now()): Promise<CgroupReading> {
	if (files.version === 1) {
		const [cpuNanos, memoryUsage, memoryStat, memoryLimit, pids] = await Promise.all([
			readNumber(`${files.cpuacct}/cpuacct.usage`),
			readNumber(`${files.memory}/memory.usage_in_bytes`),
			readFile(`${files.memory}/memory.stat`, 'utf8'),
			readNumber(`${files.memory}/memory.limit_in_bytes`),
			readOptionalNumber(files.pids && `${files.pids}/pids.current`),
		]);
		return {cpuNanos, memoryUsage, inactiveFile: statField(memoryStat, 'total_inactive_file'), memoryLimit, pids, at: now};
	}
	const [cpuStat, memoryUsage, memoryStat, memoryLimit, pids] = await Promise.all([
		readFile(`${files.dir}/cpu.stat`, 'utf8'),
		readNumber(`${files.dir}/memory.current`),
		readFile(`${files.dir}/memory.stat`, 'utf8'),
		readNumber(`${files.dir}/memory.max`),
		readOptionalNumber(`${files.dir}/pids.current`),
	]);
	return {
		cpuNanos: statField(cpuStat, 'usage_usec') * 1000,
		memoryUsage,
		inactiveFile: statField(memoryStat, 'inactive_file'),
		memoryLimit,
		pids,
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
