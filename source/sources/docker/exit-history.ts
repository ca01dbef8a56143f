import type {ExitEvent} from '../../domain/container.js';

// The `die` events of each container, oldest first: how fast it loops and with which exit codes.
// Docker keeps no such history (RestartCount is a bare number, State.ExitCode is reset on every
// start), so it is read from the events stream, and from the engine's recent events at connect.

export const exitHistoryLimit = 60;

export interface ExitHistory {
	add(key: string, exit: ExitEvent): void;
	/** A copy, so that records holding it stay unchanged when more exits arrive. */
	of(key: string): ExitEvent[];
	forget(key: string): void;
}

export function createExitHistory(limit = exitHistoryLimit): ExitHistory {
	const byKey = new Map<string, ExitEvent[]>();
	return {
		add(key, exit) {
			const exits = byKey.get(key) ?? [];
			// A resubscription with `since` may replay an event already seen.
			if (exits.some((known) => known.at === exit.at && known.code === exit.code)) return;
			exits.push(exit);
			exits.sort((a, b) => a.at - b.at);
			if (exits.length > limit) exits.splice(0, exits.length - limit);
			byKey.set(key, exits);
		},
		of: (key) => [...(byKey.get(key) ?? [])],
		forget: (key) => void byKey.delete(key),
	};
}
