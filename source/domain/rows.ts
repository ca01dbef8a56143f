import type {ContainerRecord} from './container.js';
import type {Diagnosis} from './diagnosis/diagnose.js';
import {troubleLevel} from './trouble.js';

// The containers list as the pane shows it: grouped by compose project (standalone containers
// last), groups and rows in trouble first. Computed when data or the filter changes, not per frame.

export type ListRow =
	| {kind: 'group'; id: string; title: string; total: number; trouble: number}
	| {kind: 'container'; key: string};

export const standaloneTitle = 'standalone containers';

/** Name, image, project, service, or the diagnosis: "/not found" shows every such failure. */
export function matchesFilter(record: ContainerRecord, filter: string, diagnosis?: Diagnosis): boolean {
	const needle = filter.trim().toLowerCase();
	if (!needle) return true;
	const fields = [record.name, record.image, record.project ?? '', record.service ?? '', diagnosis?.summary ?? ''];
	return fields.some((field) => field.toLowerCase().includes(needle));
}

export function buildRows(containers: Iterable<ContainerRecord>, filter: string, diagnoses: Record<string, Diagnosis> = {}): ListRow[] {
	const level = (record: ContainerRecord) => troubleLevel(record, diagnoses[record.key]);
	const byTroubleThenName = (a: ContainerRecord, b: ContainerRecord) => level(b) - level(a) || a.name.localeCompare(b.name);
	const groups = new Map<string | null, ContainerRecord[]>();
	for (const record of containers) {
		if (!matchesFilter(record, filter, diagnoses[record.key])) continue;
		const members = groups.get(record.project) ?? [];
		members.push(record);
		groups.set(record.project, members);
	}
	const ordered = [...groups.entries()]
		.map(([project, members]) => {
			members.sort(byTroubleThenName);
			// Sorted worst first, so the group's worst trouble is its first member's.
			return {project, members, worst: level(members[0]!)};
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
			trouble: members.filter((record) => level(record) >= 2).length,
		});
		for (const record of members) rows.push({kind: 'container', key: record.key});
	}
	return rows;
}

export function containerKeys(rows: ListRow[]): string[] {
	return rows.flatMap((row) => (row.kind === 'container' ? [row.key] : []));
}
