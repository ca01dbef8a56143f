import type {HostBasics} from '../sources/host/host-basics.js';
import type {ProcessScan} from '../sources/host/proc-scan.js';
import {formatBytes, formatDuration, formatPercent, sparkline} from './format.js';
import type {HostSample, HostThresholds} from './host-alerts.js';
import {findZombies} from './host-processes.js';
import type {Tone} from './trouble.js';

// The host pane as coloured segments: load against the cores, CPU with its recent history and
// per core, memory (available, not free), swap, the engine's disk, processes and the zombies of
// each container, uptime. Two lines, or one on a small terminal.

/** The list's tones, and 'plain' for text that carries none. */
export type SegmentTone = Tone | 'plain';

export interface Segment {
	text: string;
	tone: SegmentTone;
}

export interface HostPaneInput {
	host: HostBasics | null;
	processes: ProcessScan | null;
	history: HostSample[];
	thresholds: HostThresholds;
	containerName(id: string): string | null;
}

const plain = (text: string): Segment => ({text, tone: 'plain'});

function percentTone(percent: number, warn: number, bad: number): SegmentTone {
	return percent >= bad ? 'bad' : percent >= warn ? 'warn' : 'ok';
}

function processSegments(processes: ProcessScan | null, containerName: (id: string) => string | null): Segment[] {
	if (!processes) return [];
	const {counts} = processes;
	const segments = [plain(` · procs ${counts.total} (${counts.running} running, ${counts.sleeping} sleeping)`)];
	if (counts.zombie > 0) {
		const owners = new Map<string, number>();
		for (const zombie of findZombies(processes.processes)) {
			const owner = zombie.containerId ? (containerName(zombie.containerId) ?? zombie.containerId.slice(0, 12)) : 'host';
			owners.set(owner, (owners.get(owner) ?? 0) + 1);
		}
		segments.push({text: ` · ${counts.zombie} zombie${counts.zombie === 1 ? '' : 's'}: ${[...owners].map(([owner, count]) => `${count} ${owner}`).join(', ')}`, tone: 'warn'});
	}
	return segments;
}

export function hostPane(input: HostPaneInput, expanded: boolean): Segment[][] {
	const {host, thresholds} = input;
	if (!host) return [[plain('host: reading…'), ...processSegments(input.processes, input.containerName)]];
	const perCore = host.load[0] / host.cores;
	const used = host.memory.totalBytes - host.memory.availableBytes;
	const usedPercent = (used / host.memory.totalBytes) * 100;
	const first: Segment[] = [
		plain(`${host.hostname} · load `),
		{text: host.load.map((value) => value.toFixed(2)).join(' '), tone: percentTone(perCore, thresholds.loadPerCore * 0.66, thresholds.loadPerCore)},
		plain(` / ${host.cores} cores`),
		...(host.cpuPercent === null ? [] : [plain(' · cpu '), {text: formatPercent(host.cpuPercent), tone: percentTone(host.cpuPercent, 50, thresholds.cpuPercent)}]),
		plain(' · mem '),
		{text: `${formatBytes(used)}/${formatBytes(host.memory.totalBytes)}`, tone: percentTone(usedPercent, 75, thresholds.memoryPercent)},
		plain(` (${formatBytes(host.memory.availableBytes)} available)`),
		...processSegments(input.processes, input.containerName),
		plain(` · up ${formatDuration(host.uptimeSeconds * 1000)}`),
	];
	if (!expanded) return [first];
	const history = input.history.map((sample) => sample.cpuPercent).filter((value): value is number => value !== null).slice(-24);
	const second: Segment[] = [plain('cpu '), {text: sparkline(history), tone: 'dim'}];
	host.perCore.forEach((load, index) => second.push(plain(` ${index}:`), {text: formatPercent(load), tone: percentTone(load, 50, thresholds.cpuPercent)}));
	second.push(plain(` · swap ${formatBytes(host.swap.usedBytes)}/${formatBytes(host.swap.totalBytes)}`));
	if (host.disk) {
		const diskUsed = host.disk.totalBytes - host.disk.availableBytes;
		const diskPercent = host.disk.totalBytes ? (diskUsed / host.disk.totalBytes) * 100 : 0;
		second.push(plain(` · disk ${host.disk.path} `), {text: `${formatBytes(diskUsed)}/${formatBytes(host.disk.totalBytes)} (${formatPercent(diskPercent)})`, tone: percentTone(diskPercent, 80, 95)});
	}
	return [first, second];
}
