import type {FleetState} from '../store/fleet-store.js';
import type {ContainerRecord} from './container.js';
import {stateText} from './detail-lines.js';
import type {Finding, Severity} from './diagnosis/finding.js';
import {summaryLine} from './fleet-summary.js';
import {containerKeys} from './rows.js';

// `fleettop report`: the current state as a Markdown incident report for a ticket. Containers
// that fail the same way are one finding ("3 containers"), so sixty broken agents stay readable.

type ReportState = Pick<FleetState, 'containers' | 'diagnoses' | 'summary' | 'missingServices' | 'rows' | 'now' | 'host'>;

interface GroupedFinding {
	finding: Finding;
	containers: ContainerRecord[];
}

const severityOrder: Severity[] = ['critical', 'warning', 'info'];
const severityTitle: Record<Severity, string> = {critical: 'Critical', warning: 'Warning', info: 'Notes'};

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
	const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
	const fence = '`'.repeat(longest + 1);
	const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
	return `${fence}${pad}${text}${pad}${fence}`;
}

/** A table cell: pipes would end the cell, newlines the row. */
export function cell(text: string): string {
	return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll(/\r?\n/g, ' ');
}

function groupFindings(state: ReportState, order: ContainerRecord[]): GroupedFinding[] {
	const groups = new Map<string, GroupedFinding>();
	for (const record of order) {
		for (const finding of state.diagnoses[record.key]?.findings ?? []) {
			const key = `${finding.severity}\u0000${finding.rule}\u0000${finding.cause}`;
			const group = groups.get(key) ?? {finding, containers: []};
			group.containers.push(record);
			groups.set(key, group);
		}
	}
	return [...groups.values()];
}

const names = (records: ContainerRecord[]) => records.map((record) => record.name).join(', ');

function findingSection(groups: GroupedFinding[], severity: Severity): string[] {
	const matching = groups.filter((group) => group.finding.severity === severity).sort((a, b) => b.containers.length - a.containers.length);
	if (matching.length === 0) return [];
	const lines = [`### ${severityTitle[severity]}`, ''];
	for (const {finding, containers} of matching) {
		const count = containers.length > 1 ? ` (${containers.length} containers)` : '';
		lines.push(`- **${finding.cause}**${count}: ${names(containers)}`);
		if (finding.evidence) lines.push(`  - evidence: ${code(finding.evidence)}`);
		lines.push(`  - what to do: ${finding.hint}`);
	}
	lines.push('');
	return lines;
}

function affectedTable(state: ReportState, order: ContainerRecord[]): string[] {
	const affected = order.filter((record) => state.diagnoses[record.key]?.severity);
	if (affected.length === 0) return ['No container needs attention.', ''];
	const lines = ['| Container | Project | State | Diagnosis |', '|---|---|---|---|'];
	for (const record of affected) {
		const diagnosis = state.diagnoses[record.key]!;
		lines.push(`| ${cell(record.name)} | ${cell(record.project ?? '')} | ${cell(stateText(record))} | ${cell(diagnosis.summary)} |`);
	}
	lines.push('');
	return lines;
}

function whatToDo(groups: GroupedFinding[]): string[] {
	const ranked = [...groups]
		.filter((group) => group.finding.severity !== 'info')
		.sort((a, b) => severityOrder.indexOf(a.finding.severity) - severityOrder.indexOf(b.finding.severity) || b.containers.length - a.containers.length);
	const seen = new Set<string>();
	const lines: string[] = [];
	for (const {finding, containers} of ranked) {
		const key = `${finding.hint}\u0000${names(containers)}`;
		if (seen.has(key)) continue;
		seen.add(key);
		lines.push(`${lines.length + 1}. ${names(containers)} — ${finding.cause}: ${finding.hint}`);
	}
	return lines.length > 0 ? [...lines, ''] : ['Nothing to do.', ''];
}

export function buildReport(state: ReportState): string {
	const order = containerKeys(state.rows).map((key) => state.containers[key]).filter((record): record is ContainerRecord => Boolean(record));
	const groups = groupFindings(state, order);
	const {summary} = state;
	const lines = [
		`# Incident report: ${state.host?.hostname ?? 'fleet'}, ${new Date(state.now).toISOString().replace('T', ' ').slice(0, 16)} UTC`,
		'',
		`${summaryLine(summary)}.`,
		'',
	];
	if (summary.alerts.length > 0) {
		lines.push('**Alerts**', '', ...summary.alerts.map((alert) => `- ${alert.severity}: ${alert.text}`), '');
	}
	if (summary.causes.length > 0) {
		lines.push('## Failures by cause', '', '| Containers | Cause | Severity |', '|---:|---|---|');
		lines.push(...summary.causes.map((entry) => `| ${entry.count} | ${cell(entry.cause)} | ${entry.severity} |`), '');
	}
	lines.push('## Findings', '');
	const sections = severityOrder.flatMap((severity) => findingSection(groups, severity));
	lines.push(...(sections.length > 0 ? sections : ['None.', '']));
	lines.push('## Affected containers', '', ...affectedTable(state, order));
	if (state.missingServices.length > 0) {
		lines.push('## Compose services with no container', '');
		lines.push(...state.missingServices.map((missing) => `- ${missing.project} / ${missing.service}${missing.profiles.length ? ` (profiles: ${missing.profiles.join(', ')}: started only when asked for)` : ''}`), '');
	}
	lines.push('## What to do', '', ...whatToDo(groups));
	lines.push(`_Generated by fleettop from the engine's state, the last log lines of each failed run and the host's listening sockets._`, '');
	return lines.join('\n');
}
