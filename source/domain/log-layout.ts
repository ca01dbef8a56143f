import stringWidth from './fast-string-width.js';
import {formatClock} from './format.js';
import type {BufferedLogEntry} from './log-entry.js';
import {isErrorLine, matches, matchRanges} from './log-pattern.js';

// The log pane as rows of styled text, computed from the buffer and the view's settings: what a
// filter hides, where search matches are, how long lines wrap or are cut (by display width:
// wide characters count twice, a grapheme is never split).

export type SegmentTone = 'time' | 'name' | 'text' | 'match' | 'current';

export interface LogSegment {
	text: string;
	tone: SegmentTone;
	/** The colour of a container's name when several logs are interleaved. */
	color?: string;
}

export interface LogRow {
	/** Unique among the rows on screen. */
	id: string;
	seq: number;
	style: 'stdout' | 'stderr' | 'separator';
	/** A line with error words in it: drawn bold. */
	error: boolean;
	segments: LogSegment[];
}

export interface LogDisplay {
	width: number;
	wrap: boolean;
	timestamps: boolean;
	/** Prefix each line with its container's name (several logs interleaved). */
	names: boolean;
	search: RegExp | null;
	/** The search match the operator went to, drawn apart from the others. */
	currentSeq: number | null;
}

/** What the filter and the stderr switch leave; restart and exit marks always stay. */
export function shownEntries(entries: BufferedLogEntry[], filter: RegExp | null, stderrOnly: boolean): BufferedLogEntry[] {
	if (!filter && !stderrOnly) return entries;
	return entries.filter((entry) => entry.kind === 'separator' || ((!stderrOnly || entry.stream === 'stderr') && (!filter || matches(filter, entry.text))));
}

const palette = ['cyan', 'magenta', 'blue', 'green', 'yellow', 'cyanBright', 'magentaBright', 'blueBright', 'greenBright'];

/** The same container keeps the same colour for as long as fleettop runs. */
export function sourceColor(name: string): string {
	let hash = 0;
	for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
	return palette[hash % palette.length]!;
}

const nameWidthLimit = 24;

function segmentsOf(entry: BufferedLogEntry, display: LogDisplay, nameWidth: number): LogSegment[] {
	const segments: LogSegment[] = [];
	if (display.names && entry.source) {
		const name = entry.source.length > nameWidth ? `${entry.source.slice(0, nameWidth - 1)}…` : entry.source.padEnd(nameWidth);
		segments.push({text: `${name} `, tone: 'name', color: sourceColor(entry.source)});
	}
	if (entry.kind === 'separator') return [...segments, {text: entry.text, tone: 'text'}];
	if (display.timestamps && entry.at !== null) segments.push({text: `${formatClock(entry.at)} `, tone: 'time'});
	if (!display.search) return [...segments, {text: entry.text, tone: 'text'}];
	const tone = entry.seq === display.currentSeq ? 'current' : 'match';
	let at = 0;
	for (const [start, end] of matchRanges(display.search, entry.text)) {
		if (start > at) segments.push({text: entry.text.slice(at, start), tone: 'text'});
		segments.push({text: entry.text.slice(start, end), tone});
		at = end;
	}
	if (at < entry.text.length || at === 0) segments.push({text: entry.text.slice(at), tone: 'text'});
	return segments;
}

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/** Segments cut into rows no wider than `width`. */
function wrapSegments(segments: LogSegment[], width: number): LogSegment[][] {
	const rows: LogSegment[][] = [[]];
	let used = 0;
	for (const segment of segments) {
		let piece = '';
		for (const {segment: grapheme} of graphemes.segment(segment.text)) {
			const size = stringWidth(grapheme);
			if (used + size > width && used > 0) {
				if (piece) rows.at(-1)!.push({...segment, text: piece});
				rows.push([]);
				piece = '';
				used = 0;
			}
			piece += grapheme;
			used += size;
		}
		if (piece) rows.at(-1)!.push({...segment, text: piece});
	}
	return rows;
}

/** One entry as the rows it takes: one when lines are cut (with "…"), as many as needed when wrapped. */
export function fitCells(segments: LogSegment[], width: number, wrap: boolean): LogSegment[][] {
	const total = segments.reduce((sum, segment) => sum + stringWidth(segment.text), 0);
	if (total <= width) return [segments];
	if (wrap) return wrapSegments(segments, Math.max(width, 2));
	return [[...wrapSegments(segments, Math.max(width - 1, 1))[0]!, {text: '…', tone: 'text'}]];
}

