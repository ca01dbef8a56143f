import type {LogEntry} from '../domain/log-entry.js';
import {isErrorLine} from '../domain/log-pattern.js';
import {subjectId, subjectKeys} from '../domain/log-subject.js';
import type {EngineWatcher} from '../sources/docker/engine-watcher.js';
import type {FleetStore} from './fleet-store.js';
import {sanitizeText} from '../domain/sanitize.js';
import type {SupervisorClient} from '../sources/supervisor/client.js';
import {logCapacity, type LogBatch} from './log-buffer.js';

// Logs are followed only while the pane shows them: a new subject closes the old streams first,
// so no socket outlives its view.

export type QueueLog = (subject: string, entries: LogEntry[], extra?: Partial<LogBatch>) => void;

/** History per container: enough to fill the buffer once between them all. */
function tailFor(count: number, trouble: boolean): number {
	return trouble || count === 1 ? 200 : Math.min(200, Math.max(20, Math.floor(logCapacity / count)));
}

/** How often a program's output is read again: supervisord keeps it, nothing streams it. */
export const programLogEveryMs = 2000;
const programTailBytes = 16_000;

/**
 * A supervisord program's stdout, then its stderr (supervisord keeps them apart, with no times:
 * they cannot be put in one order), read again every 2 s while shown.
 */
function followProgram(client: SupervisorClient | null, target: string, deliver: (entries: LogEntry[], error?: string) => void): () => void {
	let last = '';
	const read = async () => {
		if (!client) return deliver([], 'that supervisord is gone');
		try {
			const [stdout, stderr] = await Promise.all([client.tail(target, 'stdout', programTailBytes), client.tail(target, 'stderr', programTailBytes)]);
			if (stdout + '\0' + stderr === last) return;
			last = stdout + '\0' + stderr;
			const lines = (text: string, stream: 'stdout' | 'stderr'): LogEntry[] => text.split('\n').filter(Boolean).map((line) => ({kind: 'line', stream, text: sanitizeText(line), at: null}));
			deliver([{kind: 'separator', text: '— stdout —', at: null}, ...lines(stdout, 'stdout'), {kind: 'separator', text: '— stderr —', at: null}, ...lines(stderr, 'stderr')]);
		} catch (error) {
			deliver([], (error as Error).message);
		}
	};
	void read();
	const timer = setInterval(read, programLogEveryMs);
	return () => clearInterval(timer);
}

export function followLogSubjects(store: FleetStore, watcher: EngineWatcher, queue: QueueLog, supervisorClient: (id: string) => SupervisorClient | null = () => null): () => void {
	let current: {id: string; stop(): void} | null = null;
	const sync = () => {
		const {view, containers} = store.getState();
		const subject = view.overlay === 'logs' ? (view.log?.subject ?? null) : null;
		const id = subject ? subjectId(subject) : null;
		if (current?.id === id) return;
		current?.stop();
		current = null;
		if (!subject || !id) return;
		if (subject.kind === 'program') {
			const stop = followProgram(supervisorClient(subject.supervisor), subject.target, (entries, error) => {
				// Each reading is the whole tail again: it replaces what was shown.
				if (current?.id === id) queue(id, entries, {reset: entries.length > 0, ...(error ? {error} : {})});
			});
			current = {id, stop};
			return;
		}
		const several = subject.kind !== 'container';
		const trouble = subject.kind === 'trouble';
		const records = subjectKeys(subject).flatMap((key) => (containers[key] ? [containers[key]] : []));
		queue(id, [], {reset: true, interleave: several});
		const live = () => current?.id === id;
		const followers = records.map((record) => {
			const keep = (entry: LogEntry) => !trouble || entry.kind === 'separator' || isErrorLine(entry.text);
			return watcher.followLogs(
				{id: record.id, tty: Boolean(record.details?.tty), tail: tailFor(records.length, trouble)},
				(entries) => {
					const kept = entries.filter(keep).map((entry) => (several ? {...entry, source: record.name} : entry));
					if (live() && kept.length > 0) queue(id, kept, {interleave: several});
				},
				(message) => live() && queue(id, [], {error: several ? `${record.name}: ${message}` : message}),
			);
		});
		current = {id, stop: () => followers.forEach((follower) => follower.stop())};
	};
	const unsubscribe = store.subscribe(sync);
	return () => {
		unsubscribe();
		current?.stop();
		current = null;
	};
}
