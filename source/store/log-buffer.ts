import type {BufferedLogEntry, LogEntry} from '../domain/log-entry.js';
import type {FollowedLog} from './fleet-store.js';

// The log pane's buffer is a ring: memory stays flat however much a container prints.

export const logCapacity = 2000;

/** New entries of the followed log; `reset` starts over (another subject). */
export interface LogBatch {
	subject: string;
	entries: LogEntry[];
	error?: string;
	reset?: boolean;
	/** Several logs at once: history arrives a container at a time and is put in time order. */
	interleave?: boolean;
}

export function appendLog(current: FollowedLog | null, incoming: LogBatch, capacity = logCapacity): FollowedLog {
	const base = incoming.reset || current?.subject !== incoming.subject ? null : current;
	const entries = [...(base?.entries ?? [])];
	let seq = base?.nextSeq ?? 0;
	for (const entry of incoming.entries) {
		const buffered = {...entry, seq: seq++} as BufferedLogEntry;
		entries.splice(incoming.interleave ? insertionIndex(entries, entry.at) : entries.length, 0, buffered);
	}
	return {
		subject: incoming.subject,
		entries: entries.length > capacity ? entries.slice(-capacity) : entries,
		nextSeq: seq,
		error: incoming.error ?? base?.error ?? null,
	};
}

/** After the last entry not later than `at` (scanning back from the end, where new lines go). */
function insertionIndex(entries: BufferedLogEntry[], at: number | null): number {
	if (at === null) return entries.length;
	let index = entries.length;
	while (index > 0 && (entries[index - 1]!.at ?? -Infinity) > at) index--;
	return index;
}

/** Adds to what waits for the next publish, without copying it each time (a flood calls this often). */
export function queueLogBatch(waiting: LogBatch | undefined, subject: string, entries: LogEntry[], extra: Partial<LogBatch> = {}): LogBatch {
	if (waiting?.subject !== subject || extra.reset) return {subject, entries: [...entries], ...extra};
	waiting.entries.push(...entries);
	// Only the newest fit in the ring anyway.
	if (waiting.entries.length > 2 * logCapacity) waiting.entries.splice(0, waiting.entries.length - logCapacity);
	if (extra.error) waiting.error = extra.error;
	return waiting;
}
