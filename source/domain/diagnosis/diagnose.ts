import type {SupervisorStatus} from '../supervisor.js';
import {supervisorFinding} from './supervisor-programs.js';
import type {ContainerRecord} from '../container.js';
import type {ContainerEvidence, Listener, LogLine} from '../evidence.js';
import {analyzeLoop, type LoopInfo, type LoopThresholds} from './crash-loop.js';
import type {DependencyInfo} from './dependencies.js';
import {explainExit, type ExitExplanation} from './exit-codes.js';
import {severityRank, type Finding, type Rule, type RuleContext, type Severity} from './finding.js';
import {buildFailure} from './rules/build-failure.js';
import {failingHealthcheck, healthcheckCannotFail} from './rules/health.js';
import {missingModule} from './rules/missing-module.js';
import {notFound} from './rules/not-found.js';
import {outOfMemory} from './rules/out-of-memory.js';
import {crashMessage} from './rules/panic.js';
import {permissionDenied} from './rules/permission-denied.js';
import {portInUse} from './rules/port-in-use.js';

// One container's diagnosis: the failure rules (most specific first; the first that matches
// explains the failure), then health and dependencies, and an honest "application error" with
// the last stderr lines when nothing matches.

export interface Diagnosis {
	/** Null when nothing needs the operator. */
	severity: Severity | null;
	/** One line for the containers table. */
	summary: string;
	exit: ExitExplanation | null;
	loop: LoopInfo;
	findings: Finding[];
	dependencies: DependencyInfo | null;
	/** The last lines of the run that died (stderr and stdout), for the detail view. */
	lastLines: LogLine[];
}

export interface DiagnosisInput {
	record: ContainerRecord;
	evidence: ContainerEvidence | undefined;
	listeners: Listener[] | null;
	dependencies: DependencyInfo | null;
	containerName(id: string): string | null;
	now: number;
	thresholds: LoopThresholds;
	/** From when the engine's exits are known (EngineStatus.historySince). */
	observedSince?: number;
	/** The supervisord inside it, when it runs one. */
	supervisor?: SupervisorStatus;
}

const failureRules: Rule[] = [outOfMemory, portInUse, buildFailure, missingModule, notFound, permissionDenied, crashMessage];
const healthRules: Rule[] = [failingHealthcheck, healthcheckCannotFail];

function failed(record: ContainerRecord, loop: LoopInfo): boolean {
	if (loop.looping || record.oomKilled || record.state === 'dead') return true;
	return (record.state === 'exited' || record.state === 'restarting') && record.exitCode !== null && record.exitCode !== 0;
}

/** Running again after its last run crashed (exitCode of a running container comes from `die` events). */
function crashedAndRestarted(record: ContainerRecord): boolean {
	return record.state === 'running' && record.exitCode !== null && record.exitCode !== 0;
}

function unknownFailure(record: ContainerRecord, exit: ExitExplanation | null, lines: LogLine[]): Finding {
	const stderr = lines.filter((line) => line.stream === 'stderr');
	const last = (stderr.length > 0 ? stderr : lines).at(-1);
	const label = exit ? `${exit.label} (exit ${exit.code})` : `${record.state}`;
	return {
		rule: 'unknown',
		severity: 'critical',
		cause: label,
		evidence: last?.text ?? null,
		hint: last ? 'No rule knows this failure: read the last lines of the run that died (Enter).' : 'The run left no log lines: check the command (docker inspect) and the engine log.',
		group: exit ? `exit ${exit.code} ${exit.label}` : label,
	};
}

