import type {ContainerRecord} from './container.js';
import {troubleLevel} from './trouble.js';

// The containers list as the pane shows it: grouped by compose project (standalone containers
// last), groups and rows in trouble first. Computed when data or the filter changes, not per frame.

export type ListRow =
	| {kind: 'group'; id: string; title: string; total: number; trouble: number}
	| {kind: 'container'; key: string};

export const standaloneTitle = 'standalone containers';

export function matchesFilter(record: ContainerRecord, filter: string): boolean {
	const needle = filter.trim().toLowerCase();
	if (!needle) return true;
	return [record.name, record.image, record.project ?? '', record.service ?? ''].some((field) => field.toLowerCase().includes(needle));
}

function byTroubleThenName(a: ContainerRecord, b: ContainerRecord): number {
	return troubleLevel(b) - troubleLevel(a) || a.name.localeCompare(b.name);
}

export function buildRows(containers: Iterable<ContainerRecord>, filter: string): ListRow[] {
	const groups = new Map<string | null, ContainerRecord[]>();
	for (const record of containers) {
		if (!matchesFilter(record, filter)) continue;
		const members = groups.get(record.project) ?? [];
		members.push(record);
		groups.set(record.project, members);
	}
	const ordered = [...groups.entries()]
		.map(([project, members]) => {
			members.sort(byTroubleThenName);
			// Sorted worst first, so the group's worst trouble is its first member's.
			return {project, members, worst: troubleLevel(members[0]!)};
		})
		.sort((a, b) => {
			if ((a.project === null) !== (b.project === null)) return a.project === null ? 1 : -1;
			return b.worst - a.worst || (a.project ?? '').localeCompare(b.project ?? '');
		});
	const rows: ListRow[] = [];
	for (const {project, members} of ordered) {
		rows.push({
			kind: 'group',
			id: project ?? '',
			title: project ?? standaloneTitle,
			total: members.length,
			trouble: members.filter((record) => troubleLevel(record) >= 2).length,
		});
		for (const record of members) rows.push({kind: 'container', key: record.key});
	}
	return rows;
}

export function containerKeys(rows: ListRow[]): string[] {
	return rows.flatMap((row) => (row.kind === 'container' ? [row.key] : []));
}
