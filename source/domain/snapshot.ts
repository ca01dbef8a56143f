import type {FleetState} from '../store/fleet-store.js';
import {namesById} from './container.js';
import type {Diagnosis} from './diagnosis/diagnose.js';
import {findZombies, groupProcesses} from './host-processes.js';
import {containerKeys} from './rows.js';

// The `--once --json` document. Its shape is documented in the README and other tools rely on
// it: add fields, never rename or remove them.

export const snapshotVersion = 1;

const iso = (ms: number | null) => (ms ? new Date(ms).toISOString() : null);

function diagnosisJson(diagnosis: Diagnosis | undefined) {
	if (!diagnosis) return null;
	const {loop, dependencies} = diagnosis;
	return {
		severity: diagnosis.severity,
		summary: diagnosis.summary,
		exit: diagnosis.exit,
		loop: {looping: loop.looping, restartsInWindow: loop.restartsInWindow, perHour: Number(loop.perHour.toFixed(1)), since: iso(loop.since), nextRestartAt: iso(loop.nextRestartAt)},
		findings: diagnosis.findings.map(({rule, severity, cause, evidence, hint}) => ({rule, severity, cause, evidence, hint})),
		dependencies,
		lastLines: diagnosis.lastLines.map((line) => ({stream: line.stream, at: iso(line.at), text: line.text})),
	};
}

function processesJson(state: FleetState) {
	if (!state.processes) return null;
	const names = namesById(Object.values(state.containers));
	const container = (id: string | null) => (id ? (names.get(id) ?? id.slice(0, 12)) : null);
	return {
		counts: state.processes.counts,
		scanMs: Number(state.processes.durationMs.toFixed(1)),
		zombies: findZombies(state.processes.processes).map((zombie) => ({pid: zombie.pid, ppid: zombie.ppid, parent: zombie.parentCommand, container: container(zombie.containerId)})),
		top: groupProcesses(state.processes.processes, 10).map((group) => ({
			command: group.command,
			count: group.count,
			pids: group.pids,
			users: group.users,
			cpuPercent: Number(group.cpuPercent.toFixed(1)),
			rssBytes: group.rssBytes,
			containers: group.containerIds.map(container),
		})),
	};
}

export function buildSnapshot(state: FleetState) {
	const order = containerKeys(state.rows);
	return {
		version: snapshotVersion,
		takenAt: new Date(state.now).toISOString(),
		host: state.host && {
			hostname: state.host.hostname,
			cores: state.host.cores,
			load: state.host.load,
			cpuPercent: state.host.cpuPercent,
			memory: state.host.memory,
			swap: state.host.swap,
			uptimeSeconds: state.host.uptimeSeconds,
		},
		processes: processesJson(state),
		engines: Object.values(state.engines).map((engine) => ({
			id: engine.engine,
			endpoint: engine.endpoint,
			state: engine.state,
			message: engine.message,
			version: engine.version,
			apiVersion: engine.apiVersion,
			statsSource: engine.statsSource,
			historySince: iso(engine.historySince),
		})),
		summary: state.summary,
		missingServices: state.missingServices,
		supervisors: Object.values(state.supervisors).map((supervisor) => ({
			id: supervisor.id,
			container: supervisor.containerKey ? supervisor.label : null,
			where: supervisor.where,
			state: supervisor.state,
			error: supervisor.error,
			programs: supervisor.programs.map((program) => ({
				name: program.fullName,
				group: program.group,
				state: program.state,
				pid: program.pid,
				startedAt: iso(program.startedAt),
				stoppedAt: iso(program.stoppedAt),
				exitStatus: program.exitStatus,
				spawnError: program.spawnError,
				flaps: program.flaps,
				stderrTail: program.stderrTail,
			})),
		})),
		containers: order.flatMap((key) => {
			const record = state.containers[key];
			if (!record) return [];
			const stats = state.stats[key];
			return [{
				engine: record.engine,
				id: record.id,
				name: record.name,
				image: record.image,
				state: record.state,
				health: record.health,
				exitCode: record.exitCode,
				oomKilled: record.oomKilled,
				restartCount: record.restartCount,
				restartPolicy: record.restartPolicy,
				project: record.project,
				service: record.service,
				networkMode: record.networkMode,
				ports: record.ports,
				memoryLimitBytes: record.memoryLimit,
				createdAt: iso(record.createdAt),
				startedAt: iso(record.startedAt),
				finishedAt: iso(record.finishedAt),
				stats: stats
					? {cpuPercent: Number(stats.cpuPercent.toFixed(2)), memoryBytes: stats.memoryBytes, memoryLimitBytes: stats.memoryLimitBytes, pids: stats.pids}
					: null,
				diagnosis: diagnosisJson(state.diagnoses[key]),
			}];
		}),
	};
}

export type Snapshot = ReturnType<typeof buildSnapshot>;
