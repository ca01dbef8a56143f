import {lastMatch, type Rule} from '../finding.js';

// The command or a file it needs is missing from the image: shells, the engine's exec error,
// Python and Node refusing a script path.

const patterns: Array<{pattern: RegExp; what: (match: RegExpExecArray) => string}> = [
	{pattern: /exec: "([^"]+)": executable file not found/, what: (m) => `command not found: ${m[1]}`},
	{pattern: /exec (\S+): no such file or directory/, what: (m) => `file not found: ${m[1]}`},
	{pattern: /^(?:\/bin\/)?(?:sh|bash|ash|dash)(?:: \d+)?: (?:line \d+: )?([^:\s]+): (?:command )?not found/, what: (m) => `command not found: ${m[1]}`},
	{pattern: /can't open (?:file )?'([^']+)'/, what: (m) => `file not found: ${m[1]}`},
	{pattern: /Cannot find module '(\/[^']+)'/, what: (m) => `file not found: ${m[1]}`},
];

export const notFound: Rule = ({record, lines}) => {
	for (const {pattern, what} of patterns) {
		const hit = lastMatch(lines, pattern);
		if (hit) {
			return {
				rule: 'not-found',
				severity: 'critical',
				cause: what(hit.match),
				evidence: hit.line.text,
				hint: 'The image lacks it: check the entrypoint/command, the image tag and PATH (docker run --rm --entrypoint sh IMAGE).',
				group: record.exitCode === 127 ? 'exit 127 command not found' : 'command or file not found',
			};
		}
	}
	if (record.exitCode === 127 && record.state !== 'running') {
		return {rule: 'not-found', severity: 'critical', cause: 'command not found (exit 127)', evidence: null, hint: 'Exit 127: the command does not exist in the image; check the entrypoint, command and PATH.', group: 'exit 127 command not found'};
	}
	return null;
};
