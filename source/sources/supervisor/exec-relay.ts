import type Docker from 'dockerode';
import {bounded} from '../docker/bounded.js';
import {forEachFrame} from '../docker/log-frames.js';
import {SupervisorError} from './transport.js';
import type {XmlRpcPost} from './client.js';

// supervisord inside a container, reached through the engine with nothing installed: `docker exec`
// runs supervisord's own Python with a few lines that find the socket in its config and pass one
// HTTP request to it. The container needs no supervisorctl, curl or open port.

const relay = `
import configparser, os, socket, sys
body = sys.argv[1].encode()
path = None
for conf in sys.argv[2:]:
    parser = configparser.RawConfigParser(strict=False, inline_comment_prefixes=(';', '#'))
    try:
        if not parser.read(conf):
            continue
    except Exception:
        continue
    if parser.has_option('unix_http_server', 'file'):
        path = parser.get('unix_http_server', 'file').replace('%(here)s', os.path.dirname(os.path.abspath(conf)))
        break
if path is None:
    sys.stderr.write('no [unix_http_server] socket in ' + ', '.join(sys.argv[2:]))
    sys.exit(3)
s = socket.socket(socket.AF_UNIX)
s.settimeout(10)
s.connect(path)
s.sendall(b'POST /RPC2 HTTP/1.0\\r\\nContent-Type: text/xml\\r\\nContent-Length: %d\\r\\n\\r\\n' % len(body) + body)
while True:
    chunk = s.recv(65536)
    if not chunk:
        break
    sys.stdout.buffer.write(chunk)
`;

/** Where supervisord looks for its config when not given -c (after its own folder's). */
export const defaultConfigPaths = ['/etc/supervisord.conf', '/etc/supervisor/supervisord.conf', 'supervisord.conf', 'etc/supervisord.conf'];

export interface ExecTarget {
	docker: Docker;
	containerId: string;
	/** What the error lines call it: the container's name. */
	name: string;
	/** supervisord's interpreter, as the container sees it. */
	python: string;
	/** Its -c config, else the default places. */
	configs: string[];
	timeoutMs: number;
}

/** The stdout and stderr of one exec, and its exit code. */
async function execOutput(target: ExecTarget, cmd: string[], signal: AbortSignal): Promise<{stdout: Buffer; stderr: string; exitCode: number | null}> {
	const exec = await target.docker.getContainer(target.containerId).exec({Cmd: cmd, AttachStdout: true, AttachStderr: true, abortSignal: signal});
	const stream = (await exec.start({hijack: false, abortSignal: signal} as Docker.ExecStartOptions)) as NodeJS.ReadableStream;
	const chunks: Buffer[] = [];
	await new Promise<void>((resolve, reject) => {
		stream.on('data', (chunk: Buffer) => chunks.push(chunk));
		stream.on('end', resolve);
		stream.on('error', reject);
	});
	const stdout: Buffer[] = [];
	let stderr = '';
	forEachFrame(Buffer.concat(chunks), (which, payload) => (which === 'stdout' ? stdout.push(payload) : (stderr += payload.toString('utf8'))));
	const {ExitCode} = await exec.inspect({abortSignal: signal});
	return {stdout: Buffer.concat(stdout), stderr, exitCode: ExitCode ?? null};
}

export function execRelay(target: ExecTarget): XmlRpcPost {
	const where = `supervisord in ${target.name}`;
	return async (body) => {
		let result: Awaited<ReturnType<typeof execOutput>>;
		try {
			result = await bounded(`${where}: docker exec`, target.timeoutMs, (signal) => execOutput(target, [target.python, '-c', relay, body, ...target.configs], signal));
		} catch (error) {
			const status = (error as {statusCode?: number}).statusCode;
			if (status === 404) throw new SupervisorError('missing', `${where}: the container is gone`);
			if (status === 409) throw new SupervisorError('refused', `${where}: the container is not running`);
			throw new SupervisorError('timeout', `${where}: ${(error as Error).message.split('\n')[0]}`);
		}
		const text = result.stdout.toString('utf8');
		const head = /^HTTP\/1\.[01] (\d{3})/.exec(text);
		if (!head) {
			const why = result.stderr.trim().split('\n').at(-1) || `exit code ${result.exitCode}`;
			throw new SupervisorError('refused', `${where} could not be asked (through ${target.python}): ${why}`);
		}
		if (head[1] === '401') throw new SupervisorError('auth', `${where} asks for credentials on its socket: fleettop cannot give them through docker exec`);
		if (head[1] !== '200') throw new SupervisorError('protocol', `${where} answered HTTP ${head[1]}`);
		return text.slice(text.indexOf('\r\n\r\n') + 4);
	};
}
