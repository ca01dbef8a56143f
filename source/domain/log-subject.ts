import type {ContainerRecord} from './container.js';
import type {Diagnosis} from './diagnosis/diagnose.js';
import {troubleLevel} from './trouble.js';

// Whose log the pane follows: one container, several interleaved (marked ones or a compose
// project), or "trouble": the error lines of every failing container.

export type LogSubject =
	| {kind: 'container'; key: string}
	| {kind: 'group'; keys: string[]; title: string}
	| {kind: 'trouble'; keys: string[]}
	/** A supervisord program's output: `supervisor` is 'host' or a container key. */
	| {kind: 'program'; supervisor: string; target: string; label: string};

/** Streams open at once, at most: one socket each on the engine. */
export const maxFollowed = 60;

/** The containers whose logs are followed (none for a program: supervisord keeps its output). */
export function subjectKeys(subject: LogSubject): string[] {
	if (subject.kind === 'program') return [];
	return subject.kind === 'container' ? [subject.key] : subject.keys;
}

/** Equal for the same containers followed the same way. */
export function subjectId(subject: LogSubject): string {
	return subject.kind === 'program' ? `program:${subject.supervisor}/${subject.target}` : `${subject.kind}:${subjectKeys(subject).join(',')}`;
}

export function subjectTitle(subject: LogSubject, nameOf: (key: string) => string): string {
	if (subject.kind === 'container') return `log of ${nameOf(subject.key)}`;
	if (subject.kind === 'program') return `output of ${subject.label}`;
	if (subject.kind === 'group') return `${subject.title} (${subject.keys.length} interleaved)`;
	return `trouble: error lines of ${subject.keys.length} failing container${subject.keys.length === 1 ? '' : 's'}`;
}

/** Marked containers, or with none marked the selected one's compose project; null if that is one container or none. */
export function groupSubject(containers: Record<string, ContainerRecord>, marks: string[], selectedKey: string | null): LogSubject | null {
	const byName = (keys: string[]) => keys.filter((key) => containers[key]).sort((a, b) => containers[a]!.name.localeCompare(containers[b]!.name)).slice(0, maxFollowed);
	if (marks.length > 0) {
		const keys = byName(marks);
		return keys.length > 0 ? {kind: 'group', keys, title: `${marks.length} marked`} : null;
	}
	const project = selectedKey ? containers[selectedKey]?.project : null;
	if (!project) return null;
	const keys = byName(Object.keys(containers).filter((key) => containers[key]!.project === project));
	return {kind: 'group', keys, title: `project ${project}`};
}

/** Every failing container: looping, critical or warned about, or exited with an error; worst first. */
export function troubleSubject(containers: Record<string, ContainerRecord>, diagnoses: Record<string, Diagnosis>): LogSubject | null {
	const level = (record: ContainerRecord) => troubleLevel(record, diagnoses[record.key]);
	const failing = Object.values(containers)
		.filter((record) => level(record) >= 2 || (record.state === 'exited' && record.exitCode !== null && record.exitCode !== 0))
		.sort((a, b) => level(b) - level(a) || a.name.localeCompare(b.name))
		.slice(0, maxFollowed);
	return failing.length > 0 ? {kind: 'trouble', keys: failing.map((record) => record.key)} : null;
}
