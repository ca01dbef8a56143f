import {namesById, type ContainerRecord} from '../domain/container.js';
import {diagnose, type Diagnosis} from '../domain/diagnosis/diagnose.js';
import {supervisorFinding} from '../domain/diagnosis/supervisor-programs.js';
import {analyzeDependencies, type DependencyInfo} from '../domain/diagnosis/dependencies.js';
import {summarizeFleet, type Alert, type FleetSummary} from '../domain/fleet-summary.js';
import type {FleetState} from './fleet-store.js';

// Derived facts, computed once when their inputs change (and every few seconds, as loop rates
// slide with time), stored so that panes only read fields.

export const rediagnoseEveryMs = 5000;

export function deriveDiagnoses(state: FleetState, now: number): Pick<FleetState, 'diagnoses' | 'missingServices' | 'summary' | 'diagnosedAt'> {
	const records = Object.values(state.containers);
	const names = namesById(records);
	const {byKey, missing} = analyzeDependencies(records, new Map(Object.entries(state.compose)));
	const diagnoses: Record<string, Diagnosis> = {};
	for (const record of records) {
		diagnoses[record.key] = diagnose({
			record,
			evidence: state.evidence[record.key],
			listeners: state.listeners,
			dependencies: byKey.get(record.key) ?? null,
			containerName: (id) => names.get(id) ?? null,
			now,
			thresholds: state.thresholds.loop,
			observedSince: state.engines[record.engine]?.historySince ?? undefined,
			supervisor: state.supervisors[record.key],
		});
	}
	const summary = summarizeFleet(records, diagnoses, state.thresholds.fleet, missing);
	// An unreadable compose file leaves only the depends_on labels: say so rather than guess.
	for (const project of Object.values(state.compose)) {
		if (project.error) summary.alerts.push({severity: 'info', text: `${project.error} (dependencies from labels only)`});
	}
	summary.alerts.push(...state.hostAlerts);
	// The host's supervisord has no container row: its trouble is a fleet alert.
	const onHost = supervisorFinding(state.supervisors['host']);
	if (onHost && onHost.severity !== 'info') summary.alerts.push({severity: onHost.severity, text: state.supervisors['host']?.error ? `host supervisord: ${state.supervisors['host'].error}` : `host ${onHost.cause}`});
	return {diagnoses, missingServices: missing, summary, diagnosedAt: now};
}

/** The summary with the host's current alerts in place of the previous ones (kept by identity). */
export function replaceHostAlerts(summary: FleetSummary, previous: Alert[], current: Alert[]): FleetSummary {
	return {...summary, alerts: [...summary.alerts.filter((alert) => !previous.includes(alert)), ...current]};
}

/** Each compose container's dependencies, as its diagnosis found them (for ordered restarts). */
export function dependenciesOf(state: Pick<FleetState, 'diagnoses'>): Map<string, DependencyInfo> {
	return new Map(Object.entries(state.diagnoses).flatMap(([key, diagnosis]) => (diagnosis.dependencies ? [[key, diagnosis.dependencies]] : [])));
}

/** Compose projects named by the containers' labels, with the files to read for each. */
export function composeProjectsOf(records: ContainerRecord[]): Map<string, string[]> {
	const projects = new Map<string, string[]>();
	for (const record of records) {
		if (record.project && record.details?.composeFiles.length && !projects.has(record.project)) projects.set(record.project, record.details.composeFiles);
	}
	return projects;
}
