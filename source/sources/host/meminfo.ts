// The host's memory from /proc/meminfo, as systeminformation's mem() computes it: mem() also asks
// os.totalmem() and os.freemem() three times each, and libuv answers each by opening and reading
// /proc/meminfo again — eight opens a second for four numbers.

import type {HostBasics} from './host-basics.js';

export type HostMemory = Pick<HostBasics, 'memory' | 'swap'>;

/** The kB value of a "Name:   123 kB" line, or null when the kernel has no such line. */
function kilobytes(meminfo: string, name: string): number | null {
	// At the start of a line: "Cached:" is also the end of "SwapCached:".
	const text = `\n${meminfo}`;
	const at = text.indexOf(`\n${name}:`);
	if (at === -1) return null;
	const value = Number.parseInt(text.slice(at + name.length + 2, text.indexOf('\n', at + 1)), 10);
	return Number.isFinite(value) ? value * 1024 : null;
}

/** Throws when the text has no MemTotal: it is not /proc/meminfo. */
export function parseMeminfo(meminfo: string): HostMemory {
	const total = kilobytes(meminfo, 'MemTotal');
	if (total === null) throw new Error('no MemTotal in /proc/meminfo');
	const free = kilobytes(meminfo, 'MemFree') ?? 0;
	// Kernels before 3.14 have no MemAvailable: what is free or only cache, as mem() counts it.
	const cache = (kilobytes(meminfo, 'Buffers') ?? 0) + (kilobytes(meminfo, 'Cached') ?? 0) + (kilobytes(meminfo, 'Slab') ?? 0);
	const swapTotal = kilobytes(meminfo, 'SwapTotal') ?? 0;
	return {
		memory: {totalBytes: total, availableBytes: kilobytes(meminfo, 'MemAvailable') ?? free + cache},
		swap: {totalBytes: swapTotal, usedBytes: swapTotal - (kilobytes(meminfo, 'SwapFree') ?? 0)},
	};
}
