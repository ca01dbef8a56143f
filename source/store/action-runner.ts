import type {ContainerAction} from '../sources/docker/container-actions.js';
import {clearMarks, pushNotice} from './actions.js';
import {needsConfirmation, planAction} from './action-plan.js';
import type {FleetStore, PendingAction, PendingProcess} from './fleet-store.js';

// Runs planned actions: a few containers at a time, progress in the store, one notice per
// failure (one failure does not stop the rest) and a summary at the end.

/** Performs one action on one container: resolves with a short message, rejects with one line. */
export type ActOnContainer = (key: string, action: ContainerAction) => Promise<string>;

/** Signals a host process (SIGTERM; SIGKILL after a grace period when `escalate`). */
export type StopHostProcess = (target: PendingProcess, escalate: boolean) => Promise<string>;

const concurrency = 4;

export interface ActionRunner {
	/** A key asked for an action: run it, or ask first. */
	request(action: ContainerAction): void;
	/** The operator said yes to the pending action. */
	confirm(): Promise<void>;
	cancel(): void;
	/** Asks to stop the host process the selected container's diagnosis names as holding its port. */
	requestStopHolder(): void;
	stopHolder(escalate: boolean): Promise<void>;
}

const unavailable: StopHostProcess = async () => {
	throw new Error('stopping host processes is not available here');
};

export function createActionRunner(store: FleetStore, act: ActOnContainer, stopProcess: StopHostProcess = unavailable): ActionRunner {
	const run = async (plan: PendingAction) => {
		const total = plan.targets.length;
		store.setState({progress: {action: plan.action, done: 0, failed: 0, total}});
		const queue = [...plan.targets];
		const failures: string[] = [];
		let lastOk = '';
		const worker = async () => {
			for (let target = queue.shift(); target; target = queue.shift()) {
				try {
					lastOk = `${target.name}: ${await act(target.key, plan.action)}`;
				} catch (error) {
					failures.push((error as Error).message);
					pushNotice(store, (error as Error).message, 'critical');
				}
				store.setState((state) => ({progress: state.progress && {...state.progress, done: state.progress.done + 1, failed: failures.length}}));
			}
		};
		await Promise.all(Array.from({length: Math.min(concurrency, total)}, worker));
		store.setState({progress: null});
		if (total === 1 && failures.length === 0) pushNotice(store, lastOk, 'ok');
		else if (total > 1) pushNotice(store, `${plan.action}: ${total - failures.length} of ${total} done${failures.length ? `, ${failures.length} failed` : ''}`, failures.length ? 'warning' : 'ok');
		if (failures.length === 0 && total > 1) clearMarks(store);
	};

	return {
		request(action) {
			if (store.getState().progress) return pushNotice(store, 'an action is still running: wait for it to finish', 'warning');
			const plan = planAction(store.getState(), action);
			if (plan.targets.length === 0) {
				const why = plan.skipped[0] ? `${plan.skipped[0].name}: ${plan.skipped[0].reason}` : 'no container selected';
				return pushNotice(store, `${action}: nothing to do (${why})`, 'warning');
			}
			if (needsConfirmation(plan)) {
				store.setState((state) => ({view: {...state.view, overlay: 'confirm', pending: plan}}));
				return;
			}
			void run(plan);
		},
		async confirm() {
			const plan = store.getState().view.pending;
			store.setState((state) => ({view: {...state.view, overlay: null, pending: null}}));
			if (plan) await run(plan);
		},
		cancel() {
			store.setState((state) => ({view: {...state.view, overlay: null, pending: null, pendingProcess: null}}));
		},
		requestStopHolder() {
			const {view, diagnoses, containers} = store.getState();
			const key = view.selectedKey;
			const process = key ? diagnoses[key]?.findings.find((finding) => finding.process)?.process : undefined;
			if (!key || !process) return pushNotice(store, 'no host process holds a port this container needs (x acts on port-in-use diagnoses)', 'warning');
			store.setState((state) => ({view: {...state.view, overlay: 'process', pendingProcess: {...process, for: containers[key]?.name ?? key}}}));
		},
		async stopHolder(escalate) {
			const target = store.getState().view.pendingProcess;
			store.setState((state) => ({view: {...state.view, overlay: null, pendingProcess: null}}));
			if (!target) return;
			try {
				pushNotice(store, await stopProcess(target, escalate), 'ok');
			} catch (error) {
				pushNotice(store, (error as Error).message, 'critical');
			}
		},
	};
}
