// Work per container (inspects after events, log reads for evidence), coalesced per id and run a
// few at a time: a burst of 60 `die` events becomes at most 60 calls, never 60 concurrent ones.

export interface CoalescingQueue {
	request(id: string): void;
	clear(): void;
	/** Resolves once nothing is waiting or running. */
	idle(): Promise<void>;
}

export function createCoalescingQueue(run: (id: string) => Promise<void>, concurrency = 4, delayMs = 100): CoalescingQueue {
	const waiting = new Set<string>();
	let active = 0;
	let timer: NodeJS.Timeout | null = null;
	let idleWaiters: Array<() => void> = [];
	const settle = () => {
		if (waiting.size > 0 || active > 0) return;
		for (const resolve of idleWaiters) resolve();
		idleWaiters = [];
	};

	const pump = () => {
		timer = null;
		for (const id of waiting) {
			if (active >= concurrency) return;
			waiting.delete(id);
			active++;
			void run(id).finally(() => {
				active--;
				if (waiting.size > 0) pump();
				else settle();
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
			settle();
		},
		idle() {
			return new Promise<void>((resolve) => {
				idleWaiters.push(resolve);
				settle();
			});
		},
	};
}
