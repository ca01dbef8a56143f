import type {ContainerRecord} from './container.js';
import type {HostBasics} from '../sources/host/host-basics.js';
import {formatBytes, formatDuration, formatPercent} from './format.js';
import {isRestartLooping} from './trouble.js';

// The header's two lines of text, from the fleet and the host.

export function fleetCounts(containers: ContainerRecord[]): string {
	const count = (test: (record: ContainerRecord) => boolean) => containers.filter(test).length;
	const parts: Array<[number, string]> = [
		[count((r) => r.state === 'running' && !isRestartLooping(r)), 'running'],
		[count(isRestartLooping), 'restart-looping'],
		[count((r) => r.health === 'unhealthy'), 'unhealthy'],
		[count((r) => r.state === 'exited' && r.exitCode !== 0), 'failed'],
		[count((r) => r.state === 'exited' && r.exitCode === 0), 'exited ok'],
		[count((r) => r.state === 'created'), 'created'],
		[count((r) => r.state === 'paused'), 'paused'],
		[count((r) => r.state === 'dead'), 'dead'],
	];
	const shown = parts.filter(([n]) => n > 0).map(([n, label]) => `${n} ${label}`);
	return `${containers.length} containers${shown.length ? `: ${shown.join(', ')}` : ''}`;
}

export function hostLine(host: HostBasics | null): string {
	if (!host) return 'host: reading…';
	const [one, five, fifteen] = host.load.map((value) => value.toFixed(2));
	const used = host.memory.totalBytes - host.memory.availableBytes;
	const cpu = host.cpuPercent === null ? '' : ` · cpu ${formatPercent(host.cpuPercent)}`;
	return `${host.hostname} · load ${one} ${five} ${fifteen} / ${host.cores} cores${cpu} · mem ${formatBytes(used)}/${formatBytes(host.memory.totalBytes)} (${formatBytes(host.memory.availableBytes)} available) · up ${formatDuration(host.uptimeSeconds * 1000)}`;
}
