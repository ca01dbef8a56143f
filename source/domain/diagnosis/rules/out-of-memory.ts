import {formatBytes} from '../../format.js';
import {lastMatch, type Rule} from '../finding.js';

// Killed by the kernel at the memory limit (OOMKilled), or an application that says it ran out.

const selfReported = /MemoryError|out of memory|JavaScript heap out of memory|Cannot allocate memory/i;

export const outOfMemory: Rule = ({record, lines}) => {
	if (record.oomKilled) {
		const limit = record.memoryLimit ? formatBytes(record.memoryLimit) : null;
		return {
			rule: 'out-of-memory',
			severity: 'critical',
			cause: limit ? `out of memory at limit ${limit}` : 'out of memory (no limit: the host ran out)',
			evidence: `State.OOMKilled=true, exit ${record.exitCode ?? 137}`,
			hint: limit ? `Raise --memory above ${limit} or find what grows; the last log lines show what it was doing.` : 'Set a memory limit and find what grows.',
			group: 'out of memory',
		};
	}
	const hit = lastMatch(lines, selfReported);
	if (!hit || record.exitCode === 0) return null;
	return {rule: 'out-of-memory', severity: 'critical', cause: 'ran out of memory', evidence: hit.line.text, hint: 'The application could not allocate memory: raise its limit or its heap size.', group: 'out of memory'};
};
