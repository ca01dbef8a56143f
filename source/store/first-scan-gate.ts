// When the first /proc scan may start. A first scan reads every process's command line and cgroup
// (a quarter second of CPU for a thousand processes); started at once, it competes with the
// engine's list for the first frame, which is what the operator is waiting for. So the scan waits
// until a moment after the engine first answered (its list, or why it cannot), and never longer
// than a second after start. Later scans do not wait.

export interface FirstScanGate {
	/** Settles once the first scan may start. */
	opened: Promise<void>;
	/** The engine answered (listed its containers, or failed): the scan may start soon. */
	engineAnswered(): void;
	/** Nothing to wait for (a one-shot command wants the whole picture now). */
	openNow(): void;
	/** Clears the pending timer: a stopped connection leaves none. */
	stop(): void;
}

export interface GateClock {
	now(): number;
	setTimeout(run: () => void, ms: number): unknown;
	clearTimeout(timer: unknown): void;
}

const realClock: GateClock = {
	now: () => Date.now(),
	setTimeout: (run, ms) => setTimeout(run, ms),
	clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout),
};

export function firstScanGate({afterAnswerMs = 300, atMostMs = 1000} = {}, clock: GateClock = realClock): FirstScanGate {
	let open!: () => void;
	const opened = new Promise<void>((resolve) => (open = resolve));
	let isOpen = false;
	let timer: unknown = null;
	let dueAt = Number.POSITIVE_INFINITY;
	const clear = () => {
		if (timer !== null) clock.clearTimeout(timer);
		timer = null;
	};
	const openBy = (at: number) => {
		if (isOpen || at >= dueAt) return;
		clear();
		dueAt = at;
		timer = clock.setTimeout(gate.openNow, Math.max(0, at - clock.now()));
	};
	const gate: FirstScanGate = {
		opened,
		engineAnswered: () => openBy(clock.now() + afterAnswerMs),
		openNow() {
			clear();
			isOpen = true;
			open();
		},
		stop: clear,
	};
	openBy(clock.now() + atMostMs);
	return gate;
}
