import {findMatch, revealTarget, scrollTarget, type LogScreen} from '../domain/log-layout.js';
import {compilePattern} from '../domain/log-pattern.js';
import {groupSubject, troubleSubject, type LogSubject} from '../domain/log-subject.js';
import {pushNotice} from './actions.js';
import type {FleetStore, LogViewState} from './fleet-store.js';

// The log pane's keys. Scrolling and searching need what is on screen, which depends on the
// terminal's size: the caller passes `screenOf`, the layout of a given view state.

export type ScreenOf = (log: LogViewState) => LogScreen;

const fresh = {top: null, search: '', filter: '', editing: null, input: '', current: null} as const;

/** Opens the pane on a subject; display switches (wrap, timestamps, stderr) carry over from last time. */
export function showLog(store: FleetStore, subject: LogSubject): void {
	store.setState((state) => {
		const back = state.view.overlay === 'logs' ? (state.view.log?.back ?? null) : state.view.overlay;
		return {view: {...state.view, overlay: 'logs', log: {stderrOnly: false, wrap: false, timestamps: true, ...state.view.log, ...fresh, subject, back}}};
	});
}

export function openLogs(store: FleetStore, which: 'selected' | 'group' | 'trouble'): void {
	const {view, containers, diagnoses} = store.getState();
	if (which === 'selected') return view.selectedKey ? showLog(store, {kind: 'container', key: view.selectedKey}) : undefined;
	const subject = which === 'group' ? groupSubject(containers, view.marks, view.selectedKey) : troubleSubject(containers, diagnoses);
	if (subject) return showLog(store, subject);
	pushNotice(store, which === 'group' ? 'mark containers (Space) or select one of a compose project to interleave their logs' : 'no container is failing: no trouble to show', 'warning');
}

function updateLog(store: FleetStore, change: (log: LogViewState) => Partial<LogViewState>): void {
	store.setState((state) => (state.view.log ? {view: {...state.view, log: {...state.view.log, ...change(state.view.log)}}} : {}));
}

/** Scrolling back pauses following; reaching the last page (or `end`) follows again. */
export function scrollLog(store: FleetStore, delta: number | 'first' | 'end', screenOf: ScreenOf): void {
	updateLog(store, (log) => ({top: delta === 'end' ? null : scrollTarget(screenOf(log), delta)}));
}

export function toggleLog(store: FleetStore, setting: 'stderrOnly' | 'wrap' | 'timestamps'): void {
	updateLog(store, (log) => ({[setting]: !log[setting]}));
}

/** Typing starts afresh; Enter on nothing clears the search or filter. */
export function startLogInput(store: FleetStore, editing: 'search' | 'filter'): void {
	updateLog(store, () => ({editing, input: ''}));
}

export function editLogInput(store: FleetStore, change: (input: string) => string): void {
	updateLog(store, (log) => ({input: change(log.input)}));
}

export function cancelLogInput(store: FleetStore): void {
	updateLog(store, () => ({editing: null, input: ''}));
}

/** Enter: a filter applies at once; a search goes to the newest match. Empty text clears either. */
export function commitLogInput(store: FleetStore, screenOf: ScreenOf, height: number): void {
	const log = store.getState().view.log;
	if (!log?.editing) return;
	const {error} = compilePattern(log.input);
	if (error) pushNotice(store, `${log.editing} ${error}`, 'warning');
	updateLog(store, () => ({[log.editing!]: log.input, editing: null, input: '', current: null}));
	if (log.editing === 'search' && log.input) goToMatch(store, -1, screenOf, height);
}

/** n: the match older than the last one gone to; N: newer. Wraps round, and says so. */
export function goToMatch(store: FleetStore, direction: 1 | -1, screenOf: ScreenOf, height: number): void {
	const log = store.getState().view.log;
	if (!log?.search) return pushNotice(store, 'no search yet: / searches the log', 'warning');
	const screen = screenOf(log);
	const found = findMatch(screen.matches, log.current, direction);
	if (!found) return pushNotice(store, `no line matches "${log.search}"`, 'warning');
	if (found.wrapped) pushNotice(store, direction === -1 ? 'search wrapped round to the newest match' : 'search wrapped round to the oldest match', 'ok');
	updateLog(store, () => ({current: found.seq, top: revealTarget(screen, found.seq, height)}));
}
