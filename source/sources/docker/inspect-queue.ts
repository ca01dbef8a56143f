// Inspects requested by events, coalesced per container and run a few at a time: a burst of
// 60 `die` events becomes at most 60 inspects, never 60 concurrent ones or repeats.

export interface InspectQueue {
	request(id: string): void;
	clear(): void;
}

export function createInspectQueue(run: (id: string) => Promise<void>, concurrency = 4, delayMs = 100): InspectQueue {
	const waiting = new Set<string>();
	let active = 0;
	let timer: NodeJS.Timeout | null = null;

	const pump = () => {
		timer = null;
		for (const id of waiting) {
			if (active >= concurrency) return;
			waiting.delete(id);
			active++;
			void run(id).finally(() => {
				active--;
				if (waiting.size > 0) pump();
			});
		}
	};

	return {
		request(id) {
			waiting.add(id);
			timer ??= setTimeout(pump, delayMs);
		},
		clear() {
			waiting.clear();
			if (timer) clearTimeout(timer);
			timer = null;
		},
	};
}
