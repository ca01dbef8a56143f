import {execFileSync} from 'node:child_process';
import type {TestContext} from 'node:test';

// Tests that need the real engine (the lab). Without one they skip on a developer's machine and
// fail under CI, where .ci/run must have started it.

export function engineAnswers(): boolean {
	try {
		execFileSync('docker', ['version', '--format', '{{.Server.Version}}'], {stdio: 'ignore', timeout: 5000});
		return true;
	} catch {
		return false;
	}
}

/** A daemon stuck on one container must fail the test that asked, not hang the suite (design notes §4). */
const dockerTimeoutMs = 60_000;

/** The docker CLI's output, trimmed; throws on a failure or after a minute. */
export function docker(...args: string[]): string {
	return execFileSync('docker', args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: dockerTimeoutMs}).trim();
}

/** Removes containers, gone or not. */
export function removeContainers(...names: string[]): void {
	try {
		docker('rm', '-f', ...names);
	} catch {
		// already gone
	}
}

export function requireEngine(t: TestContext): boolean {
	if (engineAnswers()) return true;
	if (process.env['CI']) throw new Error('no Docker engine answers: under CI the lab must be up (npm run lab up)');
	t.skip('no Docker engine: run npm run lab up');
	return false;
}
