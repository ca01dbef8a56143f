import type {ContainerInfo, ContainerInspectInfo} from 'dockerode';
import {containerKey, type ContainerDetails, type ContainerRecord, type ContainerState, type ExitEvent, type Health} from '../../domain/container.js';
import {sanitizeText} from '../../domain/sanitize.js';

// Docker's payloads -> ContainerRecord. A list reply is cheap and arrives first (the screen fills
// at once); an inspect fills in what a list lacks (exit code, restart count, policy, limits).

const states = new Set<ContainerState>(['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead']);

function toState(value: string | undefined): ContainerState {
	const state = (value ?? '').toLowerCase() as ContainerState;
	return states.has(state) ? state : 'dead';
}

function toHealth(value: string | undefined): Health | null {
	return value === 'healthy' || value === 'unhealthy' || value === 'starting' ? value : null;
}

/** Docker writes "0001-01-01T00:00:00Z" for "never". */
function toTime(value: string | undefined): number | null {
	if (!value || value.startsWith('0001-')) return null;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? null : ms;
}

function label(labels: Record<string, string> | undefined, name: string): string | null {
	const value = labels?.[name];
	return value ? sanitizeText(value) : null;
}

function cleanName(name: string | undefined, id: string): string {
	return sanitizeText((name ?? '').replace(/^\//, '')) || id.slice(0, 12);
}

/** "Exited (137) 2 minutes ago" / "Up 5 seconds (unhealthy)" -> the parts a list reply hides there. */
export function parseStatusText(status: string): {exitCode: number | null; health: Health | null} {
	const exit = /\((\d+)\)/.exec(status);
	const health = /\((?:health: )?(healthy|unhealthy|starting)\)/.exec(status);
	return {exitCode: exit ? Number(exit[1]) : null, health: toHealth(health?.[1])};
}

export function recordFromList(engine: string, item: ContainerInfo): ContainerRecord {
	const {exitCode, health} = parseStatusText(item.Status ?? '');
	const ports = (item.Ports ?? [])
		.filter((port) => port.PublicPort)
		.map((port) => `${port.IP ? `${port.IP}:` : ''}${port.PublicPort}->${port.PrivatePort}/${port.Type}`);
	return {
		key: containerKey(engine, item.Id),
		engine,
		id: item.Id,
		name: cleanName(item.Names?.[0], item.Id),
		image: sanitizeText(item.Image ?? ''),
		state: toState(item.State),
		health,
		exitCode,
		oomKilled: false,
		restartCount: 0,
		restartPolicy: '',
		createdAt: (item.Created ?? 0) * 1000,
		startedAt: null,
		finishedAt: null,
		project: label(item.Labels, 'com.docker.compose.project'),
		service: label(item.Labels, 'com.docker.compose.service'),
		networkMode: sanitizeText(item.HostConfig?.NetworkMode ?? ''),
		ports: [...new Set(ports)],
		memoryLimit: null,
		pid: null,
		inspected: false,
		details: null,
		exits: [],
	};
}

function portsFromInspect(info: ContainerInspectInfo): string[] {
	const bindings = info.NetworkSettings?.Ports ?? {};
	const ports: string[] = [];
	for (const [containerPort, hostBindings] of Object.entries(bindings)) {
		for (const binding of hostBindings ?? []) {
			if (binding.HostPort) ports.push(`${binding.HostIp ? `${binding.HostIp}:` : ''}${binding.HostPort}->${containerPort}`);
		}
	}
	return [...new Set(ports)];
}

function restartPolicy(info: ContainerInspectInfo): string {
	const policy = info.HostConfig?.RestartPolicy;
	if (!policy?.Name) return 'no';
	return policy.Name === 'on-failure' && policy.MaximumRetryCount ? `on-failure:${policy.MaximumRetryCount}` : policy.Name;
}

const maxHealthOutput = 300;

function detailsFromInspect(info: ContainerInspectInfo): ContainerDetails {
	const labels = info.Config?.Labels ?? {};
	const test = info.Config?.Healthcheck?.Test;
	const configFiles = labels['com.docker.compose.project.config_files'] ?? '';
	const workingDir = labels['com.docker.compose.project.working_dir'] ?? '';
	return {
		command: sanitizeText([info.Path, ...(info.Args ?? [])].filter(Boolean).join(' ')),
		user: sanitizeText(info.Config?.User ?? ''),
		tty: Boolean(info.Config?.Tty),
		error: sanitizeText(info.State?.Error ?? ''),
		mounts: (info.Mounts ?? []).map((mount) => ({
			source: sanitizeText(mount.Source ?? mount.Name ?? ''),
			destination: sanitizeText(mount.Destination ?? ''),
			readOnly: mount.RW === false,
		})),
		healthcheck: test && test.length > 0 && test[0] !== 'NONE' ? test.map(sanitizeText) : null,
		healthLog: (info.State?.Health?.Log ?? []).map((probe) => ({
			at: toTime(probe.End) ?? 0,
			exitCode: probe.ExitCode,
			output: sanitizeText(probe.Output ?? '').trim().slice(0, maxHealthOutput),
		})),
		// Compose writes paths relative to its working directory when given relative ones.
		composeFiles: configFiles
			.split(',')
			.filter(Boolean)
			.map((file) => (file.startsWith('/') || !workingDir ? file : `${workingDir}/${file}`)),
		dependsOnLabel: labels['com.docker.compose.depends_on'] ?? '',
	};
}

/**
 * `exits` are the `die` events seen for this container: Docker resets State.ExitCode to 0 when a
 * loop starts the container again, so the last of them is the exit code of the run before.
 */
export function recordFromInspect(engine: string, info: ContainerInspectInfo, exits: ExitEvent[] = []): ContainerRecord {
	const state = toState(info.State?.Status);
	const stopped = state === 'exited' || state === 'dead' || state === 'restarting';
	const labels = info.Config?.Labels ?? {};
	return {
		key: containerKey(engine, info.Id),
		engine,
		id: info.Id,
		name: cleanName(info.Name, info.Id),
		image: sanitizeText(info.Config?.Image ?? info.Image ?? ''),
		state,
		health: toHealth(info.State?.Health?.Status),
		exitCode: stopped ? (info.State?.ExitCode ?? null) : (exits.at(-1)?.code ?? null),
		oomKilled: Boolean(info.State?.OOMKilled),
		restartCount: info.RestartCount ?? 0,
		restartPolicy: restartPolicy(info),
		createdAt: toTime(info.Created) ?? 0,
		startedAt: toTime(info.State?.StartedAt),
		finishedAt: toTime(info.State?.FinishedAt),
		project: label(labels, 'com.docker.compose.project'),
		service: label(labels, 'com.docker.compose.service'),
		networkMode: sanitizeText(info.HostConfig?.NetworkMode ?? ''),
		ports: portsFromInspect(info),
		memoryLimit: info.HostConfig?.Memory ? info.HostConfig.Memory : null,
		pid: info.State?.Pid ? info.State.Pid : null,
		inspected: true,
		details: detailsFromInspect(info),
		exits,
	};
}
