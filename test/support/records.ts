import type {ContainerDetails, ContainerRecord} from '../../source/domain/container.js';
import type {LogLine} from '../../source/domain/evidence.js';

// Hand-made records for rule tables: a failed container whose fields a case overrides.

export const tableNow = Date.parse('2026-11-22T12:00:00Z');

export function aRecord(overrides: Partial<ContainerRecord> = {}, details: Partial<ContainerDetails> = {}): ContainerRecord {
	return {
		key: `local/${overrides.id ?? 'c0ffee'}`,
		engine: 'local',
		id: 'c0ffee',
		name: 'app',
		image: 'app:1',
		state: 'exited',
		health: null,
		exitCode: 1,
		oomKilled: false,
		restartCount: 0,
		restartPolicy: 'no',
		createdAt: tableNow - 3_600_000,
		startedAt: tableNow - 60_000,
		finishedAt: tableNow - 30_000,
		project: null,
		service: null,
		networkMode: 'none',
		ports: [],
		memoryLimit: null,
		pid: null,
		inspected: true,
		details: {command: 'app', user: '', tty: false, error: '', mounts: [], healthcheck: null, healthLog: [], composeFiles: [], dependsOnLabel: '', ...details},
		exits: [],
		...overrides,
	};
}

/** Log lines as a container printed them: "err: text" for stderr, anything else stdout. */
export function logLines(...texts: string[]): LogLine[] {
	return texts.map((text) => (text.startsWith('err: ') ? {stream: 'stderr', text: text.slice(5), at: null} : {stream: 'stdout', text, at: null}));
}
