import {Box, useApp, useInput} from 'ink';
import {useCallback, useMemo} from 'react';
import {useStore} from 'zustand';
import {namesById} from './domain/container.js';
import {detailLines} from './domain/detail-lines.js';
import {hostPane} from './domain/host-pane.js';
import {containerNamer, portTable, processTable} from './domain/host-views.js';
import {subjectId, subjectTitle} from './domain/log-subject.js';
import {containerKeys} from './domain/rows.js';
import {supervisorTable} from './domain/supervisor-view.js';
import {activeBindings} from './keymap/bindings.js';
import {helpGrid, helpSections} from './keymap/describe.js';
import {dispatch} from './keymap/dispatch.js';
import {keyNames, modeOf, resolveKey, scopesOf} from './keymap/resolve.js';
import type {ActionRunner} from './store/action-runner.js';
import {noProgramRunner, type ProgramRunner} from './store/program-runner.js';
import type {FleetStore, LogViewState} from './store/fleet-store.js';
import {ConfirmView, ProcessConfirmView, ProgramConfirmView, RestartConfirmView, ResultsView} from './ui/action-dialogs.js';
import {ContainersPane} from './ui/containers-pane.js';
import {DetailView} from './ui/detail-view.js';
import {Footer} from './ui/footer.js';
import {fleetLines, Header} from './ui/header.js';
import {helpColumnCount, HelpOverlay} from './ui/help-overlay.js';
import {HostTableView} from './ui/host-table-view.js';
import {logChromeRows, logScreen} from './ui/log-screen.js';
import {LogView} from './ui/log-view.js';
import {StatusLine} from './ui/status-line.js';
import {useTerminalSize} from './ui/use-terminal-size.js';

// Layout only: sizes, panes, overlays. Data comes from the store; keys go to the keymap.

const statusHeight = 1;
const footerHeight = 1;
/** Below this many rows the host pane takes one line unless the operator asks for two. */
const roomyRows = 30;

export interface AppProps {
	store: FleetStore;
	actions: ActionRunner;
	/** Actions on supervisord programs (the supervisord view). */
	programs?: ProgramRunner;
	/** What `s` does in the log pane (writes the buffer to a file). */
	saveLog?: () => void;
}

