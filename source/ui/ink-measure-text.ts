import stringWidth from '../domain/fast-string-width.js';
import {rememberedText} from './remembered-text.js';

// Ink's own measureText remembers every text it has measured, for the life of the process: a row
// whose numbers change is a new text every second, so at 500 containers it grew by about a
// megabyte a minute. This gives the same answers (the widest line, the number of lines) and keeps
// a bounded number. The bundle puts it in place of Ink's (source/bundle/build.mjs).

type Dimensions = {width: number; height: number};

const measure = rememberedText((text): Dimensions => {
	const lines = text.split('\n');
	return {width: Math.max(...lines.map((line) => stringWidth(line))), height: lines.length};
});

export default function measureText(text: string): Dimensions {
	return text.length === 0 ? {width: 0, height: 0} : measure(text);
}

/** How many texts are remembered now (for tests). */
export function measuredTextsKept(): number {
	return measure.kept();
}
