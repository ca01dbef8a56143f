import type {ContainerRecord, ContainerStats} from '../domain/container.js';
import type {ComposeProject, ContainerEvidence, Listener} from '../domain/evidence.js';
import {buildRows, containerKeys} from '../domain/rows.js';
import type {EngineStatus} from '../sources/docker/engine-status.js';
import type {HostBasics} from '../sources/host/host-basics.js';
import type {ProcessScan} from '../sources/host/proc-scan.js';
import {appendSample, hostAlerts} from '../domain/host-alerts.js';
import {appendLog, type LogBatch} from './log-buffer.js';
import type {SupervisorStatus} from '../domain/supervisor.js';
import {deriveDiagnoses, rediagnoseEveryMs, replaceHostAlerts} from './derive.js';
import type {FleetState, FleetStore, Notice, ViewState} from './fleet-store.js';

// Everything that changes the store, callable without React (sources, keymap, tests).

export interface Batch {
	engines?: EngineStatus[];
	/** engine -> its complete container set after a (re)connect. */
	replaced?: Map<string, ContainerRecord[]>;
	upserts?: ContainerRecord[];
	removals?: string[];
	stats?: Map<string, ContainerStats>;
	host?: HostBasics;
	processes?: ProcessScan;
	logs?: LogBatch;
	supervisors?: {statuses: SupervisorStatus[]; gone: string[]};
	evidence?: Map<string, ContainerEvidence>;
	listeners?: Listener[];
	compose?: ComposeProject[];
	now?: number;
}

/** Keeps the selection on a visible container: the same one if still listed, else the nearest. */
function keepSelection(state: Pick<FleetState, 'rows'>, selectedKey: string | null, previousKeys: string[]): string | null {
	const keys = containerKeys(state.rows);
	if (selectedKey && keys.includes(selectedKey)) return selectedKey;
	const previousIndex = selectedKey ? previousKeys.indexOf(selectedKey) : -1;
	return keys[Math.min(Math.max(previousIndex, 0), keys.length - 1)] ?? null;
}

function withRows(state: FleetState, view: ViewState): Pick<FleetState, 'rows' | 'view'> {
	const rows = buildRows(Object.values(state.containers), view.filter, state.diagnoses);
	const selectedKey = keepSelection({rows}, view.selectedKey, containerKeys(state.rows));
	const marks = view.marks.filter((key) => key in state.containers);
	return {rows, view: {...view, selectedKey, marks: marks.length === view.marks.length ? view.marks : marks}};
}

/**
 * A copy of `record` with the batch's entries set, for listed containers only, and, when the
 * containers changed, without the gone ones. Runs every second for every container: one copy,
 * and no [key, value] array per entry (forEach, not for…of).
 */
function updated<T>(record: Record<string, T>, entries: Map<string, T> | undefined, containers: Record<string, unknown>, containersChanged: boolean): Record<string, T> {
	const next = {...record};
	entries?.forEach((value, key) => {
		if (key in containers) next[key] = value;
	});
	if (containersChanged) for (const key of Object.keys(next)) if (!(key in containers)) delete next[key];
	return next;
}

export function applyBatch(store: FleetStore, batch: Batch): void {
	store.setState((state) => {
		const now = batch.now ?? Date.now();
		const next: Partial<FleetState> = {now};
		if (batch.engines?.length) {
			next.engines = {...state.engines};
			for (const status of batch.engines) next.engines[status.engine] = status;
		}
		if (batch.host) next.host = batch.host;
		if (batch.processes) next.processes = batch.processes;
		if (batch.logs) next.logs = appendLog(state.logs, batch.logs);
		if (batch.host || batch.processes) {
			next.hostHistory = appendSample(state.hostHistory, {at: now, cpuPercent: (batch.host ?? state.host)?.cpuPercent ?? null, zombies: (batch.processes ?? state.processes)?.counts.zombie ?? null});
			next.hostAlerts = hostAlerts(next.host ?? state.host, next.hostHistory, now, state.thresholds.host);
		}
		let containers = state.containers;
		if (batch.replaced?.size || batch.upserts?.length || batch.removals?.length) {
			containers = {...containers};
			for (const [engine, records] of batch.replaced ?? []) {
				for (const [key, record] of Object.entries(containers)) if (record.engine === engine) delete containers[key];
				for (const record of records) containers[record.key] = record;
			}
			for (const record of batch.upserts ?? []) containers[record.key] = record;
			for (const key of batch.removals ?? []) delete containers[key];
			next.containers = containers;
		}
		const containersChanged = containers !== state.containers;
		if (batch.stats?.size || containersChanged) next.stats = updated(state.stats, batch.stats, containers, containersChanged);
		if (batch.evidence?.size || containersChanged) next.evidence = updated(state.evidence, batch.evidence, containers, containersChanged);
		if (batch.listeners) next.listeners = batch.listeners;
		if (batch.supervisors) {
			const supervisors = {...state.supervisors};
			for (const id of batch.supervisors.gone) delete supervisors[id];
			for (const status of batch.supervisors.statuses) supervisors[status.id] = status;
			next.supervisors = supervisors;
		}
		if (batch.compose?.length) next.compose = {...state.compose, ...Object.fromEntries(batch.compose.map((project) => [project.name, project]))};

		// Notices fade on their own.
		if (state.notices.some((notice) => now - notice.at >= noticeMs)) next.notices = state.notices.filter((notice) => now - notice.at < noticeMs);

		// The host ticks every second: its alerts are swapped into the summary without diagnosing
		// every container again.
		const inputsChanged = next.containers || next.evidence || next.listeners || next.compose || next.supervisors;
		if (!inputsChanged && now - state.diagnosedAt < rediagnoseEveryMs) {
			return next.hostAlerts ? {...next, summary: replaceHostAlerts(state.summary, state.hostAlerts, next.hostAlerts)} : next;
		}
		const merged = {...state, ...next};
		const derived = {...merged, ...deriveDiagnoses(merged, now)};
		return {...next, ...derived, ...withRows(derived, state.view)};
	});
}

