import type {LogLine} from './evidence.js';

// What the log pane shows: lines, and marks between them (an exit, a restart, lines skipped
// during a flood). `source` names the container when several logs are interleaved.

export type LogEntry =
	| ({kind: 'line'; source?: string} & LogLine)
	| {kind: 'separator'; text: string; at: number | null; source?: string};

/** An entry in the pane's buffer: `seq` stays the same while older entries are dropped. */
export type BufferedLogEntry = LogEntry & {seq: number};
