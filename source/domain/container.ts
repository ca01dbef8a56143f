// The engine-neutral picture of one container: what every pane, the snapshot and the rules read.

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';
export type Health = 'healthy' | 'unhealthy' | 'starting';

export interface ContainerRecord {
	/** `${engine}/${id}`: unique across a fleet of engines. */
	key: string;
	engine: string;
	id: string;
	name: string;
	image: string;
	state: ContainerState;
	health: Health | null;
	/** Last known exit code: from inspect once stopped, from `die` events while a loop runs it again. */
	exitCode: number | null;
	oomKilled: boolean;
	restartCount: number;
	restartPolicy: string;
	createdAt: number;
	startedAt: number | null;
	finishedAt: number | null;
	project: string | null;
	service: string | null;
	networkMode: string;
	ports: string[];
	/** HostConfig.Memory in bytes; null when the container has no limit. */
	memoryLimit: number | null;
	pid: number | null;
	/** True once a full inspect has filled the fields a list reply lacks. */
	inspected: boolean;
	/** What an inspect adds for diagnosis and the detail view; null until inspected. */
	details: ContainerDetails | null;
	/** `die` events seen for this container, oldest first (bounded): the loop's history. */
	exits: ExitEvent[];
}

export interface ExitEvent {
	at: number;
	code: number;
}

export interface HealthProbe {
	at: number;
	exitCode: number;
	output: string;
}

export interface Mount {
	source: string;
	destination: string;
	readOnly: boolean;
}

export interface ContainerDetails {
	/** Entrypoint and command as one line. */
	command: string;
	user: string;
	tty: boolean;
	/** State.Error: the engine's own reason, e.g. a failed exec or a port already allocated. */
	error: string;
	mounts: Mount[];
	/** Config.Healthcheck.Test, e.g. ["CMD", "true"]; null without a health check. */
	healthcheck: string[] | null;
	healthLog: HealthProbe[];
	/** Compose files named in the labels, to read depends_on from. */
	composeFiles: string[];
	/** Compose v2's com.docker.compose.depends_on label, e.g. "db:service_healthy:false". */
	dependsOnLabel: string;
}

export interface ContainerStats {
	/** Percent of one core, as `docker stats` shows it. */
	cpuPercent: number;
	/** Usage minus inactive file cache, as `docker stats` computes it. */
	memoryBytes: number;
	memoryLimitBytes: number;
	pids: number | null;
	sampledAt: number;
}

/** Whether the container has a process now: the ones with stats, uptime and a cgroup. */
export function hasProcess(record: ContainerRecord): boolean {
	return record.state === 'running' || record.state === 'paused';
}

export function containerKey(engine: string, id: string): string {
	return `${engine}/${id}`;
}

/** Container names by full id: to name the container a process, a socket or a zombie belongs to. */
export function namesById(records: Iterable<ContainerRecord>): Map<string, string> {
	return new Map([...records].map((record) => [record.id, record.name]));
}
