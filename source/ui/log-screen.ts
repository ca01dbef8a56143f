import {layoutLog, shownEntries, type LogScreen} from '../domain/log-layout.js';
import {compilePattern} from '../domain/log-pattern.js';
import {subjectId} from '../domain/log-subject.js';
import type {FollowedLog, LogViewState} from '../store/fleet-store.js';

/** A filter that is not a valid regex shows nothing rather than everything. */
const matchNothing = /(?!)/;

/** The log pane's rows for a view state: what the keys scroll through and the pane draws. */
export function logScreen(logs: FollowedLog | null, log: LogViewState, width: number, height: number): LogScreen {
	const entries = logs?.subject === subjectId(log.subject) ? logs.entries : [];
	const filter = compilePattern(log.filter);
	const shown = shownEntries(entries, filter.error ? matchNothing : filter.regex, log.stderrOnly);
	return layoutLog(entries, shown, log.top, height, {
		width,
		wrap: log.wrap,
		timestamps: log.timestamps,
		names: log.subject.kind !== 'container',
		search: compilePattern(log.search).regex,
		currentSeq: log.current,
	});
}

/** Rows of the pane that are not log lines: the title above, the status or input line below. */
export const logChromeRows = 2;
