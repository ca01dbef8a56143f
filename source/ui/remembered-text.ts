// Ink works out the same things about the same texts every frame (how wide, which escapes to
// keep), though most rows do not change from one frame to the next. A function of a text,
// remembered: at most `maxKept` texts, so that rows whose numbers change every second (a new text
// each time) do not pile up for the life of the process.

/** Several screens' worth of texts; past it the memory starts over. */
const defaultMaxKept = 5000;

export interface Remembered<T> {
	(text: string): T;
	/** How many texts are remembered now (for tests). */
	kept(): number;
}

export function rememberedText<T>(compute: (text: string) => T, maxKept = defaultMaxKept): Remembered<T> {
	const kept = new Map<string, T>();
	const remembered = (text: string): T => {
		const known = kept.get(text);
		if (known !== undefined) return known;
		const value = compute(text);
		if (kept.size >= maxKept) kept.clear();
		kept.set(text, value);
		return value;
	};
	return Object.assign(remembered, {kept: () => kept.size});
}
