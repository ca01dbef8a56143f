import {logFileName, logFileText} from '../domain/log-file-text.js';
import {subjectTitle} from '../domain/log-subject.js';
import {writeLogFile} from '../sources/state/log-file.js';
import {pushNotice} from './actions.js';
import type {FleetStore} from './fleet-store.js';

/** The title of the open log, names from the store. */
export function openLogTitle(store: FleetStore): string | null {
	const {view, containers} = store.getState();
	return view.log ? subjectTitle(view.log.subject, (key) => containers[key]?.name ?? key.slice(0, 12)) : null;
}

/** `s` in the log pane: the buffer to a file in `dir`, and a notice saying where (or why not). */
export function createLogSaver(store: FleetStore, dir: string): () => Promise<void> {
	return async () => {
		const title = openLogTitle(store);
		const entries = store.getState().logs?.entries ?? [];
		if (!title || entries.length === 0) return pushNotice(store, 'nothing to save yet', 'warning');
		const now = Date.now();
		try {
			const path = await writeLogFile(dir, logFileName(title, now), logFileText(entries, title, now));
			pushNotice(store, `saved ${entries.length} lines to ${path}`, 'ok');
		} catch (error) {
			pushNotice(store, `could not save the log: ${(error as Error).message.split('\n')[0]}`, 'critical');
		}
	};
}
