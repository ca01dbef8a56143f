import {request} from 'node:http';

// One XML-RPC POST to supervisord: through its unix socket ([unix_http_server]) or over HTTP
// ([inet_http_server], with basic auth when it asks for it).

export type SupervisorEndpoint =
	| {kind: 'unix'; path: string}
	| {kind: 'http'; host: string; port: number; username: string | null; password: string | null};

export type SupervisorFailure = 'missing' | 'denied' | 'refused' | 'auth' | 'timeout' | 'protocol' | 'fault';

/** A supervisord that could not be asked, in one line that says what to do. */
export class SupervisorError extends Error {
	constructor(readonly reason: SupervisorFailure, message: string) {
		super(message);
	}
}

export function describeEndpoint(endpoint: SupervisorEndpoint): string {
	return endpoint.kind === 'unix' ? `unix://${endpoint.path}` : `http://${endpoint.host}:${endpoint.port}`;
}

function connectionError(endpoint: SupervisorEndpoint, error: NodeJS.ErrnoException): SupervisorError {
	const where = describeEndpoint(endpoint);
	if (error.code === 'ENOENT') return new SupervisorError('missing', `no supervisord socket at ${where}: is supervisord running? (--supervisor names another)`);
	if (error.code === 'EACCES' || error.code === 'EPERM') {
		return new SupervisorError('denied', `permission denied on ${where}: supervisord's socket is 0700 by default; run fleettop as its owner, or set chmod/chown in [unix_http_server]`);
	}
	if (error.code === 'ECONNREFUSED') return new SupervisorError('refused', `supervisord at ${where} refuses connections: is it running?`);
	return new SupervisorError('refused', `supervisord at ${where}: ${error.message}`);
}

export function postXml(endpoint: SupervisorEndpoint, body: string, timeoutMs: number): Promise<string> {
	const where = describeEndpoint(endpoint);
	return new Promise((resolve, reject) => {
		const auth = endpoint.kind === 'http' && endpoint.username !== null ? {auth: `${endpoint.username}:${endpoint.password ?? ''}`} : {};
		const req = request(
			{
				...(endpoint.kind === 'unix' ? {socketPath: endpoint.path} : {host: endpoint.host, port: endpoint.port}),
				...auth,
				path: '/RPC2',
				method: 'POST',
				headers: {'Content-Type': 'text/xml', 'Content-Length': Buffer.byteLength(body)},
				timeout: timeoutMs,
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('error', (error) => reject(connectionError(endpoint, error)));
				response.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					// A 401 page is HTML: say what it means rather than fail to parse it.
					if (response.statusCode === 401) {
						return reject(new SupervisorError('auth', `supervisord at ${where} refused the credentials: give them as --supervisor http://user:password@host:port`));
					}
					if (response.statusCode !== 200) return reject(new SupervisorError('protocol', `supervisord at ${where} answered HTTP ${response.statusCode}`));
					resolve(text);
				});
			},
		);
		req.on('timeout', () => {
			req.destroy();
			reject(new SupervisorError('timeout', `supervisord at ${where} did not answer within ${timeoutMs / 1000} s`));
		});
		req.on('error', (error: NodeJS.ErrnoException) => reject(connectionError(endpoint, error)));
		req.end(body);
	});
}
