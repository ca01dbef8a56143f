import {createStore, type StoreApi} from 'zustand/vanilla';
import type {Settings} from '../config.js';
import {defaultHostThresholds, type HostSample, type HostThresholds} from '../domain/host-alerts.js';
import type {ContainerAction} from '../sources/docker/container-actions.js';
import type {SavedPolicy} from '../sources/state/saved-policies.js';
import type {HostProcess} from '../domain/diagnosis/finding.js';
import type {RestartStep} from '../domain/restart-plan.js';
import type {ProcessOrder} from '../domain/host-processes.js';
import type {BufferedLogEntry} from '../domain/log-entry.js';
import type {LogSubject} from '../domain/log-subject.js';
import type {SupervisorStatus} from '../domain/supervisor.js';
import type {ProgramTarget} from '../domain/host-views.js';
import type {ProgramAction} from '../sources/supervisor/program-actions.js';
import type {ContainerRecord, ContainerStats} from '../domain/container.js';
import {defaultLoopThresholds, type LoopThresholds} from '../domain/diagnosis/crash-loop.js';
import type {Diagnosis} from '../domain/diagnosis/diagnose.js';
import type {MissingService} from '../domain/diagnosis/dependencies.js';
import type {ComposeProject, ContainerEvidence, Listener} from '../domain/evidence.js';
import {defaultFleetThresholds, summarizeFleet, type Alert, type FleetSummary, type FleetThresholds} from '../domain/fleet-summary.js';
import type {ListRow} from '../domain/rows.js';
import type {EngineStatus} from '../sources/docker/engine-status.js';
import type {HostBasics} from '../sources/host/host-basics.js';
import type {ProcessScan} from '../sources/host/proc-scan.js';

// The one store. Sources publish into it in batches (store/connect.ts); the UI reads fields and
// never derives lists itself: `rows` is rebuilt by the actions whenever its inputs change.

export type Overlay = 'help' | 'detail' | 'confirm' | 'process' | 'restart' | 'results' | 'processes' | 'ports' | 'logs' | 'supervisors' | 'programConfirm' | null;

/** The followed log: a bounded buffer, newest last. */
export interface FollowedLog {
	/** subjectId of what is followed. */
	subject: string;
	entries: BufferedLogEntry[];
	nextSeq: number;
	error: string | null;
}

/** How the log pane shows its buffer. */
export interface LogViewState {
	subject: LogSubject;
	/** What Esc goes back to: the view the pane was opened from (the supervisord view for a program). */
	back: Overlay;
	/** Seq of the entry at the top while scrolled back; null follows the end. */
	top: number | null;
	search: string;
	filter: string;
	/** A search or filter being typed, and its text so far. */
	editing: 'search' | 'filter' | null;
	input: string;
	/** The search match last gone to. */
	current: number | null;
	stderrOnly: boolean;
	wrap: boolean;
	timestamps: boolean;
}

/** What an ordered restart did, container by container, until the operator closes it. */
export interface ActionResults {
	title: string;
	lines: Array<{text: string; ok: boolean}>;
}

/** A host process in a container's way, waiting for the operator's yes before it is signalled. */
export interface PendingProcess extends HostProcess {
	/** The container whose diagnosis named it. */
	for: string;
}

/** An action waiting for the operator's yes: what it will touch, and what it leaves out and why. */
export interface PendingAction {
	action: ContainerAction;
	targets: Array<{key: string; name: string}>;
	skipped: Array<{name: string; reason: string}>;
}

export interface Notice {
	id: number;
	text: string;
	severity: 'ok' | 'warning' | 'critical';
	at: number;
}

/** An ordered restart of a compose project, waiting for the operator's yes. */
export interface PendingRestart {
	project: string;
	steps: RestartStep[];
	lines: string[];
}

/** A bulk action under way: shown as "stop-loop 12/60" until it is done. */
export interface ActionProgress {
	action: string;
	done: number;
	failed: number;
	total: number;
}

