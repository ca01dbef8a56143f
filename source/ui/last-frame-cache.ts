/**
 * Keeps what the last frame used, and only that: what the next frame uses again costs nothing,
 * what it does not is dropped a frame later (an unchanged line stays; the old texts of a row whose
 * numbers change go at once: a cached line holds an object per character, and kept longer they
 * were most of fleettop's memory).
 */
export class LastFrameCache<V> {
	private current = new Map<string, V>();
	private previous = new Map<string, V>();

	get(key: string): V | undefined {
		const value = this.current.get(key);
		if (value !== undefined) return value;
		const kept = this.previous.get(key);
		if (kept !== undefined) this.current.set(key, kept);
		return kept;
	}

	set(key: string, value: V): this {
		this.current.set(key, value);
		return this;
	}

	nextFrame(): void {
		this.previous = this.current;
		this.current = new Map();
	}

	get size(): number {
		return this.current.size;
	}
}

const followingFrames = new Set<LastFrameCache<unknown>>();

/** A cache moved on by `nextInkFrame()`: the line cache's and the remembered texts' share one clock. */
export function frameCache<V>(): LastFrameCache<V> {
	const cache = new LastFrameCache<V>();
	followingFrames.add(cache);
	return cache;
}

/** Ink has drawn a frame (called by ink-line-cache): what it did not use goes after the next one. */
export function nextInkFrame(): void {
	for (const cache of followingFrames) cache.nextFrame();
}
