import {statfs} from 'node:fs/promises';
import os from 'node:os';
import {mem} from 'systeminformation/lib/memory.js';
import {createCpuLoadReader} from './cpu-times.js';

// The host at a glance. os.loadavg() is the load operators know (systeminformation's avgLoad
// is another number); mem() costs a few milliseconds; CPU comes from /proc/stat.

export interface HostBasics {
	hostname: string;
	cores: number;
	load: [number, number, number];
	cpuPercent: number | null;
	/** Percent busy of each core, in order. */
	perCore: number[];
	memory: {totalBytes: number; availableBytes: number};
	swap: {totalBytes: number; usedBytes: number};
	/** The filesystem of the engine's data root, when the engine is local. */
	disk: {path: string; totalBytes: number; availableBytes: number} | null;
	uptimeSeconds: number;
	sampledAt: number;
}

async function diskOf(path: string | null): Promise<HostBasics['disk']> {
	if (!path) return null;
	const stats = await statfs(path).catch(() => null);
	return stats ? {path, totalBytes: stats.blocks * stats.bsize, availableBytes: stats.bavail * stats.bsize} : null;
}

/** Reads the host; CPU is measured between calls, so the first one has none. */
export type HostReader = (dataRoot: string | null) => Promise<HostBasics>;

export function createHostReader(): HostReader {
	const cpuLoad = createCpuLoadReader();
	cpuLoad();
	return (dataRoot) => readHostBasics(cpuLoad(), dataRoot);
}

async function readHostBasics(load: {cpuPercent: number; perCore: number[]} | null, dataRoot: string | null): Promise<HostBasics> {
	const [memory, disk] = await Promise.all([mem(), diskOf(dataRoot)]);
	const [one = 0, five = 0, fifteen = 0] = os.loadavg();
	return {
		hostname: os.hostname(),
		cores: os.availableParallelism(),
		load: [one, five, fifteen],
		cpuPercent: load?.cpuPercent ?? null,
		perCore: load?.perCore ?? [],
		memory: {totalBytes: memory.total, availableBytes: memory.available},
		swap: {totalBytes: memory.swaptotal, usedBytes: memory.swapused},
		disk,
		uptimeSeconds: os.uptime(),
		sampledAt: Date.now(),
	};
}
