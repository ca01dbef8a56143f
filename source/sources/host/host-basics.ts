import os from 'node:os';
import si from 'systeminformation';

// The host at a glance. os.loadavg() is the load operators know (systeminformation's avgLoad
// is another number); si.currentLoad() and si.mem() cost a few milliseconds.

export interface HostBasics {
	hostname: string;
	cores: number;
	load: [number, number, number];
	cpuPercent: number | null;
	/** Percent busy of each core, in order. */
	perCore: number[];
	memory: {totalBytes: number; availableBytes: number};
	swap: {totalBytes: number; usedBytes: number};
	uptimeSeconds: number;
	sampledAt: number;
}

export async function readHostBasics(): Promise<HostBasics> {
	const [load, memory] = await Promise.all([si.currentLoad().catch(() => null), si.mem()]);
	const [one = 0, five = 0, fifteen = 0] = os.loadavg();
	return {
		hostname: os.hostname(),
		cores: os.availableParallelism(),
		load: [one, five, fifteen],
		cpuPercent: load ? load.currentLoad : null,
		perCore: load ? load.cpus.map((cpu) => cpu.load) : [],
		memory: {totalBytes: memory.total, availableBytes: memory.available},
		swap: {totalBytes: memory.swaptotal, usedBytes: memory.swapused},
		uptimeSeconds: os.uptime(),
		sampledAt: Date.now(),
	};
}
