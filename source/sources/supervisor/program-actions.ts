import type {SupervisorClient} from './client.js';
import {SupervisorError} from './transport.js';

export type ProgramAction = 'start' | 'stop' | 'restart';

/** supervisord has no restart call: stop (a program already down is fine), then start. */
export async function runProgramAction(client: SupervisorClient, target: string, action: ProgramAction): Promise<string> {
	if (action !== 'start') {
		await client.stop(target).catch((error: unknown) => {
			if (!(action === 'restart' && error instanceof SupervisorError && /NOT_RUNNING/.test(error.message))) throw error;
		});
	}
	if (action !== 'stop') await client.start(target);
	return `${target}: ${action === 'stop' ? 'stopped' : action === 'start' ? 'started' : 'restarted'}`;
}
