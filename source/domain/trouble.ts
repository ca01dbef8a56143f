import type {ContainerRecord} from './container.js';

// How much a container needs the operator, so that trouble sorts first. A looping container
// reads `running` most of the time, so restarts with a failing last exit count as trouble too.

export type Tone = 'bad' | 'warn' | 'ok' | 'dim';

export function isRestartLooping(record: ContainerRecord): boolean {
	if (record.state === 'restarting') return true;
	return record.state === 'running' && record.restartCount > 0 && record.exitCode !== null && record.exitCode !== 0;
}

export function troubleLevel(record: ContainerRecord): number {
	if (record.state === 'dead' || isRestartLooping(record)) return 4;
	if (record.oomKilled || (record.state === 'exited' && record.exitCode !== 0)) return 3;
	if (record.health === 'unhealthy') return 3;
	if (record.state === 'created') return 2;
	if (record.state === 'paused' || record.state === 'removing' || record.state === 'exited') return 1;
	if (record.health === 'starting') return 1;
	return 0;
}

export function toneOf(record: ContainerRecord): Tone {
	const level = troubleLevel(record);
	if (level >= 3) return 'bad';
	if (level === 2 || record.state === 'paused' || record.health === 'starting') return 'warn';
	if (record.state === 'running') return 'ok';
	return 'dim';
}
