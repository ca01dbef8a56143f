import stringWidth from 'string-width';

// Ink's own measureText remembers every text it has measured, for the life of the process: a row
// whose numbers change is a new text every second, so at 500 containers it grew by about a
// megabyte a minute. This gives the same answers (the widest line, the number of lines) and keeps
// at most `maxKept`. The bundle puts it in place of Ink's (source/bundle/build.mjs).

type Dimensions = {width: number; height: number};

/** Several screens' worth of texts; past it the cache starts over. */
const maxKept = 5000;
const kept = new Map<string, Dimensions>();

export default function measureText(text: string): Dimensions {
	if (text.length === 0) return {width: 0, height: 0};
	const known = kept.get(text);
	if (known) return known;
	const lines = text.split('\n');
	const dimensions = {width: Math.max(...lines.map((line) => stringWidth(line))), height: lines.length};
	if (kept.size >= maxKept) kept.clear();
	kept.set(text, dimensions);
	return dimensions;
}

/** How many texts are remembered now (for tests). */
export function measuredTextsKept(): number {
	return kept.size;
}
