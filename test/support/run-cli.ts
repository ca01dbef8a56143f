import {execFile} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import type {Snapshot} from '../../source/domain/snapshot.js';

export const cliPath = fileURLToPath(new URL('../../dist/fleettop.js', import.meta.url));

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs the built binary (npm test builds first). */
export function runCli(args: string[], options: {env?: NodeJS.ProcessEnv; prefix?: string[]} = {}): Promise<CliResult> {
	const [command, ...rest] = [...(options.prefix ?? []), process.execPath, cliPath, ...args];
	return new Promise((resolve) => {
		execFile(command!, rest, {env: options.env ?? process.env, timeout: 30_000}, (error, stdout, stderr) => {
			resolve({code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr});
		});
	});
}

export async function snapshot(args: string[] = []): Promise<Snapshot> {
	const result = await runCli(['--once', '--json', ...args]);
	if (result.code !== 0) throw new Error(`fleettop --once --json exited ${result.code}: ${result.stderr}`);
	return JSON.parse(result.stdout) as Snapshot;
}

/** `what` may be a function: then the timeout says what the last probe still missed. */
export async function until<T>(what: string | (() => string), probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${typeof what === 'string' ? what : what()}`);
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}
