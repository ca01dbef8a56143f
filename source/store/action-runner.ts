import type {ContainerAction} from '../sources/docker/container-actions.js';
import {clearMarks, noticeMs, pushNotice} from './actions.js';
import {needsConfirmation, planAction} from './action-plan.js';
import {planLines, planOrderedRestart} from '../domain/restart-plan.js';
import type {FleetStore, PendingAction, PendingProcess, PendingRestart} from './fleet-store.js';
import {dependenciesOf} from './derive.js';
import {runOrderedRestart} from './ordered-restart.js';

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
	/** Asks to restart the selected container's compose project in depends_on order. */
	requestOrderedRestart(): void;
}

export interface RunnerOptions {
	/** How long each service of an ordered restart may take to get ready (default 60 s). */
	restartWaitMs?: number;
}

const unavailable: StopHostProcess = async () => {
	throw new Error('stopping host processes is not available here');
};

export function createActionRunner(store: FleetStore, act: ActOnContainer, stopProcess: StopHostProcess = unavailable, options: RunnerOptions = {}): ActionRunner {
	const restartWaitMs = options.restartWaitMs ?? 60_000;
	const outcome = (key: string, value: 'running' | 'ok' | 'failed') => store.setState((state) => ({outcomes: {...state.outcomes, [key]: value}}));
	const begin = (action: string, total: number) => store.setState({progress: {action, done: 0, failed: 0, total}, outcomes: {}});
	const step = (failed: boolean) => store.setState((state) => ({progress: state.progress && {...state.progress, done: state.progress.done + 1, failed: state.progress.failed + (failed ? 1 : 0)}}));
	const finish = () => {
		store.setState({progress: null});
		// The ticks and crosses on the rows stay a moment, then go with the notices.
		setTimeout(() => store.setState({outcomes: {}}), noticeMs).unref?.();
	};

	const run = async (plan: PendingAction) => {
		const total = plan.targets.length;
		begin(plan.action, total);
		const queue = [...plan.targets];
		const failures: string[] = [];
		let lastOk = '';
		const worker = async () => {
			for (let target = queue.shift(); target; target = queue.shift()) {
				outcome(target.key, 'running');
				try {
					lastOk = `${target.name}: ${await act(target.key, plan.action)}`;
					outcome(target.key, 'ok');
					step(false);
				} catch (error) {
					failures.push((error as Error).message);
					outcome(target.key, 'failed');
					pushNotice(store, (error as Error).message, 'critical');
					step(true);
				}
			}
		};
		await Promise.all(Array.from({length: Math.min(concurrency, total)}, worker));
		finish();
		if (total === 1 && failures.length === 0) pushNotice(store, lastOk, 'ok');
		else if (total > 1) pushNotice(store, `${plan.action}: ${total - failures.length} of ${total} done${failures.length ? `, ${failures.length} failed` : ''}`, failures.length ? 'warning' : 'ok');
		if (failures.length === 0 && total > 1) clearMarks(store);
	};

	const restartProject = async (pending: PendingRestart) => {
		const targets = pending.steps.flatMap((entry) => entry.containers);
		begin(`restart ${pending.project}`, targets.length);
		const keyOf = new Map(targets.map((target) => [target.name, target.key]));
		const results = await runOrderedRestart(pending.steps, {
			act: (key, action) => {
				outcome(key, 'running');
				return act(key, action);
			},
			current: (key) => store.getState().containers[key],
			waitMs: restartWaitMs,
			onResult: (result) => {
				const key = keyOf.get(result.name);
				if (key) outcome(key, result.outcome === 'ok' ? 'ok' : 'failed');
				if (result.outcome !== 'ok') pushNotice(store, `${result.name}: ${result.message}`, result.outcome === 'failed' ? 'critical' : 'warning');
				step(result.outcome !== 'ok');
			},
		});
		finish();
		const ready = results.filter((result) => result.outcome === 'ok').length;
		const title = `restart ${pending.project}: ${ready} of ${results.length} ready`;
		pushNotice(store, title, ready === results.length ? 'ok' : 'warning');
		// What was done to each container and how long it took stays on screen until closed.
		const lines = results.map((result) => ({text: `${result.outcome.padEnd(7)} ${result.name}: ${result.message} (${(result.durationMs / 1000).toFixed(1)}s)`, ok: result.outcome === 'ok'}));
		store.setState((state) => (state.view.overlay ? {} : {view: {...state.view, overlay: 'results', results: {title, lines}}}));
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
			const {pending, pendingRestart} = store.getState().view;
			store.setState((state) => ({view: {...state.view, overlay: null, pending: null, pendingRestart: null}}));
			if (pending) await run(pending);
			if (pendingRestart) await restartProject(pendingRestart);
		},
		cancel() {
			store.setState((state) => ({view: {...state.view, overlay: null, pending: null, pendingProcess: null, pendingRestart: null}}));
		},
		requestOrderedRestart() {
			const state = store.getState();
			const project = state.view.selectedKey ? state.containers[state.view.selectedKey]?.project : null;
			if (!project) return pushNotice(store, 'R restarts a compose project: select one of its containers', 'warning');
			if (state.progress) return pushNotice(store, 'an action is still running: wait for it to finish', 'warning');
			const plan = planOrderedRestart(project, Object.values(state.containers), dependenciesOf(state));
			if ('error' in plan) return pushNotice(store, plan.error, 'critical');
			store.setState((current) => ({view: {...current.view, overlay: 'restart', pendingRestart: {project, steps: plan.steps, lines: planLines(plan, restartWaitMs)}}}));
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
