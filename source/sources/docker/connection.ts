import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import Docker from 'dockerode';
import type {Endpoint} from '../../config.js';

// No modem-level timeout: it is an idle timeout and would cut the long-lived events and stats
// streams. Calls are bounded one by one instead (bounded.ts).
export function connectEngine(endpoint: Endpoint, env: Record<string, string | undefined> = process.env): Docker {
	if (endpoint.kind === 'unix') return new Docker({socketPath: endpoint.socketPath});
	const certPath = env['DOCKER_CERT_PATH'];
	const tls =
		endpoint.tls && certPath
			? {
					ca: readFileSync(join(certPath, 'ca.pem')),
					cert: readFileSync(join(certPath, 'cert.pem')),
					key: readFileSync(join(certPath, 'key.pem')),
				}
			: {};
	return new Docker({host: endpoint.host, port: endpoint.port, protocol: endpoint.tls ? 'https' : 'http', ...tls});
}

/** Whether the engine runs on this machine, so its containers' /proc and cgroup files are ours to read. */
export function isLocalEngine(endpoint: Endpoint): boolean {
	return endpoint.kind === 'unix' || ['127.0.0.1', 'localhost', '::1'].includes(endpoint.host);
}
