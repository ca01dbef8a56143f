import type {ContainerRecord} from './container.js';
import type {Diagnosis} from './diagnosis/diagnose.js';

// How much a container needs the operator, so that trouble sorts first. Read from its diagnosis
// (loops come from die events, not from State, which reads `running` most of the time).

export type Tone = 'bad' | 'warn' | 'ok' | 'dim';

export function troubleLevel(record: ContainerRecord, diagnosis: Diagnosis | undefined): number {
	if (record.state === 'dead' || diagnosis?.loop.looping) return 4;
	if (diagnosis?.severity === 'critical') return 3;
	if (diagnosis?.severity === 'warning') return 2;
	if (record.state === 'paused' || record.state === 'removing' || record.state === 'exited') return 1;
	if (record.health === 'starting') return 1;
	return 0;
}

export function toneOf(record: ContainerRecord, diagnosis: Diagnosis | undefined): Tone {
	const level = troubleLevel(record, diagnosis);
	if (level >= 3) return 'bad';
	if (level === 2 || record.state === 'paused' || record.health === 'starting') return 'warn';
	if (record.state === 'running') return 'ok';
	return 'dim';
}
