import type {ContainerRecord} from '../../container.js';
import {lastMatch, type Rule} from '../finding.js';

// Permission denied on a path: most often a volume whose owner is not the container's user.

const denied = /permission denied|EACCES|os error 13|Errno 13/i;
const pathIn = /(\/[\w.@+-]+(?:\/[\w.@+-]*)*)/;

function mountFor(record: ContainerRecord, path: string) {
	return (record.details?.mounts ?? [])
		.filter((mount) => path === mount.destination || path.startsWith(`${mount.destination.replace(/\/$/, '')}/`))
		.sort((a, b) => b.destination.length - a.destination.length)[0];
}

export const permissionDenied: Rule = ({record, lines}) => {
	const hit = lastMatch(lines, denied);
	if (!hit) return null;
	const path = pathIn.exec(hit.line.text.replace(/^\S*?:\s*/, ''))?.[1] ?? null;
	// Without a path there is nothing to chown: a crash message rule describes it better.
	if (!path) return null;
	const user = record.details?.user || 'root';
	const mount = mountFor(record, path);
	const onVolume = mount ? ` on volume ${mount.source}${mount.readOnly ? ' (read-only)' : ''}` : '';
	return {
		rule: 'permission-denied',
		severity: 'critical',
		cause: `permission denied: ${path}${onVolume}`,
		evidence: hit.line.text,
		hint: mount
			? mount.readOnly
				? `${mount.destination} is mounted read-only: mount it read-write if it must be written.`
				: `The process runs as ${user}: chown the volume source (${mount.source}) to that user, or run with a matching --user.`
			: `The process runs as ${user} and may not use ${path}: check ownership and modes in the image or volume.`,
		group: 'permission denied',
	};
};
