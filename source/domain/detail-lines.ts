import type {ContainerRecord} from './container.js';
import type {Diagnosis} from './diagnosis/diagnose.js';
import type {Severity} from './diagnosis/finding.js';
import type {LogLine} from './evidence.js';
import {cannotFail, healthcheckText} from './diagnosis/rules/health.js';
import {formatBytes, formatClock, formatDuration} from './format.js';
import {collapseRepeats} from './repeats.js';
import {flapText, isFlapping, programTone, type SupervisorStatus} from './supervisor.js';

// The detail view of one container, as plain lines with a style each: the view paints and
// scrolls them, tests read them, and the report reuses the same wording.

export type LineStyle = 'title' | 'heading' | 'bad' | 'warn' | 'ok' | 'dim' | 'plain';

export interface DetailLine {
	text: string;
	style: LineStyle;
}

export const severityStyle: Record<Severity, LineStyle> = {critical: 'bad', warning: 'warn', info: 'dim'};

const line = (text: string, style: LineStyle = 'plain'): DetailLine => ({text, style});
const ago = (at: number, now: number) => `${formatClock(at)} (${formatDuration(now - at)} ago)`;

/** "restarting, exit 127, restart #42": the state in one phrase. */
export function stateText(record: ContainerRecord): string {
	const parts: string[] = [record.oomKilled && record.state !== 'running' ? 'oom-killed' : record.state];
	if (record.health) parts.push(record.health);
	if (record.exitCode !== null) parts.push(record.state === 'running' ? `last exit ${record.exitCode}` : `exit ${record.exitCode}`);
	if (record.restartCount > 0) parts.push(`${record.restartCount} restarts`);
	return parts.join(', ');
}

function diagnosisLines(diagnosis: Diagnosis, now: number): DetailLine[] {
	const lines: DetailLine[] = [line('Diagnosis', 'heading')];
	if (diagnosis.findings.length === 0) lines.push(line('  nothing wrong that fleettop can see', 'ok'));
	for (const finding of diagnosis.findings) {
		lines.push(line(`  ● ${finding.cause}`, severityStyle[finding.severity]));
		if (finding.evidence) lines.push(line(`    evidence: ${finding.evidence}`, 'dim'));
		lines.push(line(`    what to do: ${finding.hint}`));
	}
	if (diagnosis.exit) lines.push(line(`  exit ${diagnosis.exit.code} — ${diagnosis.exit.label}: ${diagnosis.exit.meaning}`));
	const {loop} = diagnosis;
	if (loop.looping || loop.restartsInWindow > 0) {
		const parts = [`${loop.restartsInWindow} restart${loop.restartsInWindow === 1 ? '' : 's'} in the window (${Math.round(loop.perHour)}/h)`];
		if (loop.since) parts.push(`looping since ${ago(loop.since, now)}`);
		if (loop.nextRestartAt) parts.push(`next restart in about ${formatDuration(loop.nextRestartAt - now)}`);
		lines.push(line(`  ${loop.looping ? 'crash loop' : 'restarts'}: ${parts.join(', ')}`, loop.looping ? 'warn' : 'plain'));
	}
	return lines;
}

/**
 * The tail read for a loop spans several runs: keep the run that died, which began after the
 * exit before it (or, for a container that stays down, when it last started).
 */
function linesOfLastRun(record: ContainerRecord, lines: LogLine[]): LogLine[] {
	const runStart = record.state === 'running' ? record.exits.at(-2)?.at : record.startedAt;
	if (!runStart) return lines;
	const run = lines.filter((entry) => entry.at === null || entry.at >= runStart);
	return run.length > 0 ? run : lines;
}

const shownLogLines = 15;

/** The last lines, or from just before the evidence line when a stack trace follows it. */
function aroundEvidence<T extends {entry: LogLine}>(lines: T[], evidence: string | null | undefined): T[] {
	const index = evidence ? lines.map(({entry}) => entry.text.trim()).lastIndexOf(evidence) : -1;
	const start = index === -1 ? lines.length - shownLogLines : Math.min(index - 2, lines.length - shownLogLines);
	return lines.slice(Math.max(start, 0), Math.max(start, 0) + shownLogLines);
}

function lastLines(record: ContainerRecord, diagnosis: Diagnosis): DetailLine[] {
	if (diagnosis.lastLines.length === 0) return [];
	const crashed = record.exitCode !== null && record.exitCode !== 0;
	const died = record.state !== 'running' || crashed;
	const lastExit = record.exits.at(-1);
	const when = lastExit && crashed ? ` (exit ${lastExit.code} at ${formatClock(lastExit.at)})` : '';
	const lines = died ? linesOfLastRun(record, diagnosis.lastLines) : diagnosis.lastLines;
	return [
		line(died ? `Last lines of the run that died${when}` : 'Last log lines', 'heading'),
		...aroundEvidence(collapseRepeats(lines, (a, b) => a.text === b.text && a.stream === b.stream), diagnosis.findings[0]?.evidence).map(({entry, count}) => {
			const time = entry.at ? formatClock(entry.at) : '        ';
			return line(`  ${time} ${entry.stream === 'stderr' ? 'err' : 'out'} ${entry.text}${count > 1 ? `  (×${count})` : ''}`, entry.stream === 'stderr' ? 'warn' : 'plain');
		}),
	];
}

