import type {LogEntry} from '../domain/log-entry.js';
import {isErrorLine} from '../domain/log-pattern.js';
import {subjectId, subjectKeys} from '../domain/log-subject.js';
import type {EngineWatcher} from '../sources/docker/engine-watcher.js';
import type {FleetStore} from './fleet-store.js';
import {logCapacity, type LogBatch} from './log-buffer.js';

// Logs are followed only while the pane shows them: a new subject closes the old streams first,
// so no socket outlives its view.

export type QueueLog = (subject: string, entries: LogEntry[], extra?: Partial<LogBatch>) => void;

/** History per container: enough to fill the buffer once between them all. */
function tailFor(count: number, trouble: boolean): number {
	return trouble || count === 1 ? 200 : Math.min(200, Math.max(20, Math.floor(logCapacity / count)));
}

export function followLogSubjects(store: FleetStore, watcher: EngineWatcher, queue: QueueLog): () => void {
	let current: {id: string; stop(): void} | null = null;
	const sync = () => {
		const {view, containers} = store.getState();
		const subject = view.overlay === 'logs' ? (view.log?.subject ?? null) : null;
		const id = subject ? subjectId(subject) : null;
		if (current?.id === id) return;
		current?.stop();
		current = null;
		if (!subject || !id) return;
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
