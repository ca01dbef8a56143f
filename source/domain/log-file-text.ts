import type {LogEntry} from './log-entry.js';
import {sanitizeText} from './sanitize.js';

// A saved log: the whole buffer (not only what a filter shows), one entry a line, with full
// times. Sanitized again on the way out: whatever reads the file later is a terminal too.

export function logFileText(entries: LogEntry[], title: string, savedAt: number): string {
	const time = (at: number | null) => (at === null ? '-' : new Date(at).toISOString());
	const lines = entries.map((entry) => {
		const source = entry.source ? `${sanitizeText(entry.source)} ` : '';
		if (entry.kind === 'separator') return `${time(entry.at)} ${source}${sanitizeText(entry.text)}`;
		return `${time(entry.at)} ${source}${entry.stream === 'stderr' ? 'stderr' : 'stdout'} ${sanitizeText(entry.text)}`;
	});
	return [`# fleettop: ${sanitizeText(title)}, saved ${new Date(savedAt).toISOString()}, ${entries.length} entries`, ...lines, ''].join('\n');
}

/** A file name from a title: letters, digits, dots and dashes only. */
export function logFileName(title: string, savedAt: number): string {
	const slug = title.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 60) || 'log';
	return `${slug}-${new Date(savedAt).toISOString().replace(/[:.]/g, '-')}.log`;
}