/** How long a notice stays on screen. */
export const noticeMs = 6000;
let noticeId = 0;

export function pushNotice(store: FleetStore, text: string, severity: Notice['severity']): void {
	store.setState((state) => ({notices: [...state.notices.slice(-4), {id: ++noticeId, text, severity, at: Date.now()}]}));
}

export function toggleMark(store: FleetStore): void {
	store.setState((state) => {
		const key = state.view.selectedKey;
		if (!key) return {};
		const marks = state.view.marks.includes(key) ? state.view.marks.filter((mark) => mark !== key) : [...state.view.marks, key];
		return {view: {...state.view, marks}};
	});
}

export function markShown(store: FleetStore): void {
	store.setState((state) => ({view: {...state.view, marks: [...new Set([...state.view.marks, ...containerKeys(state.rows)])]}}));
}

export function clearMarks(store: FleetStore): void {
	store.setState((state) => (state.view.marks.length ? {view: {...state.view, marks: []}} : {}));
}

export function setStoppedLoops(store: FleetStore, stoppedLoops: FleetState['stoppedLoops']): void {
	store.setState({stoppedLoops});
}

export function moveSelection(store: FleetStore, delta: number): void {
	moveTo(store, (index) => index + delta);
}

export function selectEdge(store: FleetStore, edge: 'first' | 'last'): void {
	moveTo(store, (_, count) => (edge === 'first' ? 0 : count - 1));
}

function moveTo(store: FleetStore, target: (index: number, count: number) => number): void {
	store.setState((state) => {
		const keys = containerKeys(state.rows);
		if (keys.length === 0) return {};
		const index = state.view.selectedKey ? keys.indexOf(state.view.selectedKey) : 0;
		const next = Math.min(Math.max(target(index, keys.length), 0), keys.length - 1);
		return {view: {...state.view, selectedKey: keys[next] ?? null}};
	});
}

export function setFilter(store: FleetStore, filter: string, editingFilter: boolean): void {
	store.setState((state) => withRows(state, {...state.view, filter, editingFilter}));
}

export function setOverlay(store: FleetStore, overlay: FleetState['view']['overlay']): void {
	store.setState((state) => {
		if (overlay === 'detail' && !state.view.selectedKey) return {};
		return {view: {...state.view, overlay, detailTop: 0}};
	});
}

export function toggleHostPane(store: FleetStore, expandedNow: boolean): void {
	store.setState((state) => ({view: {...state.view, hostExpanded: !expandedNow}}));
}

export function toggleProcessOrder(store: FleetStore): void {
	store.setState((state) => ({view: {...state.view, processOrder: state.view.processOrder === 'cpu' ? 'memory' : 'cpu', listIndex: 0}}));
}

export function openList(store: FleetStore, overlay: 'processes' | 'ports' | 'supervisors'): void {
	store.setState((state) => ({view: {...state.view, overlay, listIndex: state.view.overlay === overlay ? state.view.listIndex : 0}}));
}

export function moveInList(store: FleetStore, target: (index: number) => number, rowCount: number): void {
	store.setState((state) => {
		const listIndex = Math.min(Math.max(target(state.view.listIndex), 0), Math.max(rowCount - 1, 0));
		return listIndex === state.view.listIndex ? {} : {view: {...state.view, listIndex}};
	});
}

/** From a process or port to its container in the list: the filter is cleared if it hides it. */
export function jumpToContainer(store: FleetStore, containerId: string | null): void {
	const state = store.getState();
	const record = containerId ? Object.values(state.containers).find((candidate) => candidate.id === containerId) : undefined;
	if (!record) return pushNotice(store, containerId ? 'that container is gone' : 'this row belongs to the host, not to a container', 'warning');
	const shown = containerKeys(state.rows).includes(record.key);
	store.setState((current) => {
		const view = {...current.view, overlay: null, selectedKey: record.key, ...(shown ? {} : {filter: '', editingFilter: false})};
		return shown ? {view} : withRows(current, view);
	});
}

export function scrollDetail(store: FleetStore, delta: number, lineCount: number, pageHeight: number): void {
	store.setState((state) => {
		const detailTop = Math.min(Math.max(state.view.detailTop + delta, 0), Math.max(lineCount - pageHeight, 0));
		return detailTop === state.view.detailTop ? {} : {view: {...state.view, detailTop}};
	});
}
