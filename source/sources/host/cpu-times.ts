import {readSmallFile} from './small-file.js';

// Host CPU busy share from /proc/stat, between two readings: one small file read, where
// systeminformation's currentLoad() spawns a shell every call (6 % of a core at one a second).

/** Per line of /proc/stat ("cpu" then "cpu0", "cpu1"…): [busy, total] jiffies. */
export type CpuTimes = Array<[number, number]>;

export function parseCpuTimes(stat: string): CpuTimes {
	const times: CpuTimes = [];
	for (const line of stat.split('\n')) {
		if (!line.startsWith('cpu')) break;
		// user nice system idle iowait irq softirq steal (guest time is already in user).
		const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line.split(/\s+/).slice(1, 9).map(Number);
		const waiting = idle + iowait;
		const total = user + nice + system + waiting + irq + softirq + steal;
		times.push([total - waiting, total]);
	}
	return times;
}

/** Percent busy between two readings: all cores first, then each core. */
export function busyPercent(previous: CpuTimes, current: CpuTimes): number[] {
	return current.map(([busy, total], index) => {
		const [busyBefore, totalBefore] = previous[index] ?? [busy, total];
		const elapsed = total - totalBefore;
		return elapsed > 0 ? Math.min(100, Math.max(0, ((busy - busyBefore) / elapsed) * 100)) : 0;
	});
}

/** Jiffies (all cores) below which a share would be noise: about 0.1 s on 2 cores at 100 Hz. */
const minimumJiffies = 20;

/**
 * A reader that remembers its last reading: each call gives the load since the previous one,
 * or null when too little time has passed to say (the readings are then kept apart).
 */
export function createCpuLoadReader(path = '/proc/stat', read: (path: string) => string = readSmallFile): () => {cpuPercent: number; perCore: number[]} | null {
	let previous: CpuTimes | null = null;
	return () => {
		let current: CpuTimes;
		try {
			current = parseCpuTimes(read(path));
		} catch {
			return null;
		}
		const before = previous;
		if (before && (current[0]?.[1] ?? 0) - (before[0]?.[1] ?? 0) < minimumJiffies) return null;
		previous = current;
		if (!before) return null;
		const [all = 0, ...perCore] = busyPercent(before, current);
		return {cpuPercent: all, perCore};
	};
}
