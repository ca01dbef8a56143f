import {lastMatch, type Rule} from '../finding.js';

// A library the code imports is not installed: Python's ModuleNotFoundError/ImportError and
// Node's "Cannot find module 'x'" (a bare name; a path is a missing file, see not-found).

const patterns = [
	/ModuleNotFoundError: No module named '([^']+)'/,
	/ImportError: No module named '?([\w.]+)'?/,
	/Cannot find module '([^'/.][^']*)'/,
];

export const missingModule: Rule = ({lines}) => {
	for (const pattern of patterns) {
		const hit = lastMatch(lines, pattern);
		if (hit) {
			const module = hit.match[1]!;
			return {
				rule: 'missing-module',
				severity: 'critical',
				cause: `missing module: ${module}`,
				evidence: hit.line.text,
				hint: `Install ${module} in the image (requirements / package.json) and rebuild it, rather than at container start.`,
				group: 'missing module',
			};
		}
	}
	return null;
};
