import {statfs} from 'node:fs/promises';
import os from 'node:os';
import {mem} from 'systeminformation/lib/memory.js';
import {createCpuLoadReader} from './cpu-times.js';
import {parseMeminfo, type HostMemory} from './meminfo.js';
import {keptFiles, type KeptFiles} from './small-file.js';

// The host at a glance. os.loadavg() is the load operators know (systeminformation's avgLoad
// is another number); CPU comes from /proc/stat and memory from /proc/meminfo, both kept open;
// systeminformation's mem() answers where /proc/meminfo cannot be read.

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

async function readMemory(files: KeptFiles): Promise<HostMemory> {
	try {
		return parseMeminfo(files.read('/proc/meminfo'));
	} catch {
		const memory = await mem();
		return {memory: {totalBytes: memory.total, availableBytes: memory.available}, swap: {totalBytes: memory.swaptotal, usedBytes: memory.swapused}};
	}
}

/** Reads the host; CPU is measured between reads, so the first one has none. */
export interface HostReader {
	read(dataRoot: string | null): Promise<HostBasics>;
	close(): void;
}

export function createHostReader(): HostReader {
	const files = keptFiles();
	const cpuLoad = createCpuLoadReader('/proc/stat', files.read);
	cpuLoad();
	return {
		read: (dataRoot) => readHostBasics(cpuLoad(), files, dataRoot),
		close: files.close,
	};
}

async function readHostBasics(load: {cpuPercent: number; perCore: number[]} | null, files: KeptFiles, dataRoot: string | null): Promise<HostBasics> {
	const [{memory, swap}, disk] = await Promise.all([readMemory(files), diskOf(dataRoot)]);
	const [one = 0, five = 0, fifteen = 0] = os.loadavg();
	return {
		hostname: os.hostname(),
		cores: os.availableParallelism(),
		load: [one, five, fifteen],
		cpuPercent: load?.cpuPercent ?? null,
		perCore: load?.perCore ?? [],
		memory,
		swap,
		disk,
		uptimeSeconds: os.uptime(),
		sampledAt: Date.now(),
	};
}
