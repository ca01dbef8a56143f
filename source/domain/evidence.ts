// What the sources gather for diagnosis, in engine-neutral shapes the rules read.

export type LogStream = 'stdout' | 'stderr';

export interface LogLine {
	stream: LogStream;
	/** Already sanitized: no control sequences. */
	text: string;
	at: number | null;
}

/** A listening socket on the host, with the process that holds it when it can be found. */
export interface Listener {
	protocol: 'tcp' | 'tcp6' | 'udp' | 'udp6';
	address: string;
	port: number;
	holder: SocketHolder | null;
}

export interface SocketHolder {
	pid: number;
	command: string;
	user: string;
	/** Full id of the container whose cgroup the process is in; null for a host process. */
	containerId: string | null;
}

export interface ComposeService {
	dependsOn: Array<{service: string; condition: string}>;
	profiles: string[];
}

/** A compose project as its files define it (not as its containers show it). */
export interface ComposeProject {
	name: string;
	files: string[];
	services: Record<string, ComposeService>;
	/** Why the files could not be read, when they could not. */
	error: string | null;
}

/** Per container: the tail of the run that died last (read once per exit). */
export interface ContainerEvidence {
	/** State.FinishedAt of the run these lines belong to: read again when it changes. */
	finishedAt: number | null;
	lines: LogLine[];
	error: string | null;
}
