import {appendFile, mkdir} from 'node:fs/promises';
import {hostname, userInfo} from 'node:os';
import {dirname} from 'node:path';

// Every action, appended as one JSON line: who did what to which container, and how it went.

export interface AuditEntry {
	engine: string;
	container: string;
	containerId: string;
	action: string;
	outcome: 'ok' | 'failed';
	message: string;
	durationMs: number;
}

export type AuditLog = (entry: AuditEntry) => Promise<void>;

function currentUser(): string {
	try {
		return userInfo().username;
	} catch {
		return String(process.getuid?.() ?? 'unknown');
	}
}

export function auditLogAt(file: string): AuditLog {
	const user = currentUser();
	const host = hostname();
	return async (entry) => {
		await mkdir(dirname(file), {recursive: true});
		await appendFile(file, `${JSON.stringify({time: new Date().toISOString(), user, host, ...entry})}\n`);
	};
}
