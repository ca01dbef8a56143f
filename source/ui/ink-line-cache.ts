import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

// Ink builds every frame from scratch: each line of text is split into one object per character
// with its styles, for the whole screen, even when only one number changed. At 160×50 that is
// ~25 ms a frame on a 2-core VM, most of fleettop's CPU when idle and most of a key's wait. The
// per-frame caches Ink already keeps for this (keyed by the line's text) are made to outlive the
// frame, so unchanged lines cost nothing. Ink does not export its Output class: it is reached by
// its file, and left alone when its shape is not the one this was written against (Ink 6.8).

interface OutputCaches {
	widths: Map<string, number>;
	blockWidths: Map<string, number>;
	styledChars: Map<string, unknown>;
}

interface OutputPrototype {
	get(this: {caches: OutputCaches}): unknown;
}

/** Lines kept; a full screen is ~60 lines, a log flood brings new ones every frame. */
const maxLines = 2000;

/** The bundle maps `ink-output` to the copy of Ink inside it (source/bundle/build.mjs); unbundled, the file sits next to Ink's entry. */
async function inkOutputModule(): Promise<{default?: {prototype: OutputPrototype}}> {
	try {
		return (await import('ink-output')) as {default?: {prototype: OutputPrototype}};
	} catch {
		const inkEntry = fileURLToPath(import.meta.resolve('ink'));
		return import(pathToFileURL(join(dirname(inkEntry), 'output.js')).href);
	}
}

export async function keepInkLinesAcrossFrames(): Promise<boolean> {
	try {
		const prototype = (await inkOutputModule()).default?.prototype;
		if (!prototype || typeof prototype.get !== 'function') return false;
		const get = prototype.get;
		let shared: OutputCaches | null = null;
		prototype.get = function (this: {caches: OutputCaches}) {
			const caches = this.caches;
			if (!(caches?.styledChars instanceof Map && caches.widths instanceof Map && caches.blockWidths instanceof Map)) return get.call(this);
			shared ??= caches;
			if (shared.styledChars.size > maxLines || shared.widths.size > maxLines * 4) {
				shared.styledChars.clear();
				shared.widths.clear();
				shared.blockWidths.clear();
			}
			this.caches = shared;
			return get.call(this);
		};
		return true;
	} catch {
		return false;
	}
}
