import measureText from './ink-measure-text.js';

// Ink asks the widest-line package for each text's width every frame, splitting and measuring
// every row again; the width is the one measureText remembers. The bundle puts this in place of
// widest-line for Ink (source/bundle/build.mjs).
export default function widestLine(text: string): number {
	return measureText(text).width;
}
