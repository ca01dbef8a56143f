import {StringDecoder} from 'node:string_decoder';
import type {LogLine, LogStream} from '../../domain/evidence.js';
import {sanitizeText} from '../../domain/sanitize.js';
import {countLines, type FloodGate} from './flood-gate.js';

// The engine's log format: without a TTY, frames of [stream, 0, 0, 0, size (4 bytes BE)] + payload;
// with a TTY, raw bytes. Demuxed with a loop (dockerode's demuxStream recurses per frame and
// overflows on big chunks). With timestamps=true every line starts with an RFC 3339 time.

export const maxLineLength = 2000;

export interface Demuxer {
	push(chunk: Buffer): void;
	/** Whatever partial line is left, as a final line. */
	end(): void;
}

/**
 * Calls `onFrame` for each whole frame of the engine's multiplexed format in `buffer`; returns
 * where the first incomplete one starts (keep the rest for the next chunk).
 */
export function forEachFrame(buffer: Buffer, onFrame: (stream: LogStream, payload: Buffer) => void): number {
	return forEachFrameAt(buffer, (stream, start, end) => onFrame(stream, buffer.subarray(start, end)));
}

/** forEachFrame giving where each payload starts and ends: a flood's frames cost no object each. */
function forEachFrameAt(buffer: Buffer, onFrame: (stream: LogStream, start: number, end: number) => void): number {
	let offset = 0;
	while (buffer.length - offset >= 8) {
		const size = buffer.readUInt32BE(offset + 4);
		if (buffer.length - offset - 8 < size) break;
		onFrame(buffer[offset] === 2 ? 'stderr' : 'stdout', offset + 8, offset + 8 + size);
		offset += 8 + size;
	}
	return offset;
}

/** Bytes of the frame cut off at the end of a chunk: with the next chunk's start, one frame. */
function completedFrame(pending: Buffer, chunk: Buffer): {frame: Buffer; used: number} | null {
	const header = pending.length >= 8 ? pending : Buffer.concat([pending, chunk.subarray(0, 8 - pending.length)]);
	if (header.length < 8) return null;
	const missing = 8 + header.readUInt32BE(4) - pending.length;
	if (missing > chunk.length) return null;
	return {frame: Buffer.concat([pending, chunk.subarray(0, missing)]), used: missing};
}

/** With a flood gate, payloads arriving faster than it lets through are counted, not decoded. */
export function createDemuxer(tty: boolean, onLine: (line: LogLine) => void, gate?: FloodGate): Demuxer {
	let pending: Buffer = Buffer.alloc(0);
	const decoders: Record<LogStream, StringDecoder> = {stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8')};
	const partial: Record<LogStream, string> = {stdout: '', stderr: ''};
	/** After a skip, the next payload starts mid-line: its first piece is not a line of its own. */
	const resync: Record<LogStream, boolean> = {stdout: false, stderr: false};
	const skipping: Record<LogStream, boolean> = {stdout: false, stderr: false};

	const text = (stream: LogStream, buffer: Buffer, start = 0, end = buffer.length) => {
		if (gate && !gate.open()) {
			gate.skip(countLines(buffer, start, end));
			if (!skipping[stream]) {
				partial[stream] = '';
				decoders[stream] = new StringDecoder('utf8');
				skipping[stream] = true;
			}
			resync[stream] = buffer[end - 1] !== 10;
			return;
		}
		skipping[stream] = false;
		partial[stream] += decoders[stream].write(buffer.subarray(start, end));
		let newline = partial[stream].indexOf('\n');
		if (resync[stream] && newline !== -1) {
			partial[stream] = partial[stream].slice(newline + 1);
			resync[stream] = false;
			newline = partial[stream].indexOf('\n');
		}
		while (newline !== -1) {
			if (!gate || gate.take()) onLine(toLine(stream, partial[stream].slice(0, newline)));
			else gate.skip(1);
			partial[stream] = partial[stream].slice(newline + 1);
			newline = partial[stream].indexOf('\n');
		}
		// An absurdly long line without a newline is cut rather than buffered forever.
		if (partial[stream].length > maxLineLength * 4) {
			onLine(toLine(stream, partial[stream]));
			partial[stream] = '';
		}
	};

	return {
		push(chunk) {
			if (tty) return text('stdout', chunk);
			let rest = chunk;
			if (pending.length > 0) {
				// Only the cut frame's bytes are copied, not the whole chunk after them.
				const completed = completedFrame(pending, chunk);
				if (!completed) {
					pending = Buffer.concat([pending, chunk]);
					return;
				}
				forEachFrameAt(completed.frame, (stream, start, end) => text(stream, completed.frame, start, end));
				rest = chunk.subarray(completed.used);
			}
			pending = rest.subarray(forEachFrameAt(rest, (stream, start, end) => text(stream, rest, start, end)));
		},
		end() {
			for (const stream of ['stdout', 'stderr'] as const) {
				const rest = partial[stream] + decoders[stream].end();
				if (rest) onLine(toLine(stream, rest));
				partial[stream] = '';
			}
		},
	};
}

const timestamp = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)) /;

export function toLine(stream: LogStream, raw: string): LogLine {
	const match = timestamp.exec(raw);
	const at = match ? Date.parse(match[1]!) : null;
	const body = (match ? raw.slice(match[0].length) : raw).replace(/\r$/, '');
	const cut = body.length > maxLineLength ? `${body.slice(0, maxLineLength)}…` : body;
	return {stream, text: sanitizeText(cut).trimEnd(), at: at !== null && !Number.isNaN(at) ? at : null};
}
