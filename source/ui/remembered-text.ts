import {frameCache} from './last-frame-cache.js';

// Ink works out the same things about the same texts every frame (how wide, which escapes to
// keep), though most rows do not change from one frame to the next. A function of a text,
// remembered while the frames use it: a row whose numbers change every second is a new text each
// time, and its old texts are let go a frame later. Kept any longer (up to thousands of texts for
// minutes), they were scattered through the old generation's pages and held them committed.

/** Past it a frame is taken as over: bounds the memory should frames never be counted. */
const defaultMaxKept = 5000;

export interface Remembered<T> {
	(text: string): T;
	/** How many texts the current frame has used so far (for tests). */
	kept(): number;
}

export function rememberedText<T>(compute: (text: string) => T, maxKept = defaultMaxKept): Remembered<T> {
	const memory = frameCache<T>();
	const remembered = (text: string): T => {
		const known = memory.get(text);
		if (known !== undefined) return known;
		const value = compute(text);
		if (memory.size >= maxKept) memory.nextFrame();
		memory.set(text, value);
		return value;
	};
	return Object.assign(remembered, {kept: () => memory.size});
}
