import type {HostBasics} from '../sources/host/host-basics.js';
import type {ProcessScan} from '../sources/host/proc-scan.js';
import {formatBytes, formatDuration, formatPercent} from './format.js';
import {findZombies} from './host-processes.js';

// The header's host line: load against cores, CPU, memory, processes (zombies and whose they
// are), uptime.

function processText(processes: ProcessScan | null, containerName: (id: string) => string | null): string {
	if (!processes) return '';
	const {counts} = processes;
	let text = ` · procs ${counts.total} (${counts.running} running)`;
	if (counts.zombie > 0) {
		const owners = new Map<string, number>();
		for (const zombie of findZombies(processes.processes)) {
			const owner = zombie.containerId ? (containerName(zombie.containerId) ?? zombie.containerId.slice(0, 12)) : 'host';
			owners.set(owner, (owners.get(owner) ?? 0) + 1);
		}
		text += ` · ${counts.zombie} zombie${counts.zombie === 1 ? '' : 's'}: ${[...owners].map(([owner, count]) => `${count} ${owner}`).join(', ')}`;
	}
	return text;
}

export function hostLine(host: HostBasics | null, processes: ProcessScan | null = null, containerName: (id: string) => string | null = () => null): string {
	if (!host) return `host: reading…${processText(processes, containerName)}`;
	const [one, five, fifteen] = host.load.map((value) => value.toFixed(2));
	const used = host.memory.totalBytes - host.memory.availableBytes;
	const cpu = host.cpuPercent === null ? '' : ` · cpu ${formatPercent(host.cpuPercent)}`;
	return `${host.hostname} · load ${one} ${five} ${fifteen} / ${host.cores} cores${cpu} · mem ${formatBytes(used)}/${formatBytes(host.memory.totalBytes)} (${formatBytes(host.memory.availableBytes)} available)${processText(processes, containerName)} · up ${formatDuration(host.uptimeSeconds * 1000)}`;
}
