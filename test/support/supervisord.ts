import {execFileSync, spawn} from 'node:child_process';
import type {TestContext} from 'node:test';
import {chmodSync, existsSync, mkdtempSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createSupervisorClient} from '../../source/sources/supervisor/client.js';
import {until} from './run-cli.js';

// A real supervisord (Debian's) for a test: its own config, socket (0700, as supervisord makes it
// by default), an inet_http_server on loopback with a user and password, and the programs given.

export interface TestSupervisord {
	dir: string;
	socket: string;
	port: number;
	stop(): Promise<void>;
}

/** Debian's supervisor package, which the lab installs: skip without it, but fail under CI. */
export function requireSupervisord(t: TestContext): boolean {
	try {
		execFileSync('supervisord', ['--version'], {stdio: 'ignore'});
		return true;
	} catch {
		if (process.env['CI']) throw new Error('supervisord is not installed: under CI the lab must have installed it (npm run lab up)');
		t.skip('supervisord is not installed: run npm run lab up');
		return false;
	}
}

export const testCredentials = {username: 'fleettop', password: 'lab-secret'};

export async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as {port: number}).port;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

export async function startSupervisord(programs: string): Promise<TestSupervisord> {
	const dir = mkdtempSync(join(tmpdir(), 'fleettop-supervisord-'));
	// Others may enter the folder: the socket's own mode is what keeps them out.
	chmodSync(dir, 0o755);
	const socket = join(dir, 'supervisor.sock');
	const port = await freePort();
	const config = join(dir, 'supervisord.conf');
	writeFileSync(config, `[unix_http_server]
file=${socket}
chmod=0700

[inet_http_server]
port=127.0.0.1:${port}
username=${testCredentials.username}
password=${testCredentials.password}

[supervisord]
logfile=${dir}/supervisord.log
pidfile=${dir}/supervisord.pid
childlogdir=${dir}

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

${programs}
`);
	const child = spawn('supervisord', ['-n', '-c', config], {stdio: 'ignore'});
	const exited = new Promise((resolve) => child.once('exit', resolve));
	await until('supervisord up', async () => {
		if (!existsSync(socket)) return undefined;
		return (await createSupervisorClient({kind: 'unix', path: socket}, 2000).state().catch(() => undefined)) === 'RUNNING' ? true : undefined;
	}, 20_000);
	return {
		dir, socket, port,
		async stop() {
			child.kill('SIGTERM');
			await exited;
		},
	};
}
