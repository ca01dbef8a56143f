import type {Listener} from '../domain/evidence.js';

// Who holds a port is read from the host only when a log says a port is taken or the ports view
// is open, and at most once per interval: a /proc fd scan is cheap, not free. An ask that comes
// too soon is kept for when the interval is up, so the last one is never lost.

export interface PortHolderReader {
	/** Reads now (settles when the read is in), or once the interval since the last read is up (settles at once). */
	read(): Promise<void>;
	stop(): void;
}

export function portHolderReader(options: {intervalMs: number; readListeners(): Promise<Listener[]>; publish(listeners: Listener[]): void}): PortHolderReader {
	let readAt = 0;
	let reading: Promise<void> | null = null;
	let trailing: NodeJS.Timeout | null = null;
	let stopped = false;
	const read = (): Promise<void> => {
		if (reading || stopped) return reading ?? Promise.resolve();
		const wait = readAt + options.intervalMs - Date.now();
		if (wait > 0) {
			trailing ??= setTimeout(() => {
				trailing = null;
				void read();
			}, wait);
			return Promise.resolve();
		}
		readAt = Date.now();
		reading = options
			.readListeners()
			.then((listeners) => {
				if (!stopped) options.publish(listeners);
			})
			.catch(() => undefined)
			.finally(() => (reading = null));
		return reading;
	};
	return {
		read,
		stop() {
			stopped = true;
			if (trailing) clearTimeout(trailing);
		},
	};
}
