import type Docker from 'dockerode';
import {formatClock} from '../../domain/format.js';
import type {LogEntry} from '../../domain/log-entry.js';
import {bounded} from './bounded.js';
import {readPastEvents, type EngineEvent} from './events.js';
import {createFloodGate, skippedText} from './flood-gate.js';
import {createDemuxer} from './log-frames.js';

// Follows one container's log across restarts. A follow stream ends when the container exits:
// the follower then marks the exit, waits for the next start and attaches again from there, so
// a loop's runs read one after another with a separator between them.

export interface LogFollower {
	stop(): void;
}

export interface FollowOptions {
	docker: Docker;
	id: string;
	tty: boolean;
	/** Lines of history to start with. */
	tail: number;
	callTimeoutMs: number;
	/** How often to look for the next start while the container is down. */
	pollMs?: number;
	/** Past this rate lines are counted, not shown (a mark says how many). */
	linesPerSecond?: number;
	onEntries(entries: LogEntry[]): void;
	onError(message: string): void;
}


/** About what a terminal pane can usefully scroll past; far above any healthy service's rate. */
export const defaultLinesPerSecond = 4000;

export function followLogs(options: FollowOptions): LogFollower {
	const {docker, id} = options;
	const linesPerSecond = options.linesPerSecond ?? defaultLinesPerSecond;
	const container = docker.getContainer(id);
	let stopped = false;
	let stream: (NodeJS.ReadableStream & {destroy(): void}) | null = null;
	let timer: NodeJS.Timeout | null = null;
	const call = <T>(what: string, run: (signal: AbortSignal) => Promise<T>) => bounded(what, options.callTimeoutMs, run);
	const inspect = () => call('inspect', (signal) => container.inspect({abortSignal: signal}));

	/** StartedAt of the run being followed: a later one is a restart. */
	let followedStart = 0;

	/**
	 * `since`: the end of the run before. Not the new run's StartedAt: the engine records that after
	 * the process has started, and its first lines can come a few milliseconds earlier.
	 */
	const attach = async (since: number | null, started: number | null) => {
		followedStart = started ?? Date.parse((await inspect()).State.StartedAt);
		if (stopped) return;
		const gate = createFloodGate(linesPerSecond, since === null ? options.tail : 0);
		let batch: LogEntry[] = [];
		let skipped = 0;
		let markedAt = 0;
		const demuxer = createDemuxer(options.tty, (line) => batch.push({kind: 'line', ...line}), gate);
		/** Hands over what a chunk held, with at most one "skipped" mark a second. */
		const deliver = (final: boolean) => {
			skipped += gate.drainSkipped();
			if (skipped > 0 && (final || Date.now() - markedAt >= 1000)) {
				batch.push({kind: 'separator', text: skippedText(skipped, linesPerSecond), at: Date.now()});
				skipped = 0;
				markedAt = Date.now();
			}
			if (batch.length > 0) options.onEntries(batch);
			batch = [];
		};
		const opened = (await container.logs({
			follow: true, stdout: true, stderr: true, timestamps: true,
			// Fractional seconds: the last lines of the run before may share the new run's second.
			...(since === null ? {tail: options.tail} : {since: ((since + 1) / 1000).toFixed(3) as unknown as number}),
		})) as unknown as NodeJS.ReadableStream & {destroy(): void};
		if (stopped) return opened.destroy();
		stream = opened;
		opened.on('data', (chunk: Buffer) => {
			demuxer.push(chunk);
			deliver(false);
		});
		opened.on('error', () => undefined);
		opened.on('end', () => {
			demuxer.end();
			deliver(true);
			if (!stopped) void afterRun();
		});
	};

	const fail = (error: unknown) => options.onError(`log of ${id.slice(0, 12)}: ${(error as Error).message.split('\n')[0]}`);

	/** The followed run ended: say how; attach to the next run, now or when it starts. */
	const afterRun = async () => {
		try {
			const info = await inspect();
			const finished = Date.parse(info.State.FinishedAt);
			const started = Date.parse(info.State.StartedAt);
			// Created and never started (waiting for a dependency, say): its times read year 1.
			if (!(started > 0)) {
				options.onEntries([{kind: 'separator', text: '— created, never started: its lines come when it starts —', at: null}]);
				return waitForStart(0);
			}
			// Restarted already, State.ExitCode reads 0 again: the `die` event keeps the real one. While
			// the engine waits to restart it (Running and Restarting both true) the code is still there.
			const exitCode = info.State.Running && !info.State.Restarting ? await dieCode(followedStart) : info.State.ExitCode;
			const code = exitCode === null ? '' : ` ${exitCode}${info.State.OOMKilled ? ' (out of memory)' : ''}`;
			options.onEntries([{kind: 'separator', text: `— exited${code} at ${formatClock(finished)} —`, at: finished}]);
			// The restart manager may have started it again before we asked.
			if (info.State.Running && started > followedStart) return restarted(started, finished);
			waitForStart(finished);
		} catch (error) {
			fail(error);
		}
	};

	/** The exit code of the last `die` since `sinceMs`, from the engine's events. */
	const dieCode = async (sinceMs: number): Promise<number | null> => {
		let code: number | null = null;
		const onEvent = (event: EngineEvent) => {
			if (event.id === id && event.action === 'die' && event.attributes['exitCode'] !== undefined) code = Number(event.attributes['exitCode']);
		};
		await call('read die events', (signal) => readPastEvents(docker, BigInt(sinceMs) * 1_000_000n, BigInt(Date.now()) * 1_000_000n, onEvent, signal)).catch(() => undefined);
		return code;
	};

	const restarted = async (started: number, previousEnd: number) => {
		// previousEnd 0: it had never run before.
		options.onEntries([{kind: 'separator', text: `— ${previousEnd > 0 ? 'restarted' : 'started'} at ${formatClock(started)} —`, at: started}]);
		await attach(previousEnd, started);
	};

	/**
	 * Looks for the next start, less and less often (up to every 5 s): a container down for long
	 * (60 of them in trouble mode) must not cost the engine an inspect a second each. Nothing is
	 * lost by waiting: the next attach reads from the end of the run before.
	 */
	const waitForStart = (previousEnd: number, attempt = 0) => {
		const base = options.pollMs ?? 1000;
		timer = setTimeout(async () => {
			if (stopped) return;
			try {
				const info = await inspect();
				const started = Date.parse(info.State.StartedAt);
				if (info.State.Running && started > followedStart) return await restarted(started, previousEnd);
				waitForStart(previousEnd, attempt + 1);
			} catch (error) {
				if ((error as {statusCode?: number}).statusCode === 404) return options.onError('the container is gone');
				waitForStart(previousEnd, attempt + 1);
			}
		}, Math.min(base * 2 ** attempt, Math.max(base, 5000)));
	};

	void attach(null, null).catch(fail);
	return {
		stop() {
			stopped = true;
			if (timer) clearTimeout(timer);
			stream?.destroy();
		},
	};
}
