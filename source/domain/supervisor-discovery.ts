// Where supervisord runs, read from the host's process table: its own process in a container (the
// main one: not a child of another supervisord), with the config it was given.

export interface SupervisordProcess {
	pid: number;
	containerId: string;
	/** The -c / --configuration it was started with, if any. */
	config: string | null;
}

const isSupervisord = /(?:^|[\s/])supervisord(?:\s|$)/;
const configFlag = /(?:^|\s)(?:-c|--configuration)(?:=|\s+)(\S+)/;

export function supervisordsInContainers(processes: Array<{pid: number; ppid: number; state: string; command: string; containerId: string | null}>): SupervisordProcess[] {
	const candidates = processes.filter((process) => process.containerId && process.state !== 'Z' && isSupervisord.test(process.command));
	const pids = new Set(candidates.map((process) => process.pid));
	const found = new Map<string, SupervisordProcess>();
	for (const process of candidates) {
		if (pids.has(process.ppid) || found.has(process.containerId!)) continue;
		found.set(process.containerId!, {pid: process.pid, containerId: process.containerId!, config: configFlag.exec(process.command)?.[1] ?? null});
	}
	return [...found.values()];
}