export interface ViewState {
	selectedKey: string | null;
	filter: string;
	editingFilter: boolean;
	overlay: Overlay;
	/** First line of the detail view shown (it scrolls). */
	detailTop: number;
	/** Marked containers (keys): bulk actions apply to them. */
	marks: string[];
	pending: PendingAction | null;
	pendingProcess: PendingProcess | null;
	pendingRestart: PendingRestart | null;
	/** A program's stop or restart, waiting for the operator's yes. */
	pendingProgram: {action: ProgramAction; target: ProgramTarget} | null;
	results: ActionResults | null;
	/** Selected row of the processes or ports view. */
	listIndex: number;
	processOrder: ProcessOrder;
	/** The log pane's settings, kept while it is closed so that `t` reopens it as it was. */
	log: LogViewState | null;
	/** Host pane on two lines or one; null: two when the terminal has room. */
	hostExpanded: boolean | null;
}

export interface Thresholds {
	loop: LoopThresholds;
	fleet: FleetThresholds;
	host: HostThresholds;
}

export interface FleetState {
	engines: Record<string, EngineStatus>;
	containers: Record<string, ContainerRecord>;
	stats: Record<string, ContainerStats>;
	host: HostBasics | null;
	/** Every host process, scanned from /proc once per interval. */
	processes: ProcessScan | null;
	logs: FollowedLog | null;
	/** Every supervisord seen, by 'host' or container key. */
	supervisors: Record<string, SupervisorStatus>;
	/** CPU and zombie readings of the last minutes, for sustained and growing alerts. */
	hostHistory: HostSample[];
	/** The host's alerts now; also in `summary.alerts`, where each tick replaces them. */
	hostAlerts: Alert[];
	/** Last lines of each failing container's previous run. */
	evidence: Record<string, ContainerEvidence>;
	/** The host's listening sockets, read when a port conflict needs its holder named. */
	listeners: Listener[] | null;
	/** Compose projects as their files define them, by project name. */
	compose: Record<string, ComposeProject>;
	/** Derived when containers or evidence change (store/derive.ts); panes only read them. */
	diagnoses: Record<string, Diagnosis>;
	missingServices: MissingService[];
	summary: FleetSummary;
	/** When the diagnoses were last derived: loop rates slide with time. */
	diagnosedAt: number;
	thresholds: Thresholds;
	rows: ListRow[];
	view: ViewState;
	/** Loops fleettop stopped, with the policy re-arm restores (from the state file), by container key. */
	stoppedLoops: Record<string, SavedPolicy>;
	notices: Notice[];
	progress: ActionProgress | null;
	/** The running or last action's outcome per container key, shown on its row for a while. */
	outcomes: Record<string, 'running' | 'ok' | 'failed'>;
	/** --read-only: every action is gone from the keymap, and the header says so. */
	readOnly: boolean;
	/** Time of the last publish: durations on screen are computed from it, not from Date.now(). */
	now: number;
}

export type FleetStore = StoreApi<FleetState>;

export function thresholdsFrom(settings: Pick<Settings, 'loopWarnPerHour' | 'availabilityCritical' | 'cpuAlertPercent' | 'memoryAlertPercent' | 'loadAlertPerCore'>): Thresholds {
	return {
		loop: {...defaultLoopThresholds, warnPerHour: settings.loopWarnPerHour},
		fleet: {...defaultFleetThresholds, availabilityCritical: settings.availabilityCritical},
		host: {...defaultHostThresholds, cpuPercent: settings.cpuAlertPercent, memoryPercent: settings.memoryAlertPercent, loadPerCore: settings.loadAlertPerCore},
	};
}

export function createFleetStore(initial: Partial<FleetState> = {}): FleetStore {
	return createStore<FleetState>()(() => ({
		engines: {},
		containers: {},
		stats: {},
		host: null,
		processes: null,
		hostHistory: [],
		hostAlerts: [],
		logs: null,
		supervisors: {},
		evidence: {},
		listeners: null,
		compose: {},
		diagnoses: {},
		missingServices: [],
		summary: summarizeFleet([], {}),
		diagnosedAt: 0,
		thresholds: {loop: defaultLoopThresholds, fleet: defaultFleetThresholds, host: defaultHostThresholds},
		rows: [],
		view: {selectedKey: null, filter: '', editingFilter: false, overlay: null, detailTop: 0, marks: [], pending: null, pendingProcess: null, pendingRestart: null, pendingProgram: null, results: null, listIndex: 0, processOrder: 'cpu', log: null, hostExpanded: null},
		outcomes: {},
		stoppedLoops: {},
		notices: [],
		progress: null,
		readOnly: false,
		now: Date.now(),
		...initial,
	}));
}
