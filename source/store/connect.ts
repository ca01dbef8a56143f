import type {Settings} from '../config.js';
import type {ContainerRecord, ContainerStats} from '../domain/container.js';
import {mentionsPortInUse} from '../domain/diagnosis/rules/port-in-use.js';
import type {ContainerEvidence} from '../domain/evidence.js';
import {readComposeProject} from '../sources/compose/compose-files.js';
import {createEngineWatcher, type EngineWatcher} from '../sources/docker/engine-watcher.js';
import type {EngineStatus} from '../sources/docker/engine-status.js';
import {createHostReader} from '../sources/host/host-basics.js';
import {readListeners} from '../sources/host/listening-sockets.js';
import {createProcessScanner} from '../sources/host/proc-scan.js';
import {firstScanGate} from './first-scan-gate.js';
import {portHolderReader} from './port-holders.js';
import {join} from 'node:path';
import {containerKey} from '../domain/container.js';
import type {ContainerAction} from '../sources/docker/container-actions.js';
import {auditLogAt} from '../sources/state/audit-log.js';
import {auditedActions} from './audited.js';
import {savedPoliciesAt} from '../sources/state/saved-policies.js';
import {stopProcess} from '../sources/host/stop-process.js';
import type {ActOnContainer, StopHostProcess} from './action-runner.js';
import {applyBatch, pushNotice, setStoppedLoops, type Batch} from './actions.js';
import {composeProjectsOf} from './derive.js';
import type {FleetStore} from './fleet-store.js';
import {queueLogBatch} from './log-buffer.js';
import {followLogSubjects} from './log-following.js';
import {isLocalEngine} from '../sources/docker/connection.js';
import {createSupervisorWatcher} from '../sources/supervisor/supervisor-watcher.js';
import {runProgramAction} from '../sources/supervisor/program-actions.js';
import type {ActOnProgram} from './program-runner.js';

// Sources -> store. Incoming data is buffered and published once per refresh interval (twice a
// second while a log is followed): Ink's CPU cost follows how often the store changes, not how
// often data arrives (design notes §3).

export interface Connection {
	/** Settles when every engine has made its first attempt (connected and listed, or failed). */
	ready: Promise<void>;
	/** One action on one container, written to the audit log whatever its outcome. */
	act: ActOnContainer;
	/** Signals a host process in a container's way, also written to the audit log. */
	stopHostProcess: StopHostProcess;
	/** Starts, stops or restarts a supervisord program, also written to the audit log. */
	actOnProgram: ActOnProgram;
	/** Publishes what is buffered now. */
	flush(): void;
	stop(): void;
}

/** Enough time for the first host CPU reading to mean something (see cpu-times.ts). */
const firstCpuReadingMs = 150;

/** How often lines of a followed log reach the screen. */
export const logPublishEveryMs = 500;

/**
 * `oneShot`: a command that takes one picture and exits (--once, report, restart). It draws no
 * first frame to leave room for, so the first process scan starts at once, and it wants processes'
 * CPU, which takes a second scan an interval later: processes are scanned each interval.
 */
