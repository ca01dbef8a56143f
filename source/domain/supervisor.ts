import {collapseRepeats} from './repeats.js';
import type {Tone} from './trouble.js';

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
		// Only meaningful once a run has ended for good; in BACKOFF supervisord reports 0 whatever the exit.
		exitStatus: typeof info['exitstatus'] === 'number' && (state === 'EXITED' || state === 'FATAL') ? info['exitstatus'] : null,
		spawnError,
		description: String(info['description'] ?? ''),
	};
}

/** A program as fleettop shows it: what supervisord says, plus what fleettop saw over time. */
export interface WatchedProgram extends SupervisorProgram {
	/** New pids, BACKOFF entries and RUNNING -> EXITED changes in the last 10 minutes. */
	flaps: number;
	/** The end of its stderr log when it is FATAL or in BACKOFF (the exit status is often 0). */
	stderrTail: string[];
}

/** One supervisord: on the host, or inside a container. */
export interface SupervisorStatus {
	/** 'host', or the container's key. */
	id: string;
	containerKey: string | null;
	/** 'host', or the container's name. */
	label: string;
	/** How it is reached: unix:///…, http://…, docker exec. */
	where: string;
	/** supervisord's own state (RUNNING, …); null when it could not be asked. */
	state: string | null;
	programs: WatchedProgram[];
	error: string | null;
	readAt: number;
}

export const flapWindowMs = 10 * 60_000;
/** This many flaps in the window make a program flapping, like a container's crash loop. */
export const flapThreshold = 3;

export function isFlapping(program: WatchedProgram): boolean {
	return program.flaps >= flapThreshold;
}

/** FATAL, BACKOFF and UNKNOWN are trouble; so is exiting with an error, or flapping. STOPPED is the operator's doing. */
export function isUnhealthy(program: WatchedProgram): boolean {
	if (program.state === 'FATAL' || program.state === 'BACKOFF' || program.state === 'UNKNOWN') return true;
	if (program.state === 'EXITED' && program.exitStatus !== null && program.exitStatus !== 0) return true;
	return isFlapping(program);
}

export interface FlapHistory {
	pid: number | null;
	state: ProgramState;
	events: number[];
}

/**
 * Counts runs that ended, from one reading to the next: up (STARTING, RUNNING) then down (BACKOFF,
 * EXITED, FATAL), or up again with a new pid when the end fell between two readings.
 * `history` (by fullName) is kept by the caller.
 */
export function trackFlaps(history: Map<string, FlapHistory>, programs: SupervisorProgram[], now: number): Map<string, number> {
	const up = (state: ProgramState) => state === 'RUNNING' || state === 'STARTING';
	const counts = new Map<string, number>();
	for (const program of programs) {
		const before = history.get(program.fullName);
		const events = (before?.events ?? []).filter((at) => now - at <= flapWindowMs);
		if (before && up(before.state)) {
			const ended = program.state === 'BACKOFF' || program.state === 'EXITED' || program.state === 'FATAL';
			const restartedUnseen = up(program.state) && program.pid !== null && before.pid !== null && program.pid !== before.pid;
			if (ended || restartedUnseen) events.push(now);
		}
		history.set(program.fullName, {pid: program.pid, state: program.state, events});
		counts.set(program.fullName, events.length);
	}
	return counts;
}

/** The last lines of a log tail, repeats collapsed ("… (×3)"): a FATAL program prints the same error each try. */
export function tailLines(text: string, count = 5): string[] {
	const lines = text.split('\n').map((line) => line.trimEnd()).filter(Boolean);
	return collapseRepeats(lines, (a, b) => a === b).slice(-count).map(({entry, count: times}) => (times > 1 ? `${entry} (×${times})` : entry));
}

/** "4 restarts in 10 min": how a flapping program is described everywhere. */
export function flapText(program: WatchedProgram): string {
	return `${program.flaps} restarts in 10 min`;
}

const stateTone: Record<ProgramState, Tone> = {
	RUNNING: 'ok', STARTING: 'warn', STOPPING: 'warn', BACKOFF: 'bad', FATAL: 'bad', EXITED: 'dim', STOPPED: 'dim', UNKNOWN: 'bad',
};

/** A program's colour: its state's, but an unhealthy one (an error exit, flapping) is a warning at least. */
export function programTone(program: WatchedProgram): Tone {
	const tone = stateTone[program.state];
	return isUnhealthy(program) && tone !== 'bad' ? 'warn' : tone;
}
