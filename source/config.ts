// Flags and environment -> validated Settings. Pure: every bad value becomes a ConfigError whose
// message is one line telling the operator what to type instead.

import {stateDir} from './sources/state/state-dir.js';
import {parseSupervisorUrl} from './sources/supervisor/config.js';
import type {SupervisorEndpoint} from './sources/supervisor/transport.js';

export type Endpoint =
	| {kind: 'unix'; socketPath: string; label: string}
	| {kind: 'tcp'; host: string; port: number; tls: boolean; label: string};

export type StatsSource = 'auto' | 'cgroup' | 'api';

/** What fleettop was asked to do: watch (the UI, or --once), write an incident report, or restart a compose project in order. */
export type Command = 'watch' | 'report' | 'restart';

export interface Invocation {
	command: Command;
	/** `restart PROJECT`. */
	project: string | null;
}

export interface Settings {
	endpoint: Endpoint;
	intervalMs: number;
	/** Upper bound for every engine call that is not a stream. */
	callTimeoutMs: number;
	statsSource: StatsSource;
	once: boolean;
	json: boolean;
	command: Command;
	/** `report --output FILE`; null writes to stdout. */
	output: string | null;
	/** Restarts per hour above which a container counts as looping. */
	loopWarnPerHour: number;
	/** Availability (percent) below which the fleet raises a critical alert. */
	availabilityCritical: number;
	/** Host alerts: total CPU held above this for 5 minutes, memory used above this, 1-minute load per core above this. */
	cpuAlertPercent: number;
	memoryAlertPercent: number;
	loadAlertPerCore: number;
	/** No action at all: for watching a host one must not touch. */
	readOnly: boolean;
	/** Saved loop policies and the audit log live here ($XDG_STATE_HOME/fleettop). */
	stateDir: string;
	project: string | null;
	/** `restart --dry-run`: print the plan, change nothing. */
	dryRun: boolean;
	/** `restart --wait T`: how long each service may take to get ready. */
	waitMs: number;
	/** The host's supervisord, when given; else fleettop finds the one that runs. */
	supervisor: SupervisorEndpoint | null;
}

export interface RawFlags {
	host?: string;
	interval?: string;
	timeout?: string;
	stats?: string;
	once?: boolean;
	json?: boolean;
	output?: string;
	loopWarn?: string;
	availability?: string;
	readOnly?: boolean;
	cpuAlert?: string;
	memoryAlert?: string;
	loadAlert?: string;
	dryRun?: boolean;
	wait?: string;
	supervisor?: string;
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

/** A plain number within [min, max], for thresholds. */
export function parseNumber(flag: string, value: string, min: number, max: number): number {
	const number = Number(value.trim());
	if (value.trim() === '' || !Number.isFinite(number)) throw new ConfigError(`--${flag} '${value}' is not a number: use e.g. --${flag} ${min + 1}`);
	if (number < min || number > max) throw new ConfigError(`--${flag} '${value}' is out of range: use ${min} to ${max}`);
	return number;
}

export function parseCommand(input: string[]): Invocation {
	if (input.length === 0) return {command: 'watch', project: null};
	if (input.length === 1 && input[0] === 'report') return {command: 'report', project: null};
	if (input[0] === 'restart') {
		if (input.length !== 2 || !input[1]) throw new ConfigError('restart needs one compose project: fleettop restart PROJECT [--dry-run]');
		return {command: 'restart', project: input[1]};
	}
	throw new ConfigError(`unknown command '${input.join(' ')}': use fleettop, fleettop report or fleettop restart PROJECT (see fleettop --help)`);
}

function parseStatsSource(value: string): StatsSource {
	if (value === 'auto' || value === 'cgroup' || value === 'api') return value;
	throw new ConfigError(`--stats '${value}' is not a stats source: use auto, cgroup or api`);
}

export function resolveSettings(flags: RawFlags, env: Record<string, string | undefined>, invocation: Invocation = {command: 'watch', project: null}): Settings {
	const {command} = invocation;
	const host = flags.host ?? env['DOCKER_HOST'] ?? `unix://${defaultSocket}`;
	const endpoint = parseEndpoint(host);
	if (endpoint.kind === 'tcp' && env['DOCKER_TLS_VERIFY'] && !endpoint.tls) {
		endpoint.tls = true;
	}
	if (flags.json && !flags.once) throw new ConfigError('--json prints a snapshot: use it with --once (fleettop --once --json)');
	if (command === 'report' && (flags.once || flags.json)) throw new ConfigError('report writes Markdown: drop --once/--json (fleettop report [--output FILE])');
	if (flags.output !== undefined && command !== 'report') throw new ConfigError('--output is for reports: fleettop report --output FILE');
	if ((flags.dryRun || flags.wait !== undefined) && command !== 'restart') throw new ConfigError('--dry-run and --wait are for ordered restarts: fleettop restart PROJECT --dry-run');
	if (command === 'restart' && (flags.once || flags.json)) throw new ConfigError('restart prints its own progress: drop --once/--json');
	if (command === 'restart' && flags.readOnly && !flags.dryRun) throw new ConfigError('--read-only: fleettop restart would change containers; use --dry-run to see the plan');
	if (flags.output !== undefined && flags.output.trim() === '') throw new ConfigError('--output needs a file name: fleettop report --output incident.md');
	return {
		endpoint,
		intervalMs: parseDuration('interval', flags.interval ?? '1', 200, 60_000),
		callTimeoutMs: parseDuration('timeout', flags.timeout ?? '5', 500, 120_000),
		statsSource: parseStatsSource(flags.stats ?? 'auto'),
		once: flags.once ?? false,
		json: flags.json ?? false,
		command,
		output: flags.output ?? null,
		loopWarnPerHour: parseNumber('loop-warn', flags.loopWarn ?? '3', 0, 10_000),
		availabilityCritical: parseNumber('availability', flags.availability ?? '80', 0, 100),
		cpuAlertPercent: parseNumber('cpu-alert', flags.cpuAlert ?? '80', 1, 100),
		memoryAlertPercent: parseNumber('memory-alert', flags.memoryAlert ?? '90', 1, 100),
		loadAlertPerCore: parseNumber('load-alert', flags.loadAlert ?? '1.5', 0.01, 1000),
		readOnly: flags.readOnly ?? false,
		stateDir: stateDir(env),
		project: invocation.project,
		dryRun: flags.dryRun ?? false,
		waitMs: parseDuration('wait', flags.wait ?? '60', 1000, 3_600_000),
		supervisor: flags.supervisor === undefined ? null : parseSupervisorUrl(flags.supervisor),
	};
}