export function connectSources(store: FleetStore, settings: Settings, {oneShot = false} = {}): Connection {
	let pending: Batch = {};
	let dirty = false;
	const touch = () => (dirty = true);
	// The first picture of the fleet and of the host is shown as soon as it is in, not at the next tick.
	let publishing: NodeJS.Immediate | null = null;
	const publishSoon = () => {
		if (stopped) return;
		touch();
		publishing ??= setImmediate(() => {
			publishing = null;
			flush();
		});
	};

	const firstScan = firstScanGate();
	if (oneShot) firstScan.openNow();
	const sink = {
		// Rare, and what the header says first: connecting, connected, down.
		status(status: EngineStatus) {
			(pending.engines ??= []).push(status);
			if (status.state !== 'connecting') firstScan.engineAnswered();
			publishSoon();
		},
		replaceAll(engine: string, records: ContainerRecord[]) {
			firstScan.engineAnswered();
			(pending.replaced ??= new Map()).set(engine, records);
			pending.upserts = pending.upserts?.filter((record) => record.engine !== engine);
			publishSoon();
		},
		upsert(record: ContainerRecord) {
			(pending.upserts ??= []).push(record);
			touch();
		},
		remove(key: string) {
			(pending.removals ??= []).push(key);
			touch();
		},
		stats(key: string, stats: ContainerStats) {
			(pending.stats ??= new Map()).set(key, stats);
			touch();
		},
		evidence(key: string, evidence: ContainerEvidence) {
			(pending.evidence ??= new Map()).set(key, evidence);
			touch();
			if (mentionsPortInUse(evidence.lines)) void portHolders.read();
		},
	};

	const portHolders = portHolderReader({
		intervalMs: settings.intervalMs,
		readListeners,
		publish(listeners) {
			pending.listeners = listeners;
			touch();
		},
	});

	// Compose files are read when a project first appears (cached by mtime afterwards).
	const composeRead = new Map<string, string>();
	const readCompose = async () => {
		const projects = composeProjectsOf(Object.values(store.getState().containers));
		const reads = [...projects].filter(([name, files]) => composeRead.get(name) !== files.join(','));
		for (const [name, files] of reads) composeRead.set(name, files.join(','));
		const read = await Promise.all(reads.map(([name, files]) => readComposeProject(name, files)));
		if (read.length > 0 && !stopped) {
			pending.compose = [...(pending.compose ?? []), ...read];
			touch();
		}
	};

	const watchers = [
		createEngineWatcher({
			engine: 'local',
			endpoint: settings.endpoint,
			intervalMs: settings.intervalMs,
			callTimeoutMs: settings.callTimeoutMs,
			statsSource: settings.statsSource,
			sink,
		}),
	];

	const flush = () => {
		if (!dirty) return;
		const batch = pending;
		pending = {};
		dirty = false;
		applyBatch(store, batch);
		if (batch.replaced || batch.upserts) void readCompose();
	};

	let stopped = false;
	const scanner = createProcessScanner();
	const hostReader = createHostReader();
	const [watcher] = watchers as [EngineWatcher];
	// supervisord inside containers is found in the host's process table: only for a local engine.
	const supervisors = createSupervisorWatcher({
		docker: isLocalEngine(settings.endpoint) ? watcher.docker : null,
		given: settings.supervisor,
		timeoutMs: settings.callTimeoutMs,
		publish(statuses, gone) {
			const waiting = pending.supervisors ?? {statuses: [], gone: []};
			pending.supervisors = {statuses: [...waiting.statuses.filter((status) => !statuses.some((next) => next.id === status.id)), ...statuses], gone: [...waiting.gone, ...gone]};
			touch();
		},
	});
	// The host's numbers and its process table come in apart: a first scan of a thousand processes
	// must not keep the host line off the first screen, which shows each as soon as it is in.
	const readHost = async (first: boolean) => {
		const arrived = first ? publishSoon : touch;
		// The ports view shows the listening sockets live; otherwise they are read only when a log says a port is taken.
		if (store.getState().view.overlay === 'ports') void portHolders.read();
		// The data root's disk is the host's only when the engine is local.
		const dataRoot = settings.endpoint.kind === 'unix' ? (Object.values(store.getState().engines)[0]?.dataRoot ?? null) : null;
		const host = hostReader.read(dataRoot).then((host) => {
			if (stopped) return;
			pending.host = host;
			arrived();
		}, () => undefined);
		const processes = firstScan.opened.then(() => (stopped ? null : scanner.scanWithinBudget(oneShot || store.getState().view.overlay === 'processes'))).then((processes) => {
			if (stopped) return;
			if (processes) {
				pending.processes = processes;
				arrived();
			}
			// Each supervisord is read on its own clock (2 s, 5 s); the last scan says where they are.
			const known = pending.processes ?? store.getState().processes;
			if (known) supervisors.poll(known.processes, Object.values(store.getState().containers));
		});
		await Promise.all([host, processes]);
	};
	// Host CPU is a share between two readings: the first is taken when the reader is made.
	const firstHostRead = new Promise((resolve) => setTimeout(resolve, firstCpuReadingMs)).then(() => readHost(true));
	const hostTimer = setInterval(() => void readHost(false), Math.max(settings.intervalMs, 1000));
	// Time moves on screen ("up 5m") even when nothing else changes: one publish per interval.
	let publishedAt = 0;
	const publishTimer = setInterval(() => {
		if (Date.now() - publishedAt >= settings.intervalMs - logPublishEveryMs / 2) touch();
		else if (!pending.logs) return;
		publishedAt = Date.now();
		flush();
	}, Math.min(logPublishEveryMs, settings.intervalMs));

	const policies = savedPoliciesAt(join(settings.stateDir, 'stopped-loops.json'));
	const audited = auditedActions(store, auditLogAt(join(settings.stateDir, 'audit.log')), settings.endpoint.label, settings.stateDir);
	const engine = 'local';
	const readStoppedLoops = async () => {
		try {
			const saved = await policies.all();
			const prefix = watcher.policyKey('');
			setStoppedLoops(store, Object.fromEntries(Object.entries(saved).filter(([key]) => key.startsWith(prefix)).map(([key, entry]) => [containerKey(engine, key.slice(prefix.length)), entry])));
		} catch (error) {
			pushNotice(store, (error as Error).message, 'warning');
		}
	};
	void readStoppedLoops();

	const act = async (key: string, action: ContainerAction): Promise<string> => {
		const record = store.getState().containers[key];
		if (!record) throw new Error(`${action}: the container is gone`);
		try {
			return await audited({container: record.name, containerId: record.id, action}, () => watcher.act(record.id, record.name, action, policies));
		} finally {
			if (action === 'stop-loop' || action === 're-arm') await readStoppedLoops();
		}
	};

	const stopHostProcess: StopHostProcess = (target, escalate) =>
		audited({container: target.for, containerId: '', action: `${escalate ? 'kill' : 'stop'} host pid ${target.pid} (${target.command}, user ${target.user}, port ${target.port})`}, () =>
			stopProcess(target.pid, {escalate}),
		);

	const actOnProgram: ActOnProgram = (target, action) => {
		const supervisor = store.getState().supervisors[target.supervisor];
		const record = supervisor?.containerKey ? store.getState().containers[supervisor.containerKey] : undefined;
		return audited({container: record?.name ?? 'host', containerId: record?.id ?? '', action: `supervisor ${action} ${target.target}`}, async () => {
			const client = supervisors.client(target.supervisor);
			if (!client) throw new Error(`${target.label}: that supervisord is gone`);
			try {
				return await runProgramAction(client, target.target, action);
			} finally {
				void supervisors.refresh(target.supervisor);
			}
		});
	};

	const stopFollowing = followLogSubjects(store, watcher, (subject, entries, extra) => {
		pending.logs = queueLogBatch(pending.logs, subject, entries, extra);
		touch();
	}, (id) => supervisors.client(id));

	const started = Promise.all(watchers.map((watcher) => watcher.start()));
	return {
		// Ready once the engines answered and what the diagnosis reads from the host is in.
		ready: started.then(async () => {
			await firstHostRead;
			if (stopped) return;
			// The process table lists supervisords only now that the containers are known.
			const {processes} = store.getState();
			if (pending.processes ?? processes) supervisors.poll((pending.processes ?? processes)!.processes, Object.values({...store.getState().containers}));
			await supervisors.settled();
			flush();
			await readCompose();
			if (Object.values(store.getState().evidence).some((evidence) => mentionsPortInUse(evidence.lines))) await portHolders.read();
			flush();
		}),
		act,
		stopHostProcess,
		actOnProgram,
		flush,
		stop() {
			stopped = true;
			firstScan.stop();
			stopFollowing();
			clearInterval(hostTimer);
			clearInterval(publishTimer);
			portHolders.stop();
			hostReader.close();
			scanner.close();
			if (publishing) clearImmediate(publishing);
			for (const watcher of watchers) watcher.stop();
		},
	};
}
