import type {ProgramTarget} from '../domain/host-views.js';
import type {ProgramAction} from '../sources/supervisor/program-actions.js';
import {pushNotice} from './actions.js';
import type {FleetStore} from './fleet-store.js';

// Actions on supervisord programs from the supervisord view: start at once (like a container's),
// stop and restart after a yes. The outcome is a notice; the audit log is written by the caller.

export type ActOnProgram = (target: ProgramTarget, action: ProgramAction) => Promise<string>;

export interface ProgramRunner {
	request(action: ProgramAction, target: ProgramTarget | null): void;
	confirm(): Promise<void>;
	cancel(): void;
}

export function createProgramRunner(store: FleetStore, act: ActOnProgram): ProgramRunner {
	const run = async (target: ProgramTarget, action: ProgramAction) => {
		pushNotice(store, `${action} ${target.label}…`, 'ok');
		try {
			pushNotice(store, await act(target, action), 'ok');
		} catch (error) {
			pushNotice(store, (error as Error).message, 'critical');
		}
	};
	const close = () => store.setState((state) => ({view: {...state.view, overlay: 'supervisors', pendingProgram: null}}));
	return {
		request(action, target) {
			if (!target) return pushNotice(store, 'select a program (or a group:* row) first', 'warning');
			if (action === 'start') return void run(target, action);
			store.setState((state) => ({view: {...state.view, overlay: 'programConfirm', pendingProgram: {action, target}}}));
		},
		async confirm() {
			const pending = store.getState().view.pendingProgram;
			close();
			if (pending) await run(pending.target, pending.action);
		},
		cancel: close,
	};
}

/** Where there is no supervisord to act on (tests of other panes). */
export const noProgramRunner: ProgramRunner = {
	request: () => undefined,
	confirm: async () => undefined,
	cancel: () => undefined,
};
