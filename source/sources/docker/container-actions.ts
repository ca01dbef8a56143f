import {setTimeout as sleep} from 'node:timers/promises';
import type Docker from 'dockerode';
import type {SavedPolicies} from '../state/saved-policies.js';
import {bounded, EngineTimeoutError} from './bounded.js';

// What an operator can do to one container, with every engine answer turned into one line.
// Already in the wanted state (HTTP 304) is success; a vanished container (404), a conflict
// (409: paused, removing…) and a dead engine are failures that say what to do.

export type ContainerAction = 'start' | 'stop' | 'restart' | 'kill' | 'pause' | 'unpause' | 'stop-loop' | 're-arm';

export class ActionError extends Error {}

export interface ActionContext {
	docker: Docker;
	id: string;
	/** Where stop-loop keeps the policy it replaces: the engine's endpoint and the container id. */
	policyKey: string;
	name: string;
	policies: SavedPolicies;
	callTimeoutMs: number;
}

/** Seconds docker gives a process between SIGTERM and SIGKILL on stop and restart. */
const stopGraceSeconds = 10;

/** The engine's own words for a failure (dockerode puts them in `json`), else the error's message. */
const engineMessage = (error: unknown): string => (error as {json?: {message?: string}}).json?.message ?? (error as Error).message ?? String(error);

function explainActionError(error: unknown, action: ContainerAction, name: string): string {
	const status = (error as {statusCode?: number}).statusCode;
	const code = (error as {code?: string}).code;
	const raw = engineMessage(error);
	// The engine names containers by their 64-character id: the operator knows the name.
	const reason = raw.split('\n')[0]!.replace(/\b[0-9a-f]{64}\b/g, name);
	if (error instanceof EngineTimeoutError) return `${action} ${name}: the engine did not answer (${error.message}); it may be hung`;
	if (status === 404) return `${action} ${name}: the container is gone (removed meanwhile)`;
	if (status === 409) return `${action} ${name}: ${reason}`;
	if (code === 'EACCES' || code === 'EPERM') return `${action} ${name}: permission denied on the engine socket; run as root or join the docker group`;
	if (code === 'ECONNREFUSED' || code === 'ENOENT' || code === 'ECONNRESET') return `${action} ${name}: the engine is down; start it and try again`;
	return `${action} ${name} failed: ${reason}`;
}

/** 304 Not Modified: the container already was where the action would take it. */
async function tolerant(call: () => Promise<unknown>, already: string): Promise<string | null> {
	try {
		await call();
		return null;
	} catch (error) {
		if ((error as {statusCode?: number}).statusCode === 304) return already;
		throw error;
	}
}

/**
 * Changing a running container's policy makes the engine update it through containerd and runc;
 * a looping container that exits meanwhile fails that ("container not running" from runc,
 * "cannot update a stopped container" from containerd's shim), and the engine puts the old policy
 * back. Asked again, the engine finds it stopped and needs no runc.
 */
const exitedDuringUpdate = /container not running|cannot update a stopped container/;

export async function updateWhileItMayExit(update: () => Promise<unknown>, attempts = 3, waitMs = 100): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		try {
			await update();
			return;
		} catch (error) {
			if (attempt >= attempts || !exitedDuringUpdate.test(engineMessage(error))) throw error;
			await sleep(waitMs);
		}
	}
}

async function perform(action: ContainerAction, context: ActionContext, signal: AbortSignal): Promise<string> {
	const container = context.docker.getContainer(context.id);
	const withSignal = {abortSignal: signal};
	switch (action) {
		case 'start':
			return (await tolerant(() => container.start(withSignal), 'already running')) ?? 'started';
		case 'stop':
			return (await tolerant(() => container.stop({t: stopGraceSeconds, ...withSignal}), 'already stopped')) ?? 'stopped';
		case 'restart':
			await container.restart({t: stopGraceSeconds, ...withSignal});
			return 'restarted';
		case 'kill':
			await container.kill(withSignal);
			return 'killed';
		case 'pause':
			await container.pause(withSignal);
			return 'paused';
		case 'unpause':
			await container.unpause(withSignal);
			return 'unpaused';
		case 'stop-loop': {
			const info = await container.inspect(withSignal);
			const policy = info.HostConfig?.RestartPolicy;
			// The update alone would let one scheduled restart happen: stop it as well.
			if (policy?.Name && policy.Name !== 'no') {
				await context.policies.save(context.policyKey, {name: context.name, policy: {Name: policy.Name, MaximumRetryCount: policy.MaximumRetryCount ?? 0}, savedAt: new Date().toISOString()});
				await updateWhileItMayExit(() => container.update({RestartPolicy: {Name: 'no', MaximumRetryCount: 0}, ...withSignal}));
			}
			const stopped = await tolerant(() => container.stop({t: stopGraceSeconds, ...withSignal}), 'already stopped');
			const saved = await context.policies.get(context.policyKey);
			return `loop stopped (policy ${saved?.policy.Name ?? 'no'} saved${stopped ? `, ${stopped}` : ''})`;
		}
		case 're-arm': {
			const saved = await context.policies.get(context.policyKey);
			if (!saved) throw new ActionError(`re-arm ${context.name}: no saved restart policy (its loop was not stopped by fleettop)`);
			await container.update({RestartPolicy: saved.policy, ...withSignal});
			// The policy is back: nothing is left to re-arm, even if the start below fails or times out.
			await context.policies.forget(context.policyKey);
			const started = await tolerant(() => container.start(withSignal), 'already running');
			return `re-armed: policy ${saved.policy.Name} restored, ${started ?? 'started'}`;
		}
	}
}

/** Resolves with a short success message; rejects with an ActionError whose message is one line. */
export async function runContainerAction(action: ContainerAction, context: ActionContext): Promise<string> {
	const waits = action === 'stop' || action === 'restart' || action === 'stop-loop';
	const timeoutMs = context.callTimeoutMs + (waits ? stopGraceSeconds * 1000 : 0);
	try {
		return await bounded(`${action} ${context.name}`, timeoutMs, (signal) => perform(action, context, signal));
	} catch (error) {
		if (error instanceof ActionError) throw error;
		throw new ActionError(explainActionError(error, action, context.name));
	}
}
