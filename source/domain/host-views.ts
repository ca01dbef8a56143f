import type {Listener} from './evidence.js';
import type {Tone} from './trouble.js';
import {formatBytes, formatPercent} from './format.js';
import {findZombies, groupProcesses, type ProcessOrder} from './host-processes.js';
import type {ProcessScan} from '../sources/host/proc-scan.js';

// The process and listening-port views as plain rows: cells, a tone, and the container a row
// belongs to (Enter jumps there). Pure, so tests read them without a terminal.

export interface HostRow {
	cells: string[];
	tone: Tone | 'plain' | 'heading';
	/** Full id of the one container this row belongs to, if exactly one. */
	containerId: string | null;
	/** In the supervisord view: the program (or group:*) the row's actions apply to. */
	program?: ProgramTarget;
}

export interface ProgramTarget {
	/** The supervisord: 'host' or a container key. */
	supervisor: string;
	/** group:name, or group:* for a whole group. */
	target: string;
	/** How confirmations and notices name it. */
	label: string;
}

export interface HostTable {
	title: string;
	columns: Array<{title: string; width: number; align: 'left' | 'right'}>;
	rows: HostRow[];
}

type NameOf = (id: string | null) => string;

export function containerNamer(names: Map<string, string>): NameOf {
	return (id) => (id ? (names.get(id) ?? id.slice(0, 12)) : 'host');
}

export function processTable(scan: ProcessScan | null, nameOf: NameOf, order: ProcessOrder = 'cpu'): HostTable {
	const columns = [
		{title: 'PID', width: 8, align: 'right' as const},
		{title: 'USER', width: 8, align: 'left' as const},
		{title: 'CPU', width: 6, align: 'right' as const},
		{title: 'MEM', width: 6, align: 'right' as const},
		{title: 'CONTAINER', width: 20, align: 'left' as const},
		{title: 'COMMAND', width: 0, align: 'left' as const},
	];
	if (!scan) return {title: 'processes: reading /proc…', columns, rows: []};
	const {counts} = scan;
	const rows: HostRow[] = groupProcesses(scan.processes, 200, order).map((group) => {
		const one = group.containerIds.length === 1 ? group.containerIds[0]! : null;
		return {
			cells: [
				group.count > 1 ? `${group.count} ×` : String(group.pids[0]),
				group.users.join(','),
				formatPercent(group.cpuPercent),
				formatBytes(group.rssBytes),
				group.containerIds.length > 1 ? `${group.containerIds.length} containers` : nameOf(one),
				group.command,
			],
			tone: group.cpuPercent >= 80 ? 'bad' : group.cpuPercent >= 40 ? 'warn' : 'plain',
			containerId: one,
		};
	});
	const zombies = findZombies(scan.processes);
	if (zombies.length > 0) {
		rows.push({cells: ['', '', '', '', '', `ZOMBIES (${zombies.length}): dead children their parent does not reap`], tone: 'heading', containerId: null});
		for (const zombie of zombies) {
			rows.push({cells: [String(zombie.pid), '', 'zombie', '', nameOf(zombie.containerId), `[${zombie.name}] of pid ${zombie.ppid}: ${zombie.parentCommand}`], tone: 'warn', containerId: zombie.containerId});
		}
	}
	return {
		title: `processes ${counts.total} · ${counts.running} running · ${counts.sleeping} sleeping · ${counts.zombie} zombie${counts.zombie === 1 ? '' : 's'} · by ${order === 'cpu' ? 'CPU' : 'memory'} (s sorts) · scan ${scan.durationMs.toFixed(0)} ms`,
		columns,
		rows,
	};
}

export function portTable(listeners: Listener[] | null, nameOf: NameOf, isRoot: boolean): HostTable {
	const columns = [
		{title: 'PROTO', width: 5, align: 'left' as const},
		{title: 'ADDRESS', width: 22, align: 'left' as const},
		{title: 'PID', width: 8, align: 'right' as const},
		{title: 'USER', width: 8, align: 'left' as const},
		{title: 'CONTAINER', width: 20, align: 'left' as const},
		{title: 'COMMAND', width: 0, align: 'left' as const},
	];
	if (!listeners) return {title: 'listening ports: reading /proc/net…', columns, rows: []};
	const sorted = [...listeners].sort((a, b) => a.port - b.port || a.protocol.localeCompare(b.protocol));
	const hidden = sorted.filter((listener) => !listener.holder).length;
	return {
		title: `listening ports ${sorted.length} (host network namespace)${hidden && !isRoot ? ` · ${hidden} held by processes of other users: run as root to name them` : ''}`,
		columns,
		rows: sorted.map((listener) => ({
			cells: [
				listener.protocol,
				`${listener.address.includes(':') ? `[${listener.address}]` : listener.address}:${listener.port}`,
				listener.holder ? String(listener.holder.pid) : '?',
				listener.holder?.user ?? '',
				listener.holder ? nameOf(listener.holder.containerId) : '',
				listener.holder?.command ?? '(not visible)',
			],
			tone: 'plain' as const,
			containerId: listener.holder?.containerId ?? null,
		})),
	};
}
