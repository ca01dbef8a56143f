import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {ansiCodesToString, diffAnsiCodes, reduceAnsiCodesIncremental, tokenize, type AnsiCode, type StyledChar, type Token} from '@alcalzone/ansi-tokenize';
import sliceAnsi from 'slice-ansi';
import {frameCache, nextInkFrame, type LastFrameCache} from './last-frame-cache.js';

// Ink builds every frame from scratch: each line of text is split into one object per character
// with its styles, written into a grid of the whole screen, and each row of the grid is turned
// back into text, even when only one number changed. At 160×50 that was ~25 ms and 11 MB of
// garbage a frame on a 2-core VM: most of fleettop's CPU when idle and most of a key's wait.
// Here a frame is assembled the same way, with what Ink's own caches compute kept from one frame
// to the next, and each row's text remembered when one line alone makes it (nearly every row):
// unchanged rows cost nothing, and a changed one is tokenized only where it changed. Ink does not
// export its Output class: it is reached by its file, and left alone when its shape is not the one
// this was written against (Ink 6.8). Tests draw the same screens with and without this.

/** The part of Map that Ink's caches use. */
interface Cache<V> {
	get(key: string): V | undefined;
	set(key: string, value: V): unknown;
}

interface OutputCaches {
	widths: Cache<number>;
	blockWidths: Cache<number>;
	styledChars: Cache<StyledChar[]>;
	getStyledChars(line: string): StyledChar[];
	getStringWidth(text: string): number;
	getWidestLine(text: string): number;
}

type Clip = {x1?: number; x2?: number; y1?: number; y2?: number};
type Operation = {type: 'write'; x: number; y: number; text: string; transformers: Array<(line: string, index: number) => string>} | {type: 'clip'; clip: Clip} | {type: 'unclip'};

interface InkOutput {
	width: number;
	height: number;
	operations: Operation[];
	caches: OutputCaches;
}

interface OutputPrototype {
	get(this: InkOutput): {output: string; height: number};
}

/** Where each line of text lands, as Ink's Output.get places it (clips and transformers applied); null when two land on one row. */
function placeLines(output: InkOutput): Map<number, {x: number; line: string}> | null {
	const rows = new Map<number, {x: number; line: string}>();
	const clips: Clip[] = [];
	for (const operation of output.operations) {
		if (operation.type === 'clip') clips.push(operation.clip);
		if (operation.type === 'unclip') clips.pop();
		if (operation.type !== 'write') continue;
		const {text, transformers} = operation;
		let {x, y} = operation;
		let lines = text.split('\n');
		const clip = clips.at(-1);
		if (clip) {
			const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
			const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
			if (clipHorizontally) {
				const width = output.caches.getWidestLine(text);
				if (x + width < clip.x1! || x > clip.x2!) continue;
			}
			if (clipVertically && (y + lines.length < clip.y1! || y > clip.y2!)) continue;
			if (clipHorizontally) {
				lines = lines.map((line) => {
					const from = x < clip.x1! ? clip.x1! - x : 0;
					const width = output.caches.getStringWidth(line);
					const to = x + width > clip.x2! ? clip.x2! - x : width;
					return sliceAnsi(line, from, to);
				});
				if (x < clip.x1!) x = clip.x1!;
			}
			if (clipVertically) {
				const from = y < clip.y1! ? clip.y1! - y : 0;
				const to = y + lines.length > clip.y2! ? clip.y2! - y : lines.length;
				lines = lines.slice(from, to);
				if (y < clip.y1!) y = clip.y1!;
			}
		}
		// As in Ink, a line with no row to land on (off the screen) keeps the next one from moving down.
		let offsetY = 0;
		for (const [index, original] of lines.entries()) {
			const row = y + offsetY;
			if (!Number.isInteger(row) || row < 0 || row >= output.height) continue;
			if (rows.has(row)) return null;
			rows.set(row, {x, line: transformers.reduce((line, transformer) => transformer(line, index), original)});
			offsetY++;
		}
	}
	return rows;
}

