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
		const value = this.current.get(key) ?? this.previous.get(key);
		if (value !== undefined) this.current.set(key, value);
		return value;
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
