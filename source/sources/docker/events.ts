import {StringDecoder} from 'node:string_decoder';
import type Docker from 'dockerode';

// The engine's events stream: newline-delimited JSON where one chunk may end mid-line (or
// mid-character). Health checks fire exec_* events every interval, so the server filters them out.

export interface EngineEvent {
	action: string;
	/** The part after ':' in actions like "health_status: healthy". */
	detail: string | null;
	id: string;
	attributes: Record<string, string>;
	timeNano: bigint;
}

export const watchedActions = [
	'create', 'start', 'restart', 'die', 'kill', 'oom', 'stop', 'destroy', 'pause', 'unpause',
	'rename', 'update', 'health_status',
];

export function createLineSplitter(onLine: (line: string) => void): (chunk: Buffer | string) => void {
	const decoder = new StringDecoder('utf8');
	let pending = '';
	return (chunk) => {
		pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
		let newline = pending.indexOf('\n');
		while (newline !== -1) {
			const line = pending.slice(0, newline).trim();
			pending = pending.slice(newline + 1);
			if (line) onLine(line);
			newline = pending.indexOf('\n');
		}
	};
}

export function parseEvent(line: string): EngineEvent | null {
	let raw: {Type?: string; Action?: string; Actor?: {ID?: string; Attributes?: Record<string, string>}; timeNano?: number; time?: number};
	try {
		raw = JSON.parse(line);
	} catch {
		return null;
	}
	if (raw.Type !== 'container' || !raw.Action || !raw.Actor?.ID) return null;
	const colon = raw.Action.indexOf(':');
	return {
		action: colon === -1 ? raw.Action : raw.Action.slice(0, colon),
		detail: colon === -1 ? null : raw.Action.slice(colon + 1).trim(),
		id: raw.Actor.ID,
		attributes: raw.Actor.Attributes ?? {},
		// JSON numbers lose the last digits of nanoseconds; exact enough to order and resume.
		timeNano: BigInt(Math.round(raw.timeNano ?? (raw.time ?? 0) * 1e9)),
	};
}

/** Docker's `since`/`until` take "seconds.nanoseconds". */
export function toDockerTime(timeNano: bigint): string {
	const seconds = timeNano / 1_000_000_000n;
	const nanos = timeNano % 1_000_000_000n;
	return `${seconds}.${nanos.toString().padStart(9, '0')}`;
}

export interface EventSubscription {
	close(): void;
}

export interface SubscribeOptions {
	since?: bigint;
	until?: bigint;
	onEvent(event: EngineEvent): void;
	/** The stream ended or failed: the caller decides when to re-subscribe. */
	onEnd(error?: Error): void;
}

export async function subscribeEvents(docker: Docker, options: SubscribeOptions, signal: AbortSignal): Promise<EventSubscription> {
	const stream = (await docker.getEvents({
		since: options.since === undefined ? undefined : (toDockerTime(options.since) as unknown as number),
		until: options.until === undefined ? undefined : (toDockerTime(options.until) as unknown as number),
		filters: {type: ['container'], event: watchedActions},
		abortSignal: signal,
	})) as NodeJS.ReadableStream & {destroy(): void};
	let ended = false;
	const end = (error?: Error) => {
		if (ended) return;
		ended = true;
		options.onEnd(error);
	};
	stream.on('data', createLineSplitter((line) => {
		const event = parseEvent(line);
		if (event) options.onEvent(event);
	}));
	stream.on('error', (error: Error) => end(error));
	stream.on('end', () => end());
	stream.on('close', () => end());
	return {
		close() {
			ended = true;
			stream.destroy();
		},
	};
}

/** Events the engine still remembers between two instants; resolves when the engine has sent them all. */
export function readPastEvents(docker: Docker, since: bigint, until: bigint, onEvent: (event: EngineEvent) => void, signal: AbortSignal): Promise<void> {
	return new Promise<void>((resolve, reject) => {
		subscribeEvents(docker, {since, until, onEvent, onEnd: (error) => (error ? reject(error) : resolve())}, signal).catch(reject);
	});
}
