import {existsSync, readFileSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {ConfigError} from '../../config.js';
import type {SupervisorEndpoint} from './transport.js';

// Where the host's supervisord listens: --supervisor, else the config of the supervisord that
// runs (its -c, else the places supervisord itself looks), else the usual socket paths.

/** `--supervisor`: unix:///path, a socket path, or http://[user:password@]host:port. */
export function parseSupervisorUrl(value: string): SupervisorEndpoint {
	const text = value.trim();
	if (text.startsWith('/')) return {kind: 'unix', path: text};
	if (text.startsWith('unix://') && text.length > 'unix://'.length) return {kind: 'unix', path: text.slice('unix://'.length)};
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		url = new URL('invalid:');
	}
	if (url.protocol === 'http:' && url.hostname && url.port) {
		const decode = (part: string) => (part ? decodeURIComponent(part) : null);
		return {kind: 'http', host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port), username: decode(url.username), password: decode(url.password)};
	}
	throw new ConfigError(`--supervisor '${value}' is not a supervisord address: use unix:///var/run/supervisor.sock or http://user:password@127.0.0.1:9001`);
}

/** Sections of an INI file as supervisord reads it: `key = value` or `key: value`, `;` comments. */
export function parseIni(text: string): Map<string, Map<string, string>> {
	const sections = new Map<string, Map<string, string>>();
	let current: Map<string, string> | null = null;
	for (const raw of text.split('\n')) {
		const line = raw.replace(/\s[;#].*$/, '').trim();
		if (!line || line.startsWith(';') || line.startsWith('#')) continue;
		const section = /^\[(.+)\]$/.exec(line);
		if (section) sections.set(section[1]!.trim(), (current = new Map()));
		else if (current) {
			const pair = /^([^=:]+)[=:](.*)$/.exec(line);
			if (pair) current.set(pair[1]!.trim().toLowerCase(), pair[2]!.trim());
		}
	}
	return sections;
}

/** The endpoint a config file sets up: its unix socket, else its inet server (with its credentials). */
export function endpointFromConfig(text: string, path: string): SupervisorEndpoint | null {
	const sections = parseIni(text);
	const here = dirname(resolve(path));
	const file = sections.get('unix_http_server')?.get('file');
	if (file) return {kind: 'unix', path: resolve(here, file.replace(/%\(here\)s/g, here))};
	const inet = sections.get('inet_http_server');
	const port = inet?.get('port');
	if (inet && port) {
		const [host, number] = port.includes(':') ? [port.slice(0, port.lastIndexOf(':')), port.slice(port.lastIndexOf(':') + 1)] : ['127.0.0.1', port];
		return {kind: 'http', host: !host || host === '*' ? '127.0.0.1' : host, port: Number(number), username: inet.get('username') ?? null, password: inet.get('password') ?? null};
	}
	return null;
}

/** Where supervisord looks for its config when not given -c. */
export const hostConfigPaths = ['/etc/supervisor/supervisord.conf', '/etc/supervisord.conf'];
const commonSockets = ['/var/run/supervisor.sock', '/run/supervisor.sock', '/tmp/supervisor.sock'];

/** The running host supervisord's endpoint (`config`: its -c, if given). */
export function hostEndpoint(config: string | null, read: (path: string) => string | null = readText): SupervisorEndpoint | null {
	for (const path of config ? [config] : hostConfigPaths) {
		const text = read(path);
		const endpoint = text === null ? null : endpointFromConfig(text, path);
		if (endpoint) return endpoint;
	}
	const socket = commonSockets.find((path) => existsSync(path));
	return socket ? {kind: 'unix', path: socket} : null;
}

function readText(path: string): string | null {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return null;
	}
}
