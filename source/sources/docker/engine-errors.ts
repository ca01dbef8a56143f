import type {Endpoint} from '../../config.js';
import {EngineTimeoutError} from './bounded.js';

// Every way the engine can fail an operator, as one line that says what to do.
export function explainEngineError(error: unknown, endpoint: Endpoint): string {
	const where = endpoint.label;
	const code = (error as {code?: string} | null)?.code;
	const status = (error as {statusCode?: number} | null)?.statusCode;
	if (error instanceof EngineTimeoutError) {
		return `Docker at ${where} is not answering (${error.message}): it may be hung, restart dockerd (systemctl restart docker)`;
	}
	switch (code) {
		case 'EACCES':
		case 'EPERM':
			return `Permission denied on ${where}: run fleettop as root or join the docker group (sudo usermod -aG docker $USER, then log in again)`;
		case 'ENOENT':
		case 'ECONNREFUSED':
			return `No Docker engine at ${where}: start it (systemctl start docker, or npm run lab up) or point --host/DOCKER_HOST at one`;
		case 'ECONNRESET':
		case 'EPIPE':
			return `Lost the connection to Docker at ${where} (engine restarting?)`;
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return `Cannot resolve the engine host in ${where}: check --host/DOCKER_HOST`;
		case 'ETIMEDOUT':
		case 'EHOSTUNREACH':
			return `Cannot reach Docker at ${where} (${code}): check the network and --host`;
		default:
			break;
	}
	if (status === 401 || status === 403) return `Docker at ${where} refused us (HTTP ${status}): check TLS certificates (DOCKER_CERT_PATH)`;
	const message = error instanceof Error ? error.message : String(error);
	return `Docker at ${where} failed: ${message.split('\n')[0]}`;
}
