// Flags and environment -> validated Settings. Pure: every bad value becomes a ConfigError whose
// message is one line telling the operator what to type instead.

export type Endpoint =
	| {kind: 'unix'; socketPath: string; label: string}
	| {kind: 'tcp'; host: string; port: number; tls: boolean; label: string};

export type StatsSource = 'auto' | 'cgroup' | 'api';

export interface Settings {
	endpoint: Endpoint;
	intervalMs: number;
	/** Upper bound for every engine call that is not a stream. */
	callTimeoutMs: number;
	statsSource: StatsSource;
	once: boolean;
	json: boolean;
}

export interface RawFlags {
	host?: string;
	interval?: string;
	timeout?: string;
	stats?: string;
	once?: boolean;
	json?: boolean;
}

export class ConfigError extends Error {}

const defaultSocket = '/var/run/docker.sock';

export function parseEndpoint(value: string): Endpoint {
	const text = value.trim();
	if (text.startsWith('/')) return {kind: 'unix', socketPath: text, label: `unix://${text}`};
	const match = /^([a-z]+):\/\/(.*)$/.exec(text);
	if (!match) throw new ConfigError(`--host '${value}' is not an engine address: use unix:///path/to.sock or tcp://host:2375`);
	const [, scheme, rest = ''] = match;
	if (scheme === 'unix') {
		if (!rest.startsWith('/')) throw new ConfigError(`--host '${value}': a unix socket needs an absolute path, e.g. unix:///var/run/docker.sock`);
		return {kind: 'unix', socketPath: rest, label: text};
	}
	if (scheme === 'tcp' || scheme === 'http' || scheme === 'https') {
		const hostPort = /^\[?([^\]/]+?)\]?(?::(\d+))?\/?$/.exec(rest);
		if (!hostPort?.[1]) throw new ConfigError(`--host '${value}': expected ${scheme}://host:port`);
		const tls = scheme === 'https';
		const port = hostPort[2] ? Number(hostPort[2]) : tls ? 2376 : 2375;
		if (port < 1 || port > 65535) throw new ConfigError(`--host '${value}': port must be 1-65535`);
		return {kind: 'tcp', host: hostPort[1], port, tls, label: text};
	}
	if (scheme === 'ssh') {
		throw new ConfigError(
			`--host '${value}': ssh is not supported; forward the socket (ssh -nNL /tmp/docker.sock:/var/run/docker.sock host) and use --host unix:///tmp/docker.sock`,
		);
	}
	throw new ConfigError(`--host '${value}': unknown scheme '${scheme}', use unix:// or tcp://`);
}

/** "2", "2s", "500ms", "1.5s" -> milliseconds within [min, max]. */
export function parseDuration(flag: string, value: string, minMs: number, maxMs: number): number {
	const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(value.trim());
	if (!match) throw new ConfigError(`--${flag} '${value}' is not a duration: use seconds like 2 or 1.5s, or 500ms`);
	const ms = match[2] === 'ms' ? Number(match[1]) : Number(match[1]) * 1000;
	if (ms < minMs || ms > maxMs) {
		throw new ConfigError(`--${flag} '${value}' is out of range: use ${minMs / 1000}s to ${maxMs / 1000}s`);
	}
	return Math.round(ms);
}

function parseStatsSource(value: string): StatsSource {
	if (value === 'auto' || value === 'cgroup' || value === 'api') return value;
	throw new ConfigError(`--stats '${value}' is not a stats source: use auto, cgroup or api`);
}

export function resolveSettings(flags: RawFlags, env: Record<string, string | undefined>): Settings {
	const host = flags.host ?? env['DOCKER_HOST'] ?? `unix://${defaultSocket}`;
	const endpoint = parseEndpoint(host);
	if (endpoint.kind === 'tcp' && env['DOCKER_TLS_VERIFY'] && !endpoint.tls) {
		endpoint.tls = true;
	}
	if (flags.json && !flags.once) throw new ConfigError('--json prints a snapshot: use it with --once (fleettop --once --json)');
	return {
		endpoint,
		intervalMs: parseDuration('interval', flags.interval ?? '1', 200, 60_000),
		callTimeoutMs: parseDuration('timeout', flags.timeout ?? '5', 500, 120_000),
		statsSource: parseStatsSource(flags.stats ?? 'auto'),
		once: flags.once ?? false,
		json: flags.json ?? false,
	};
}
