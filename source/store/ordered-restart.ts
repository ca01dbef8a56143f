import {setTimeout as sleep} from 'node:timers/promises';
import type {ContainerRecord} from '../domain/container.js';
import type {RestartStep, RestartTarget} from '../domain/restart-plan.js';
import type {ActOnContainer} from './action-runner.js';

// Runs an ordered restart plan: service after service, each container restarted (or started)
// and then waited for — healthy, or running without a health check — before its dependents go.
// A service that does not get ready stops its dependents, which are reported as skipped.

export interface TargetResult {
	service: string;
	name: string;
	outcome: 'ok' | 'failed' | 'skipped';
	message: string;
	durationMs: number;
}

export interface OrderedRestartDeps {
	act: ActOnContainer;
	/** The container as fleettop sees it now (kept fresh by the engine's events). */
	current(key: string): ContainerRecord | undefined;
	waitMs: number;
	pollMs?: number;
	onResult?(result: TargetResult): void;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

function readiness(record: ContainerRecord | undefined, target: RestartTarget, since: number): 'ready' | 'waiting' | string {
	if (!record) return 'the container is gone';
	// Until the engine reports the new run, the record still describes the old one.
	if (!record.startedAt || record.startedAt < since - 1000) return 'waiting';
	if (record.state === 'exited' || record.state === 'dead') return `it exited (${record.exitCode ?? '?'})`;
	if (record.state !== 'running') return 'waiting';
	if (target.waitFor === 'running') return 'ready';
	return record.health === 'healthy' ? 'ready' : 'waiting';
}

async function restartOne(service: string, target: RestartTarget, deps: OrderedRestartDeps): Promise<TargetResult> {
	const started = Date.now();
	const result = (outcome: TargetResult['outcome'], message: string): TargetResult => ({service, name: target.name, outcome, message, durationMs: Date.now() - started});
	try {
		await deps.act(target.key, target.verb);
	} catch (error) {
		return result('failed', (error as Error).message);
	}
	const done = target.verb === 'restart' ? 'restarted' : 'started';
	// The wait counts from the engine's answer: a stop can take its whole grace period first.
	const waitFrom = Date.now();
	for (;;) {
		const state = readiness(deps.current(target.key), target, started);
		if (state === 'ready') return result('ok', `${done}, ${target.waitFor} after ${seconds(Date.now() - waitFrom)}`);
		if (state !== 'waiting') return result('failed', `${done}, then ${state}`);
		if (Date.now() - waitFrom >= deps.waitMs) {
			const record = deps.current(target.key);
			const now = record ? `${record.state}${record.health ? `, ${record.health}` : ''}` : 'gone';
			return result('failed', `${done}, not ${target.waitFor} after ${seconds(deps.waitMs)} (${now})`);
		}
		await sleep(deps.pollMs ?? 500);
	}
}

export async function runOrderedRestart(steps: RestartStep[], deps: OrderedRestartDeps): Promise<TargetResult[]> {
	const results: TargetResult[] = [];
	const notReady = new Set<string>();
	const report = (result: TargetResult) => {
		results.push(result);
		deps.onResult?.(result);
	};
	for (const step of steps) {
		const blocker = step.dependsOn.find((service) => notReady.has(service));
		if (blocker) {
			notReady.add(step.service);
			for (const target of step.containers) report({service: step.service, name: target.name, outcome: 'skipped', message: `not started: ${blocker} is not ready`, durationMs: 0});
			continue;
		}
		const outcomes = await Promise.all(step.containers.map((target) => restartOne(step.service, target, deps)));
		for (const outcome of outcomes) report(outcome);
		if (outcomes.some((outcome) => outcome.outcome !== 'ok')) notReady.add(step.service);
	}
	return results;
}
