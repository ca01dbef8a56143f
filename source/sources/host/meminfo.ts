// The host's memory from /proc/meminfo, as systeminformation's mem() computes it: mem() also asks
// os.totalmem() and os.freemem() three times each, and libuv answers each by opening and reading
// /proc/meminfo again — eight opens a second for four numbers.

import type {HostBasics} from './host-basics.js';

export type HostMemory = Pick<HostBasics, 'memory' | 'swap'>;

/**
 * The kB value of a "Name:   123 kB" line, or null when the kernel has no such line. `lines` is
 * the file with a newline before it, so that every name is looked up at the start of a line:
 * "Cached:" is also the end of "SwapCached:".
 */
function kilobytes(lines: string, name: string): number | null {
	const at = lines.indexOf(`\n${name}:`);
	if (at === -1) return null;
	const value = Number.parseInt(lines.slice(at + name.length + 2, lines.indexOf('\n', at + 1)), 10);
	return Number.isFinite(value) ? value * 1024 : null;
}

/** Throws when the text has no MemTotal: it is not /proc/meminfo. */
export function parseMeminfo(meminfo: string): HostMemory {
	const lines = `\n${meminfo}`;
	const total = kilobytes(lines, 'MemTotal');
	if (total === null) throw new Error('no MemTotal in /proc/meminfo');
	// Kernels before 3.14 have no MemAvailable: what is free or only cache, as mem() counts it.
	const freeOrCache = () => ['MemFree', 'Buffers', 'Cached', 'Slab'].reduce((sum, name) => sum + (kilobytes(lines, name) ?? 0), 0);
	const swapTotal = kilobytes(lines, 'SwapTotal') ?? 0;
	return {
		memory: {totalBytes: total, availableBytes: kilobytes(lines, 'MemAvailable') ?? freeOrCache()},
		swap: {totalBytes: swapTotal, usedBytes: swapTotal - (kilobytes(lines, 'SwapFree') ?? 0)},
	};
}