function healthLines(record: ContainerRecord, now: number): DetailLine[] {
	const test = record.details?.healthcheck;
	if (!test) return [];
	const lines = [line('Health', 'heading'), line(`  check: ${healthcheckText(test)}${cannotFail(test) ? '   (cannot fail)' : ''}`, cannotFail(test) ? 'warn' : 'plain')];
	for (const probe of (record.details?.healthLog ?? []).slice(-5)) {
		lines.push(line(`  ${ago(probe.at, now)} exit ${probe.exitCode}${probe.output ? `: ${probe.output}` : ''}`, probe.exitCode === 0 ? 'plain' : 'bad'));
	}
	return lines;
}

function restartLines(record: ContainerRecord, now: number): DetailLine[] {
	const lines = [line('Restarts', 'heading'), line(`  policy ${record.restartPolicy || 'no'}, restart count ${record.restartCount}`)];
	const recent = record.exits.slice(-8).reverse();
	if (recent.length === 0) lines.push(line('  no exit seen since fleettop started', 'dim'));
	for (const exit of recent) lines.push(line(`  ${ago(exit.at, now)} exited ${exit.code}`, exit.code === 0 ? 'plain' : 'warn'));
	return lines;
}

function configurationLines(record: ContainerRecord): DetailLine[] {
	const details = record.details;
	const lines = [line('Configuration', 'heading'), line(`  image ${record.image}`)];
	if (details) {
		lines.push(line(`  command ${details.command || '(image default)'}`));
		lines.push(line(`  user ${details.user || 'root (image default)'}`));
	}
	lines.push(line(`  network ${record.networkMode}${record.ports.length ? `, ports ${record.ports.join(', ')}` : ''}`));
	if (record.memoryLimit) lines.push(line(`  memory limit ${formatBytes(record.memoryLimit)}`));
	for (const mount of details?.mounts ?? []) lines.push(line(`  mount ${mount.source} → ${mount.destination}${mount.readOnly ? ' (read-only)' : ''}`));
	if (record.project) lines.push(line(`  compose project ${record.project}, service ${record.service ?? '?'}`));
	return lines;
}

function dependencyLines(diagnosis: Diagnosis): DetailLine[] {
	const info = diagnosis.dependencies;
	if (!info || (info.dependsOn.length === 0 && info.dependents.length === 0)) return [];
	const lines = [line('Dependencies', 'heading')];
	for (const dep of info.dependsOn) lines.push(line(`  depends on ${dep.service} (${dep.condition}): ${dep.status}`, dep.satisfied ? 'plain' : 'bad'));
	if (info.dependents.length > 0) lines.push(line(`  depended on by ${info.dependents.length}: ${info.dependents.join(', ')}`));
	if (info.cascade.length > info.dependents.length) lines.push(line(`  everything waiting on it: ${info.cascade.join(', ')}`));
	return lines;
}

/** The supervisord inside the container: each program's state, pid, uptime, exit, and a FATAL one's stderr. */
export function supervisorLines(status: SupervisorStatus | undefined, now: number): DetailLine[] {
	if (!status) return [];
	const lines = [line(`supervisord (${status.where})`, 'heading')];
	if (status.error) return [...lines, line(`  ✖ ${status.error}`, 'bad')];
	for (const program of status.programs) {
		const parts: string[] = [program.state];
		if (program.pid) parts.push(`pid ${program.pid}`);
		if (program.state === 'RUNNING' && program.startedAt) parts.push(`up ${formatDuration(now - program.startedAt)}`);
		if (program.exitStatus !== null) parts.push(`exit status ${program.exitStatus}`);
		if (isFlapping(program)) parts.push(`flapping: ${flapText(program)}`);
		if (program.spawnError) parts.push(program.spawnError);
		lines.push(line(`  ${program.fullName.padEnd(24)} ${parts.join(', ')}`, programTone(program)));
		for (const text of program.stderrTail) lines.push(line(`      stderr: ${text}`, 'dim'));
	}
	return lines;
}

export function detailLines(record: ContainerRecord, diagnosis: Diagnosis | undefined, now: number, supervisor?: SupervisorStatus): DetailLine[] {
	const lines = [line(`${record.name} — ${stateText(record)}`, 'title')];
	if (!record.inspected) lines.push(line('  reading details from the engine…', 'dim'));
	if (diagnosis) lines.push(...diagnosisLines(diagnosis, now), ...lastLines(record, diagnosis));
	lines.push(...supervisorLines(supervisor, now));
	lines.push(...healthLines(record, now), ...restartLines(record, now), ...configurationLines(record));
	if (diagnosis) lines.push(...dependencyLines(diagnosis));
	// A blank line before each section heading, so sections read apart.
	return lines.flatMap((entry) => (entry.style === 'heading' ? [line(''), entry] : [entry]));
}