/**
 * A line's tokens (characters and style codes), as @alcalzone/ansi-tokenize makes them, from
 * pieces remembered across frames. The tokenizer walks the line grapheme by grapheme through
 * Intl.Segmenter, an object per character; a changed row differs from the one before in a
 * number or two. The line is cut before each SGR sequence ("ESC ["): a grapheme never spans an
 * escape, and an SGR sequence holds no other, so the pieces' tokens are the line's. A line with
 * an OSC sequence (a link, which may end in "ESC \\") or a C1 introducer is tokenized whole.
 * Pieces are kept while the last frame used them: a row that changes every second finds all but
 * the changed ones.
 */
function tokenPieces(line: string, kept: LastFrameCache<Token[]>): Token[][] {
	if (line.includes('\u001B]') || line.includes('\u009B')) return [tokenize(line)];
	const pieces: Token[][] = [];
	for (let from = 0; from < line.length; ) {
		const next = line.indexOf('\u001B[', from + 1);
		const to = next === -1 ? line.length : next;
		const piece = line.slice(from, to);
		let tokens = kept.get(piece);
		if (tokens === undefined) kept.set(piece, (tokens = tokenize(piece)));
		pieces.push(tokens);
		from = to;
	}
	return pieces;
}

const sameCodes = (a: AnsiCode[], b: AnsiCode[]) => a === b || (a.length === b.length && a.every((code, index) => code.code === b[index]!.code && code.endCode === b[index]!.endCode));

const noCodes: AnsiCode[] = [];

/**
 * One row of the screen holding one line at x, as Ink makes it: a grid of cells, each a character
 * and its styles, turned back into text with the codes that get from each cell's styles to the
 * next one's (styledCharsToString). Here the cells are two arrays, not an object each, and cells
 * under the same styles share one array of them; Ink works out the codes between two cells with
 * three Sets for every pair, most of its garbage a frame, where between equal styles they are
 * always none.
 */
function rowText(caches: OutputCaches, pieces: LastFrameCache<Token[]>, width: number, x: number, line: string): string {
	const values: Array<string | undefined> = new Array<string>(width).fill(' ');
	const styles: AnsiCode[][] = new Array<AnsiCode[]>(width).fill(noCodes);
	let codes = noCodes;
	let offsetX = x;
	for (const piece of tokenPieces(line, pieces)) {
		for (const token of piece) {
			if (token.type === 'ansi') {
				codes = reduceAnsiCodesIncremental(codes, [token]);
				continue;
			}
			const characterWidth = Math.max(1, caches.getStringWidth(token.value));
			for (let index = 0; index < characterWidth; index++) {
				values[offsetX + index] = index === 0 ? token.value : '';
				styles[offsetX + index] = codes;
			}
			offsetX += characterWidth;
		}
	}
	let text = '';
	let previous: AnsiCode[] | null = null;
	for (let cell = 0; cell < values.length; cell++) {
		// A line placed past the row's end leaves cells with nothing, which Ink skips.
		const value = values[cell];
		if (value === undefined) continue;
		const current = styles[cell]!;
		if (previous === null) text += ansiCodesToString(current);
		else if (!sameCodes(previous, current)) text += ansiCodesToString(diffAnsiCodes(previous, current));
		text += value;
		previous = current;
	}
	if (previous !== null) text += ansiCodesToString(diffAnsiCodes(previous, []));
	return text.trimEnd();
}

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
		const kept = {widths: frameCache<number>(), blockWidths: frameCache<number>(), styledChars: frameCache<StyledChar[]>()};
		const rows = frameCache<string>();
		const pieces = frameCache<Token[]>();
		prototype.get = function (this: InkOutput) {
			const caches = this.caches;
			const shaped = caches?.styledChars instanceof Map && caches.widths instanceof Map && caches.blockWidths instanceof Map && typeof caches.getStyledChars === 'function' && Array.isArray(this.operations);
			if (!shaped) return get.call(this);
			nextInkFrame();
			Object.assign(caches, kept);
			const placed = placeLines(this);
			// Two lines on one row (side by side boxes): Ink merges them cell by cell.
			if (!placed) return get.call(this);
			const lines: string[] = [];
			for (let y = 0; y < this.height; y++) {
				const at = placed.get(y);
				if (!at) {
					lines.push('');
					continue;
				}
				const key = `${this.width}:${at.x}:${at.line}`;
				let text = rows.get(key);
				if (text === undefined) rows.set(key, (text = rowText(caches, pieces, this.width, at.x, at.line)));
				lines.push(text);
			}
			return {output: lines.join('\n'), height: this.height};
		};
		return true;
	} catch {
		return false;
	}
}
