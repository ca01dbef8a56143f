import type {AuditEntry, AuditLog} from '../sources/state/audit-log.js';
import {pushNotice} from './actions.js';
import type {FleetStore} from './fleet-store.js';

// Every action fleettop takes is written to the audit log with its outcome, success or not; a log
// that cannot be written is a notice, never a reason for the action to fail.

export type Audited = (entry: Pick<AuditEntry, 'container' | 'containerId' | 'action'>, work: () => Promise<string>) => Promise<string>;

export function auditedActions(store: FleetStore, audit: AuditLog, engine: string, stateDir: string): Audited {
	return async (entry, work) => {
		const startedAt = Date.now();
		let outcome: AuditEntry['outcome'] = 'ok';
		let message = '';
		try {
			message = await work();
			return message;
		} catch (error) {
			outcome = 'failed';
			message = (error as Error).message;
			throw error;
		} finally {
			await audit({engine, ...entry, outcome, message, durationMs: Date.now() - startedAt}).catch((error: Error) =>
				pushNotice(store, `audit log not written (${error.message.split('\n')[0]}): check ${stateDir}`, 'warning'),
			);
		}
	};
}
