// Where supervisord runs, read from the host's process table: its own process in a container (the
// main one: not a child of another supervisord), with the config it was given.

export interface SupervisordProcess {
	pid: number;
	containerId: string;
	/** The -c / --configuration it was started with, if any. */
	config: string | null;
}

const supervisordCommand = /(?:^|[\s/])supervisord(?:\s|$)/;
const configFlag = /(?:^|\s)(?:-c|--configuration)(?:=|\s+)(\S+)/;

export const isSupervisord = (process: {state: string; command: string}) => process.state !== 'Z' && supervisordCommand.test(process.command);

/** The config a supervisord command line names with -c or --configuration. */
export const configOf = (command: string): string | null => configFlag.exec(command)?.[1] ?? null;

export function supervisordsInContainers(processes: Array<{pid: number; ppid: number; state: string; command: string; containerId: string | null}>): SupervisordProcess[] {
	const candidates = processes.filter((process) => process.containerId && isSupervisord(process));
	const pids = new Set(candidates.map((process) => process.pid));
	const found = new Map<string, SupervisordProcess>();
	for (const process of candidates) {
		if (pids.has(process.ppid) || found.has(process.containerId!)) continue;
		found.set(process.containerId!, {pid: process.pid, containerId: process.containerId!, config: configOf(process.command)});
	}
	return [...found.values()];
}
