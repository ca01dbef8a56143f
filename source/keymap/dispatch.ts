import type {ActionRunner} from '../store/action-runner.js';
import {clearMarks, toggleHostPane, toggleProcessOrder, jumpToContainer, markShown, moveInList, moveSelection, openList, scrollDetail, selectEdge, setFilter, setOverlay, toggleMark} from '../store/actions.js';
import type {FleetStore} from '../store/fleet-store.js';
import type {ProgramTarget} from '../domain/host-views.js';
import type {ProgramRunner} from '../store/program-runner.js';
import {cancelLogInput, commitLogInput, editLogInput, goToMatch, openLogs, scrollLog, showLog, startLogInput, toggleLog, type ScreenOf} from '../store/log-actions.js';
import type {Resolution} from './resolve.js';

export interface DispatchContext {
	/** Container rows visible in the pane: the distance of a page. */
	pageSize: number;
	/** Lines of the open detail view, so that scrolling stops at its end. */
	detailLines: number;
	/** Rows of the open processes or ports view, and the container a row belongs to. */
	listRows: number;
	listRowContainer(index: number): string | null;
	/** In the supervisord view: the program a row's actions apply to. */
	listRowProgram(index: number): ProgramTarget | null;
	/** Whether the host pane shows two lines now (auto-sized until toggled). */
	hostExpanded: boolean;
	/** Lines of the tallest help column, so that scrolling stops at its end. */
	helpLines: number;
	/** The log pane's layout for a given view state, and its height in rows. */
	logScreenOf: ScreenOf;
	logHeight: number;
	saveLog(): void;
	actions: ActionRunner;
	programs: ProgramRunner;
	quit(): void;
}

export function dispatch(store: FleetStore, resolution: Resolution, context: DispatchContext): void {
	if (!resolution) return;
	const {filter} = store.getState().view;
	const page = Math.max(1, context.pageSize - 1);
	const logPage = Math.max(1, context.logHeight - 1);
	const program = () => context.listRowProgram(store.getState().view.listIndex);
	const confirmingProgram = store.getState().view.overlay === 'programConfirm';
	const scroll = (delta: number) => scrollDetail(store, delta, context.detailLines, context.pageSize);
	switch (resolution.action) {
		case 'cursor.down': return moveSelection(store, 1);
		case 'cursor.up': return moveSelection(store, -1);
		case 'cursor.first': return selectEdge(store, 'first');
		case 'cursor.last': return selectEdge(store, 'last');
		case 'cursor.pageDown': return moveSelection(store, page);
		case 'cursor.pageUp': return moveSelection(store, -page);
		case 'filter.start': return setFilter(store, filter, true);
		case 'filter.input': return setFilter(store, filter + resolution.text, true);
		case 'filter.backspace': return setFilter(store, [...filter].slice(0, -1).join(''), true);
		case 'filter.accept': return setFilter(store, filter, false);
		case 'filter.cancel':
		case 'filter.clear': return setFilter(store, '', false);
		case 'detail.open': return setOverlay(store, 'detail');
		case 'detail.close': return setOverlay(store, null);
		case 'detail.down': return scroll(1);
		case 'detail.up': return scroll(-1);
		case 'detail.pageDown': return scroll(page);
		case 'detail.pageUp': return scroll(-page);
		case 'mark.toggle':
			toggleMark(store);
			return moveSelection(store, 1);
		case 'mark.shown': return markShown(store);
		case 'mark.clear': return clearMarks(store);
		case 'container.start': return context.actions.request('start');
		case 'container.stop': return context.actions.request('stop');
		case 'container.restart': return context.actions.request('restart');
		case 'container.kill': return context.actions.request('kill');
		case 'container.pause': return context.actions.request('pause');
		case 'container.unpause': return context.actions.request('unpause');
		case 'container.stopLoop': return context.actions.request('stop-loop');
		case 'container.rearm': return context.actions.request('re-arm');
		case 'project.restart': return context.actions.requestOrderedRestart();
		case 'holder.request': return context.actions.requestStopHolder();
		case 'holder.term': return void context.actions.stopHolder(false);
		case 'holder.kill': return void context.actions.stopHolder(true);
		case 'results.close':
		case 'list.close': return setOverlay(store, null);
		case 'logs.open': return openLogs(store, 'selected');
		case 'logs.group': return openLogs(store, 'group');
		case 'logs.trouble': return openLogs(store, 'trouble');
		case 'logs.up': return scrollLog(store, -1, context.logScreenOf);
		case 'logs.down': return scrollLog(store, 1, context.logScreenOf);
		case 'logs.pageUp': return scrollLog(store, -logPage, context.logScreenOf);
		case 'logs.pageDown': return scrollLog(store, logPage, context.logScreenOf);
		case 'logs.first': return scrollLog(store, 'first', context.logScreenOf);
		case 'logs.follow': return scrollLog(store, 'end', context.logScreenOf);
		case 'logs.search': return startLogInput(store, 'search');
		case 'logs.filter': return startLogInput(store, 'filter');
		case 'logs.older': return goToMatch(store, -1, context.logScreenOf, context.logHeight);
		case 'logs.newer': return goToMatch(store, 1, context.logScreenOf, context.logHeight);
		case 'logs.stderr': return toggleLog(store, 'stderrOnly');
		case 'logs.wrap': return toggleLog(store, 'wrap');
		case 'logs.timestamps': return toggleLog(store, 'timestamps');
		case 'logs.save': return context.saveLog();
		case 'logs.close': return setOverlay(store, store.getState().view.log?.back ?? null);
		case 'logInput.input': return editLogInput(store, (input) => input + resolution.text);
		case 'logInput.backspace': return editLogInput(store, (input) => [...input].slice(0, -1).join(''));
		case 'logInput.accept': return commitLogInput(store, context.logScreenOf, context.logHeight);
		case 'logInput.cancel': return cancelLogInput(store);
		case 'host.toggle': return toggleHostPane(store, context.hostExpanded);
		case 'processes.open': return openList(store, 'processes');
		case 'ports.open': return openList(store, 'ports');
		case 'supervisors.open': return openList(store, 'supervisors');
		case 'program.start': return context.programs.request('start', program());
		case 'program.stop': return context.programs.request('stop', program());
		case 'program.restart': return context.programs.request('restart', program());
		case 'program.tail': {
			const target = program();
			return target ? showLog(store, {kind: 'program', ...target}) : undefined;
		}
		case 'list.down': return moveInList(store, (index) => index + 1, context.listRows);
		case 'list.up': return moveInList(store, (index) => index - 1, context.listRows);
		case 'list.first': return moveInList(store, () => 0, context.listRows);
		case 'list.last': return moveInList(store, () => context.listRows - 1, context.listRows);
		case 'list.pageDown': return moveInList(store, (index) => index + page, context.listRows);
		case 'list.pageUp': return moveInList(store, (index) => index - page, context.listRows);
		case 'list.sort': return toggleProcessOrder(store);
		case 'list.jump': return jumpToContainer(store, context.listRowContainer(store.getState().view.listIndex));
		case 'confirm.yes': return void (confirmingProgram ? context.programs.confirm() : context.actions.confirm());
		case 'confirm.no': return confirmingProgram ? context.programs.cancel() : context.actions.cancel();
		case 'help.down': return scrollDetail(store, 1, context.helpLines, context.pageSize);
		case 'help.up': return scrollDetail(store, -1, context.helpLines, context.pageSize);
		case 'help.toggle': return setOverlay(store, 'help');
		case 'help.close': return setOverlay(store, null);
		case 'quit': return context.quit();
	}
}
