// A log printing tens of thousands of lines a second must not freeze the pane: past a rate,
// lines are counted instead of decoded, and the pane is told how many it did not get.

export interface FloodGate {
	/** Whether another line may be decoded now (taking it if so). */
	take(): boolean;
	/** Whether a line would be let through now, without taking one. */
	open(): boolean;
	/** Lines counted without being decoded. */
	skip(count: number): void;
	/** Lines skipped since the last call, then forgets them. */
	drainSkipped(): number;
}

const windowMs = 100;

/** `history`: lines let through whatever the rate (the tail asked for when attaching). */
export function createFloodGate(linesPerSecond: number, history = 0, now: () => number = Date.now): FloodGate {
	const perWindow = Math.max(1, Math.round((linesPerSecond * windowMs) / 1000));
	let windowStart = now();
	let used = 0;
	let extra = history;
	let skipped = 0;
	const roll = () => {
		const at = now();
		if (at - windowStart >= windowMs) {
			windowStart = at;
			used = 0;
		}
	};
	return {
		open() {
			roll();
			return extra > 0 || used < perWindow;
		},
		take() {
			if (extra > 0) return Boolean(extra--);
			roll();
			if (used >= perWindow) return false;
			used++;
			return true;
		},
		skip(count) {
			skipped += count;
		},
		drainSkipped() {
			const count = skipped;
			skipped = 0;
			return count;
		},
	};
}

/** Line ends in a buffer (from `start` to `end`), counted without decoding it. */
export function countLines(buffer: Buffer, start = 0, end = buffer.length): number {
	let count = 0;
	for (let at = buffer.indexOf(10, start); at !== -1 && at < end; at = buffer.indexOf(10, at + 1)) count++;
	return count;
}

/** The mark put where lines were skipped. */
export function skippedText(count: number, linesPerSecond: number): string {
	const number = (value: number) => value.toLocaleString('en-US').replace(/,/g, ' ');
	return `… ${number(count)} lines skipped: the log prints more than ${number(linesPerSecond)} a second …`;
}