function dependencyFindings(record: ContainerRecord, dependencies: DependencyInfo | null, failing: boolean): Finding[] {
	if (!dependencies) return [];
	const findings: Finding[] = [];
	if (dependencies.blockedBy.length > 0) {
		const blockers = dependencies.blockedBy.map((dep) => `${dep.service} (${dep.status})`).join(', ');
		findings.push({
			rule: 'blocked-by-dependency',
			severity: 'warning',
			cause: `blocked by ${blockers}`,
			evidence: dependencies.blockedBy.map((dep) => `depends_on ${dep.service}: ${dep.condition}`).join('; '),
			hint: `It starts once ${dependencies.blockedBy.map((dep) => dep.service).join(', ')} is ${dependencies.blockedBy[0]!.condition === 'service_healthy' ? 'healthy' : 'up'}: fix that first.`,
			group: 'blocked by a dependency',
		});
	}
	const unhealthy = record.health === 'unhealthy' || record.state === 'created';
	if ((failing || unhealthy) && dependencies.cascade.length > 0) {
		findings.push({
			rule: 'cascade',
			severity: failing || record.health === 'unhealthy' ? 'critical' : 'warning',
			cause: `blocks ${dependencies.cascade.length === 1 ? '1 service' : `${dependencies.cascade.length} services`}: ${dependencies.cascade.join(', ')}`,
			evidence: `depended on by ${dependencies.dependents.join(', ')}`,
			hint: 'Everything listed waits on this service: fix it first.',
			group: 'failing dependency',
		});
	}
	return findings;
}

function summaryOf(findings: Finding[], loop: LoopInfo): string {
	const main = findings.filter((finding) => finding.rule !== 'cascade')[0] ?? findings[0];
	// "↻12/h" is short on purpose: the summary must fit a table cell next to the cause.
	// Right after start the engine may have no exits left to count: then the loop has no rate yet.
	const loopText = loop.looping ? (loop.restartsInWindow > 0 ? `↻${Math.round(loop.perHour)}/h ` : '↻ ') : '';
	const cascade = findings.find((finding) => finding.rule === 'cascade');
	const causes = [main?.cause, cascade && main !== cascade ? cascade.cause : undefined].filter(Boolean).join(' · ');
	return `${loopText}${causes || (loop.looping ? 'restart loop' : '')}`.trim();
}

export function diagnose(input: DiagnosisInput): Diagnosis {
	const {record, evidence, dependencies} = input;
	const lines = [...(evidence?.lines ?? [])];
	if (record.details?.error) lines.push({stream: 'stderr', text: record.details.error, at: record.finishedAt});
	const context: RuleContext = {record, lines, listeners: input.listeners, containerName: input.containerName};
	const loop = analyzeLoop(record, input.now, input.thresholds, input.observedSince);
	const isFailing = failed(record, loop);
	const restarted = !isFailing && crashedAndRestarted(record);
	const exit = record.exitCode !== null && (isFailing || restarted || record.state === 'exited') ? explainExit(record.exitCode, record.oomKilled, record.memoryLimit) : null;

	const findings: Finding[] = [];
	if (isFailing || restarted) {
		const explained = failureRules.map((rule) => rule(context)).find((finding) => finding !== null) ?? unknownFailure(record, exit, lines);
		// One crash that the restart policy recovered from is a warning until it repeats.
		findings.push(restarted ? {...explained, severity: 'warning', cause: `restarted after ${explained.cause}`} : explained);
	}
	for (const rule of healthRules) {
		const finding = rule(context);
		if (finding) findings.push(finding);
	}
	findings.push(...dependencyFindings(record, dependencies, isFailing));
	const programs = supervisorFinding(input.supervisor);
	if (programs) findings.push(programs);
	if (findings.length === 0 && record.state === 'created' && record.startedAt === null) {
		findings.push({rule: 'never-started', severity: 'warning', cause: 'created, never started', evidence: null, hint: 'Start it (docker start) or remove it.', group: 'never started'});
	}
	findings.sort((a, b) => severityRank[b.severity] - severityRank[a.severity]);
	for (const finding of findings) finding.evidence = finding.evidence?.trim() || null;
	const severity = findings[0]?.severity ?? (loop.looping ? 'warning' : null);
	return {
		severity,
		summary: summaryOf(findings, loop),
		exit,
		loop,
		findings,
		dependencies,
		lastLines: evidence?.lines ?? [],
	};
}
