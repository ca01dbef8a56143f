import type {LogLine} from '../../evidence.js';
import {lastMatch, type Rule} from '../finding.js';

// A dependency built at container start (pip install of a C extension) fails: no compiler, no
// Python headers, musl. The missing tool is the cause; the package is the evidence.

const failed = /Failed building wheel for (\S+)|Could not build wheels for (\S+?),?\s|error: subprocess-exited-with-error/;
const missingTools: Array<{pattern: RegExp; what: string; fix: string}> = [
	{pattern: /command '(?:\S*\/)?(?:gcc|cc|g\+\+|x86_64-linux-gnu-gcc)' failed|unable to execute '(?:gcc|cc)'|gcc: (?:command )?not found/, what: 'no C compiler (gcc)', fix: 'gcc / build-base'},
	{pattern: /Python\.h: No such file or directory/, what: 'no Python headers (Python.h)', fix: 'python3-dev'},
	{pattern: /musl|linux\/limits\.h: No such file/, what: 'musl libc headers missing', fix: 'musl-dev'},
];

function packageName(lines: LogLine[]): string | null {
	const hit = lastMatch(lines, failed);
	return hit ? (hit.match[1] ?? hit.match[2] ?? null) : null;
}

export const buildFailure: Rule = ({lines}) => {
	const failure = lastMatch(lines, failed);
	if (!failure) return null;
	const name = packageName(lines);
	const missing = missingTools.filter(({pattern}) => lastMatch(lines, pattern));
	const what = missing.map((tool) => tool.what).join(', ');
	const evidence = missing.length > 0 ? lastMatch(lines, missing[0]!.pattern)!.line.text : failure.line.text;
	return {
		rule: 'build-failure',
		severity: 'critical',
		cause: `${name ? `pip cannot build ${name}` : 'runtime build failed'}${what ? `: ${what}` : ''}`,
		evidence,
		hint: missing.length > 0
			? `Install the packages at image build time (${missing.map((tool) => tool.fix).join(', ')}) or use a wheel-friendly base image; do not pip install at start.`
			: 'A package failed to build at container start: install it when the image is built.',
		group: 'dependency build failed',
	};
};
