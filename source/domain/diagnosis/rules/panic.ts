import {lastMatch, type Rule} from '../finding.js';

// A crash the runtime wrote down: Rust and Go panics, Python tracebacks, Node uncaught errors.
// The message is the cause; the rule that knows more (permission, module, port) runs first.

const patterns: Array<{pattern: RegExp; label: string}> = [
	{pattern: /thread '[^']*' panicked at '?(.+?)'?(?:, src\/|$)/, label: 'panic'},
	{pattern: /^panic: (.+)$/, label: 'panic'},
	{pattern: /^(\w+(?:Error|Exception)): (.+)$/, label: 'exception'},
	{pattern: /^Uncaught (\w*Error.*)$/, label: 'exception'},
];

/** Rust 1.73+ prints "thread 'main' panicked at src/main.rs:4:5:" and the message on the next line. */
const panicLocation = /thread '[^']*' panicked at (\S+?):$/;

export const crashMessage: Rule = ({record, lines}) => {
	if (record.exitCode === 0 || record.exitCode === null) return null;
	const located = lastMatch(lines, panicLocation);
	const message = located ? lines[lines.indexOf(located.line) + 1] : undefined;
	if (located && message) {
		return {rule: 'crash-message', severity: 'critical', cause: `panic: ${message.text.trim()} (${located.match[1]})`, evidence: `${located.line.text} ${message.text.trim()}`, hint: 'The application panicked with this message at the place shown.', group: 'panic'};
	}
	for (const {pattern, label} of patterns) {
		const hit = lastMatch(lines, pattern);
		if (hit) {
			const message = hit.match.slice(1).filter(Boolean).join(': ');
			return {
				rule: 'crash-message',
				severity: 'critical',
				cause: `${label}: ${message}`,
				evidence: hit.line.text,
				hint: 'The application crashed with this message: the lines before it in the log show where.',
				group: label === 'panic' ? 'panic' : 'uncaught exception',
			};
		}
	}
	return null;
};
