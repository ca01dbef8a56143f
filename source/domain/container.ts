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
