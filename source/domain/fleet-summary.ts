import type {ContainerRecord} from './container.js';
import type {MissingService} from './diagnosis/dependencies.js';
import type {Diagnosis} from './diagnosis/diagnose.js';
import type {Severity} from './diagnosis/finding.js';
import {formatPercent} from './format.js';

// The fleet at a glance: availability against what is expected to run, counts by state,
// failures grouped by cause ("17 × exit 127 command not found") and the alerts they raise.

export interface FleetThresholds {
	/** Availability below this percentage is a critical alert (default 80). */
	availabilityCritical: number;
}

export const defaultFleetThresholds: FleetThresholds = {availabilityCritical: 80};

export interface Alert {
	severity: Severity;
	text: string;
}

export interface FleetSummary {
	total: number;
	expected: number;
	available: number;
	/** available / expected in percent; null when nothing is expected to run. */
	availability: number | null;
	counts: Array<{label: string; count: number}>;
	causes: Array<{cause: string; count: number; severity: Severity}>;
	alerts: Alert[];
}

/** A job that finished with 0 and is not meant to restart is done, not down. */
function expectedToRun(record: ContainerRecord): boolean {
	const completed = record.state === 'exited' && record.exitCode === 0 && !record.oomKilled;
	return !(completed && (record.restartPolicy === 'no' || record.restartPolicy === '' || record.restartPolicy.startsWith('on-failure')));
}

function isAvailable(record: ContainerRecord, diagnosis: Diagnosis | undefined): boolean {
	return record.state === 'running' && !diagnosis?.loop.looping && record.health !== 'unhealthy' && record.health !== 'starting';
}

export function summarizeFleet(records: ContainerRecord[], diagnoses: Record<string, Diagnosis>, thresholds = defaultFleetThresholds, missing: MissingService[] = []): FleetSummary {
	const diagnosisOf = (record: ContainerRecord) => diagnoses[record.key];
	const expected = records.filter(expectedToRun);
	const available = expected.filter((record) => isAvailable(record, diagnosisOf(record))).length;
	const availability = expected.length ? (available / expected.length) * 100 : null;
	const count = (test: (record: ContainerRecord) => boolean) => records.filter(test).length;
	const looping = (record: ContainerRecord) => Boolean(diagnosisOf(record)?.loop.looping);
	const counts = [
		{label: 'running', count: count((r) => r.state === 'running' && !looping(r))},
		{label: 'looping', count: count(looping)},
		{label: 'unhealthy', count: count((r) => r.health === 'unhealthy' && !looping(r))},
		{label: 'failed', count: count((r) => (r.state === 'exited' || r.state === 'dead') && r.exitCode !== 0 && !looping(r))},
		{label: 'exited ok', count: count((r) => r.state === 'exited' && r.exitCode === 0)},
		{label: 'created', count: count((r) => r.state === 'created')},
		{label: 'paused', count: count((r) => r.state === 'paused')},
	].filter((entry) => entry.count > 0);

	const causes = new Map<string, {cause: string; count: number; severity: Severity}>();
	for (const record of records) {
		const main = diagnosisOf(record)?.findings.find((finding) => finding.severity !== 'info' && finding.rule !== 'cascade');
		if (!main) continue;
		const known = causes.get(main.group) ?? {cause: main.group, count: 0, severity: main.severity};
		known.count++;
		causes.set(main.group, known);
	}

	const alerts: Alert[] = [];
	if (availability !== null && availability < thresholds.availabilityCritical) {
		alerts.push({severity: 'critical', text: `availability ${formatPercent(availability)} (${available}/${expected.length}) below ${thresholds.availabilityCritical} %`});
	}
	const loops = count(looping);
	if (loops > 0) alerts.push({severity: 'warning', text: `${loops} container${loops === 1 ? '' : 's'} in a restart loop`});
	// A service behind a profile is started only on demand: worth knowing, not an alarm.
	for (const service of missing) {
		const profiles = service.profiles.length > 0 ? ` (profile ${service.profiles.join(', ')})` : '';
		alerts.push({severity: profiles ? 'info' : 'warning', text: `${service.project}/${service.service} has no container${profiles}`});
	}

	return {
		total: records.length,
		expected: expected.length,
		available,
		availability,
		counts,
		causes: [...causes.values()].sort((a, b) => b.count - a.count || a.cause.localeCompare(b.cause)),
		alerts,
	};
}

export function summaryLine(summary: FleetSummary): string {
	const availability = summary.availability === null ? 'nothing expected to run' : `${summary.available}/${summary.expected} available (${formatPercent(summary.availability)})`;
	const counts = summary.counts.map((entry) => `${entry.count} ${entry.label}`).join(', ');
	return `${summary.total} containers · ${availability}${counts ? ` · ${counts}` : ''}`;
}

export function causesLine(summary: FleetSummary): string {
	return summary.causes.map((entry) => `${entry.count} × ${entry.cause}`).join(' · ');
}