export function App({store, actions, programs = noProgramRunner, saveLog}: AppProps) {
	const {exit} = useApp();
	const {columns, rows: terminalRows} = useTerminalSize();
	const rows = useStore(store, (state) => state.rows);
	const containers = useStore(store, (state) => state.containers);
	const stats = useStore(store, (state) => state.stats);
	const engines = useStore(store, (state) => state.engines);
	const host = useStore(store, (state) => state.host);
	const processes = useStore(store, (state) => state.processes);
	const diagnoses = useStore(store, (state) => state.diagnoses);
	const summary = useStore(store, (state) => state.summary);
	const readOnly = useStore(store, (state) => state.readOnly);
	const stoppedLoops = useStore(store, (state) => state.stoppedLoops);
	const notices = useStore(store, (state) => state.notices);
	const progress = useStore(store, (state) => state.progress);
	const outcomes = useStore(store, (state) => state.outcomes);
	const hostHistory = useStore(store, (state) => state.hostHistory);
	const thresholds = useStore(store, (state) => state.thresholds);
	const listeners = useStore(store, (state) => state.listeners);
	const logs = useStore(store, (state) => state.logs);
	const supervisors = useStore(store, (state) => state.supervisors);
	const view = useStore(store, (state) => state.view);
	const now = useStore(store, (state) => state.now);

	// One row short of the terminal: a frame as tall as the screen makes Ink clear it entirely.
	const height = Math.max(terminalRows - 1, 8);
	const hostExpanded = view.hostExpanded ?? terminalRows >= roomyRows;
	const paneHeight = height - fleetLines - (hostExpanded ? 2 : 1) - statusHeight - footerHeight;
	const table = useMemo(() => activeBindings(readOnly), [readOnly]);
	const records = useMemo(() => Object.values(containers), [containers]);
	const engineList = useMemo(() => Object.values(engines), [engines]);
	const containerNames = useMemo(() => namesById(records), [records]);
	const hostLines = useMemo(
		() => hostPane({host, processes, history: hostHistory, thresholds: thresholds.host, containerName: (id) => containerNames.get(id) ?? null}, hostExpanded),
		[host, processes, hostHistory, thresholds, containerNames, hostExpanded],
	);
	const hostTable = useMemo(() => {
		const nameOf = containerNamer(containerNames);
		if (view.overlay === 'processes') return processTable(processes, nameOf, view.processOrder);
		if (view.overlay === 'ports') return portTable(listeners, nameOf, process.getuid?.() === 0);
		return null;
	}, [view.overlay, view.processOrder, processes, listeners, containerNames]);
	// Built apart: uptimes move with the clock, which must not rebuild the process table each second.
	const supervisorRows = useMemo(
		() => (view.overlay === 'supervisors' ? supervisorTable(supervisors, (key) => containers[key]?.id ?? null, now) : null),
		[view.overlay, supervisors, containers, now],
	);
	const listTable = hostTable ?? supervisorRows;
	const shown = useMemo(() => containerKeys(rows).length, [rows]);
	const selected = view.selectedKey ? containers[view.selectedKey] : undefined;
	const detail = useMemo(
		() => (view.overlay === 'detail' && selected ? detailLines(selected, diagnoses[selected.key], now, supervisors[selected.key]) : []),
		[view.overlay, selected, diagnoses, now, supervisors],
	);
	const logHeight = Math.max(paneHeight - logChromeRows, 1);
	const logScreenOf = useCallback((log: LogViewState) => logScreen(logs, log, columns, logHeight), [logs, columns, logHeight]);
	const shownLog = useMemo(() => (view.overlay === 'logs' && view.log ? logScreenOf(view.log) : null), [view.overlay, view.log, logScreenOf]);
	const helpLines = useMemo(() => Math.max(0, ...helpGrid(helpSections(table), helpColumnCount(columns)).map((column) => column.length)) + 1, [table, columns]);

	useInput((input, key) => {
		// The mode is read again after every key: "/oom" typed at once opens the filter, then fills it.
		for (const name of keyNames(input, key)) {
			dispatch(store, resolveKey(name, modeOf(store.getState().view), table), {
				pageSize: paneHeight - 1,
				detailLines: detail.length,
				listRows: listTable?.rows.length ?? 0,
				listRowContainer: (index) => listTable?.rows[index]?.containerId ?? null,
				listRowProgram: (index) => listTable?.rows[index]?.program ?? null,
				programs,
				helpLines,
				hostExpanded,
				logScreenOf,
				logHeight,
				saveLog: () => saveLog?.(),
				actions,
				quit: exit,
			});
		}
	});

	/** The open view, or the containers. */
	function mainArea() {
		const size = {width: columns, height: paneHeight};
		if (view.overlay === 'help') return <HelpOverlay bindings={table} top={view.detailTop} {...size} />;
		if (view.overlay === 'confirm' && view.pending) return <ConfirmView pending={view.pending} {...size} />;
		if (view.overlay === 'restart' && view.pendingRestart) return <RestartConfirmView pending={view.pendingRestart} {...size} />;
		if (view.overlay === 'process' && view.pendingProcess) return <ProcessConfirmView target={view.pendingProcess} {...size} />;
		if (view.overlay === 'results' && view.results) return <ResultsView results={view.results} {...size} />;
		if (view.overlay === 'programConfirm' && view.pendingProgram) return <ProgramConfirmView pending={view.pendingProgram} {...size} />;
		if (listTable) return <HostTableView table={listTable} selected={view.listIndex} {...size} />;
		if (shownLog && view.log) {
			const title = subjectTitle(view.log.subject, (key) => containers[key]?.name ?? key.slice(0, 12));
			const buffer = logs?.subject === subjectId(view.log.subject) ? logs : null;
			return <LogView screen={shownLog} log={view.log} title={title} error={buffer?.error ?? null} buffered={buffer?.entries.length ?? 0} {...size} />;
		}
		if (view.overlay === 'detail' && detail.length > 0) return <DetailView lines={detail} top={view.detailTop} {...size} />;
		return (
			<ContainersPane
				rows={rows}
				containers={containers}
				stats={stats}
				diagnoses={diagnoses}
				marks={view.marks}
				stoppedLoops={stoppedLoops}
				outcomes={outcomes}
				selectedKey={view.selectedKey}
				now={now}
				emptyText={view.filter ? `no container matches "${view.filter}"` : 'no containers on this engine'}
				{...size}
			/>
		);
	}

	return (
		<Box flexDirection="column" width={columns} height={height}>
			<Header engines={engineList} summary={summary} host={hostLines} readOnly={readOnly} width={columns} />
			{mainArea()}
			<StatusLine engines={engineList} filter={view.filter} shown={shown} total={records.length} marks={view.marks.length} notices={notices} progress={progress} />
			<Footer bindings={table} editingFilter={view.editingFilter} filter={view.filter} scope={modeOf(view) === 'filter' ? 'main' : scopesOf(modeOf(view))} />
		</Box>
	);
}
