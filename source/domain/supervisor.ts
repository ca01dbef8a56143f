// supervisord's programs as fleettop shows them, from getAllProcessInfo's structs.

export const programStates = ['STOPPED', 'STARTING', 'RUNNING', 'BACKOFF', 'STOPPING', 'EXITED', 'FATAL', 'UNKNOWN'] as const;
export type ProgramState = (typeof programStates)[number];

export interface SupervisorProgram {
	/** group:name, what the XML-RPC calls take. */
	fullName: string;
	name: string;
	group: string;
	state: ProgramState;
	pid: number | null;
	/** When it started, and stopped (ms), as supervisord's clock reads them. */
	startedAt: number | null;
	stoppedAt: number | null;
	exitStatus: number | null;
	/** Why supervisord could not spawn it ("can't find command 'x'"), if it says. */
	spawnError: string | null;
	description: string;
}

const seconds = (value: unknown) => (typeof value === 'number' && value > 0 ? value * 1000 : null);

export function programFromInfo(info: Record<string, unknown>): SupervisorProgram {
	const name = String(info['name'] ?? '');
	const group = String(info['group'] ?? name);
	const state = programStates.find((candidate) => candidate === info['statename']) ?? 'UNKNOWN';
	const pid = typeof info['pid'] === 'number' && info['pid'] > 0 ? info['pid'] : null;
	const spawnError = typeof info['spawnerr'] === 'string' && info['spawnerr'] ? info['spawnerr'] : null;
	return {
		fullName: `${group}:${name}`,
		name,
		group,
		state,
		pid,
		startedAt: seconds(info['start']),
		stoppedAt: seconds(info['stop']),
		// A program that never exited reports 0: only meaningful once it has stopped.
		exitStatus: typeof info['exitstatus'] === 'number' && (state === 'EXITED' || state === 'FATAL' || state === 'BACKOFF' || state === 'STOPPED') ? info['exitstatus'] : null,
		spawnError,
		description: String(info['description'] ?? ''),
	};
}