export function entryRows(entry: BufferedLogEntry, display: LogDisplay, nameWidth = nameWidthLimit): LogRow[] {
	const style = entry.kind === 'separator' ? 'separator' : entry.stream;
	const error = entry.kind === 'line' && isErrorLine(entry.text);
	return fitCells(segmentsOf(entry, display, nameWidth), display.width, display.wrap).map((segments, part) => ({id: `${entry.seq}.${part}`, seq: entry.seq, style, error, segments}));
}

export interface LogScreen {
	rows: LogRow[];
	/** Seqs of the entries the filter leaves, oldest first. */
	shown: number[];
	/** The entry at the top of the screen now, and when following the end. */
	topSeq: number | null;
	followTopSeq: number | null;
	/** Seqs of the shown entries the search matches, oldest first. */
	matches: number[];
}

/**
 * The rows on screen: the last `height` when following (`top` null), else from the entry `top`
 * (or, when the ring dropped it or the filter hides it, the next one still shown).
 */
export function layoutLog(entries: BufferedLogEntry[], shown: BufferedLogEntry[], top: number | null, height: number, display: LogDisplay): LogScreen {
	const names = display.names ? Math.min(nameWidthLimit, Math.max(0, ...shown.map((entry) => entry.source?.length ?? 0))) : 0;
	const rowsOf = (entry: BufferedLogEntry) => entryRows(entry, display, names);
	const tail: LogRow[] = [];
	let followIndex = shown.length;
	while (followIndex > 0 && tail.length < height) tail.unshift(...rowsOf(shown[--followIndex]!));
	const followTopSeq = shown[followIndex]?.seq ?? null;
	const start = top === null ? -1 : anchorIndex(entries, shown, top);
	const paused = start !== -1 && start < followIndex;
	const rows: LogRow[] = [];
	for (let index = start; paused && index < shown.length && rows.length < height; index++) rows.push(...rowsOf(shown[index]!));
	const search = display.search;
	return {
		rows: paused ? rows.slice(0, height) : tail.slice(-height),
		shown: shown.map((entry) => entry.seq),
		topSeq: paused ? shown[start]!.seq : followTopSeq,
		followTopSeq,
		matches: search ? shown.filter((entry) => entry.kind === 'line' && matches(search, entry.text)).map((entry) => entry.seq) : [],
	};
}

/** Index in `shown` of the entry `seq`, or of the first shown one after it in the buffer. */
function anchorIndex(entries: BufferedLogEntry[], shown: BufferedLogEntry[], seq: number): number {
	const exact = shown.findIndex((entry) => entry.seq === seq);
	if (exact !== -1) return exact;
	const inBuffer = entries.findIndex((entry) => entry.seq === seq);
	if (inBuffer === -1) return shown.length > 0 ? 0 : -1;
	const after = new Set(entries.slice(inBuffer).map((entry) => entry.seq));
	return shown.findIndex((entry) => after.has(entry.seq));
}

/** The entry `delta` entries away from the top; null when that reaches the last page (follow). */
export function scrollTarget(screen: LogScreen, delta: number | 'first'): number | null {
	const followAt = screen.followTopSeq === null ? 0 : screen.shown.indexOf(screen.followTopSeq);
	const now = screen.topSeq === null ? followAt : screen.shown.indexOf(screen.topSeq);
	const next = delta === 'first' ? 0 : Math.max(now + delta, 0);
	return next >= followAt ? null : screen.shown[next]!;
}

/** The next match older (-1) or newer (+1) than `current`, wrapping round; `wrapped` says it did. */
export function findMatch(matchSeqs: number[], current: number | null, direction: 1 | -1): {seq: number; wrapped: boolean} | null {
	if (matchSeqs.length === 0) return null;
	if (current === null || !matchSeqs.includes(current)) return {seq: matchSeqs.at(-1)!, wrapped: false};
	const index = matchSeqs.indexOf(current) + direction;
	if (index < 0) return {seq: matchSeqs.at(-1)!, wrapped: true};
	if (index >= matchSeqs.length) return {seq: matchSeqs[0]!, wrapped: true};
	return {seq: matchSeqs[index]!, wrapped: false};
}

/** Where to put the top so that the entry `seq` is on screen, a few lines below the top. */
export function revealTarget(screen: LogScreen, seq: number, height: number): number | null {
	const index = screen.shown.indexOf(seq);
	const followAt = screen.followTopSeq === null ? 0 : screen.shown.indexOf(screen.followTopSeq);
	const top = Math.max(index - Math.floor(height / 3), 0);
	return top >= followAt ? null : screen.shown[top]!;
}
