import type {HostBasics} from '../sources/host/host-basics.js';
import {formatBytes, formatDuration, formatPercent} from './format.js';

// The header's host line: load against cores, CPU, memory, uptime.

export function hostLine(host: HostBasics | null): string {
	if (!host) return 'host: reading…';
	const [one, five, fifteen] = host.load.map((value) => value.toFixed(2));
	const used = host.memory.totalBytes - host.memory.availableBytes;
	const cpu = host.cpuPercent === null ? '' : ` · cpu ${formatPercent(host.cpuPercent)}`;
	return `${host.hostname} · load ${one} ${five} ${fifteen} / ${host.cores} cores${cpu} · mem ${formatBytes(used)}/${formatBytes(host.memory.totalBytes)} (${formatBytes(host.memory.availableBytes)} available) · up ${formatDuration(host.uptimeSeconds * 1000)}`;
}
