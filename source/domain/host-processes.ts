import type {HostProcess} from '../sources/host/proc-scan.js';

// Processes of the host seen through their containers: zombies with the parent that does not
// reap them, and the busiest commands, repeated ones as one line ("14 × pip install …").

export interface Zombie {
	pid: number;
	name: string;
	ppid: number;
	parentCommand: string;
	/** A zombie has no cgroup left to read: it belongs where its parent is. */
	containerId: string | null;
}

export function findZombies(processes: HostProcess[]): Zombie[] {
	const byPid = new Map(processes.map((process) => [process.pid, process]));
	return processes
		.filter((process) => process.state === 'Z')
		.map((process) => {
			const parent = byPid.get(process.ppid);
			return {pid: process.pid, name: process.name, ppid: process.ppid, parentCommand: parent?.command ?? '?', containerId: parent?.containerId ?? process.containerId};
		});
}

export interface ProcessGroup {
	/** The command line of the group's first process. */
	command: string;
	count: number;
	pids: number[];
	users: string[];
	cpuPercent: number;
	rssBytes: number;
	containerIds: Array<string | null>;
}

/** What repeats in a storm: the same command line, whatever numbers (ports, ids, sizes) differ. */
export function commandKey(command: string): string {
	return command.replace(/\d+/g, '#');
}

export type ProcessOrder = 'cpu' | 'memory';

/** Busiest first (by CPU, or by resident memory); processes sharing a command key are one group. */
export function groupProcesses(processes: HostProcess[], limit = 20, order: ProcessOrder = 'cpu'): ProcessGroup[] {
	const groups = new Map<string, ProcessGroup>();
	for (const process of processes) {
		if (process.state === 'Z') continue;
		const key = commandKey(process.command);
		const group = groups.get(key) ?? {command: process.command, count: 0, pids: [], users: [], cpuPercent: 0, rssBytes: 0, containerIds: []};
		group.count++;
		group.pids.push(process.pid);
		if (!group.users.includes(process.user)) group.users.push(process.user);
		group.cpuPercent += process.cpuPercent ?? 0;
		group.rssBytes += process.rssBytes;
		if (!group.containerIds.includes(process.containerId)) group.containerIds.push(process.containerId);
		groups.set(key, group);
	}
	const byCpu = (a: ProcessGroup, b: ProcessGroup) => b.cpuPercent - a.cpuPercent || b.rssBytes - a.rssBytes;
	const byMemory = (a: ProcessGroup, b: ProcessGroup) => b.rssBytes - a.rssBytes || b.cpuPercent - a.cpuPercent;
	return [...groups.values()].sort(order === 'cpu' ? byCpu : byMemory).slice(0, limit);
}
