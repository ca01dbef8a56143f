import type {ContainerRecord} from '../container.js';
import type {Listener, LogLine} from '../evidence.js';

// A rule reads the evidence of one container and returns at most one finding. Rules are small,
// pure and table-tested with real log excerpts (test/domain/diagnosis).

export type Severity = 'critical' | 'warning' | 'info';

export interface Finding {
	rule: string;
	severity: Severity;
	/** Short cause for the containers table: "port 8091 in use by python3 (pid 412)". */
	cause: string;
	/** The log line or engine field that shows it. */
	evidence: string | null;
	/** What to do about it. */
	hint: string;
	/** Findings with the same group are counted together in the fleet summary. */
	group: string;
	/** A host process in the way (the holder of a port), which an action can stop. */
	process?: HostProcess;
}

export interface HostProcess {
	pid: number;
	command: string;
	user: string;
	port: number;
}

export interface RuleContext {
	record: ContainerRecord;
	/** The last lines of the run that died, oldest first; the engine's State.Error comes last. */
	lines: LogLine[];
	/** Listening sockets of the host; null when not read (yet). */
	listeners: Listener[] | null;
	/** Container name for a full id, to name a container that holds a port. */
	containerName(id: string): string | null;
}

export type Rule = (context: RuleContext) => Finding | null;

/** The last line matching, with its match: the end of a log is where a run died. */
export function lastMatch(lines: LogLine[], pattern: RegExp): {line: LogLine; match: RegExpExecArray} | null {
	for (let index = lines.length - 1; index >= 0; index--) {
		const line = lines[index]!;
		const match = pattern.exec(line.text);
		if (match) return {line, match};
	}
	return null;
}

export const severityRank: Record<Severity, number> = {critical: 3, warning: 2, info: 1};
