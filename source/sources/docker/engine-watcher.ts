import type Docker from 'dockerode';
import type {Endpoint, StatsSource} from '../../config.js';
import {containerKey, hasProcess, type ContainerRecord, type ContainerStats} from '../../domain/container.js';
import type {ContainerEvidence} from '../../domain/evidence.js';
import {bounded} from './bounded.js';
import {connectEngine, isLocalEngine} from './connection.js';
import {explainEngineError} from './engine-errors.js';
import {createExitHistory} from './exit-history.js';
import type {EngineStatus} from './engine-status.js';
import {readPastEvents, subscribeEvents, type EngineEvent, type EventSubscription} from './events.js';
import {createCoalescingQueue} from './coalescing-queue.js';
import {evidenceVersion, readPreviousRunLogs, wantsEvidence} from './previous-run-logs.js';
import type {SavedPolicies} from '../state/saved-policies.js';
import {runContainerAction, type ContainerAction} from './container-actions.js';
import type {LogEntry} from '../../domain/log-entry.js';
import {followLogs, type LogFollower} from './log-follower.js';
import {createStatsCollector, type StatsCollector} from './stats-collector.js';
import {recordFromInspect, recordFromList} from './to-record.js';

// One engine: its connection, state (list once, then events), and stats. Instantiate one per
// host. It never throws at its caller: failures become an EngineStatus with a message, and it
// keeps retrying until stopped.

export interface EngineSink {
	status(status: EngineStatus): void;
	/** The complete set of containers after a (re)connect: anything else of this engine is gone. */
	replaceAll(engine: string, records: ContainerRecord[]): void;
	upsert(record: ContainerRecord): void;
	remove(key: string): void;
	stats(key: string, stats: ContainerStats): void;
	/** The last lines of a failing container's previous run, read once per run. */
	evidence(key: string, evidence: ContainerEvidence): void;
}

export interface EngineWatcherOptions {
	engine: string;
	endpoint: Endpoint;
	intervalMs: number;
	callTimeoutMs: number;
	statsSource: StatsSource;
	sink: EngineSink;
	/** How far back to read `die` events at connect, to know the last exit code of looping containers. */
	historyMs?: number;
}

export interface EngineWatcher {
	/** Resolves once the first connection attempt has listed and inspected everything (or failed). */
	start(): Promise<void>;
	/** One action on one container (see container-actions.ts); the container is inspected again after. */
	act(id: string, name: string, action: ContainerAction, policies: SavedPolicies): Promise<string>;
	/** Where stop-loop files a container's saved policy. */
	policyKey(id: string): string;
	/** The engine's client, for what talks to containers through it (supervisord via exec). */
	readonly docker: Docker;
	/** Follows one container's log across restarts until stopped, starting with `tail` lines of history. */
	followLogs(target: {id: string; tty: boolean; tail: number}, onEntries: (entries: LogEntry[]) => void, onError: (message: string) => void): LogFollower;
	stop(): void;
}

const pingEveryMs = 5000;

/** dockerode accepts an abort signal on ping and version; its type definitions do not say so. */
function withSignal<T>(method: (options: object) => Promise<T>, signal: AbortSignal): Promise<T> {
	return method({abortSignal: signal});
}

export function createEngineWatcher(options: EngineWatcherOptions): EngineWatcher {
	const {engine, endpoint, sink, callTimeoutMs} = options;
	const docker = connectEngine(endpoint);
	const records = new Map<string, ContainerRecord>();
	const exits = createExitHistory();
	let stopped = false;
	let lastEventNano: bigint | null = null;
	let subscription: EventSubscription | null = null;
	let stats: StatsCollector | null = null;
	const timers = new Set<NodeJS.Timeout>();
	let status: EngineStatus = {engine, endpoint: endpoint.label, state: 'connecting', message: null, version: null, apiVersion: null, statsSource: null, historySince: null};

	const setStatus = (change: Partial<EngineStatus>) => {
		status = {...status, ...change};
		sink.status(status);
	};
	const call = <T>(what: string, run: (signal: AbortSignal) => Promise<T>) => bounded(what, callTimeoutMs, run);
	const sleep = (ms: number) =>
		new Promise<void>((resolve) => {
			const timer = setTimeout(() => {
				timers.delete(timer);
				resolve();
			}, ms);
			timers.add(timer);
		});

	async function inspect(id: string): Promise<void> {
		const key = containerKey(engine, id);
		try {
			const info = await call(`inspect ${id.slice(0, 12)}`, (signal) => docker.getContainer(id).inspect({abortSignal: signal}));
			const record = recordFromInspect(engine, info, exits.of(key));
			records.set(key, record);
			sink.upsert(record);
			if (wantsEvidence(record) && evidenceRead.get(key) !== evidenceVersion(record)) evidenceQueue.request(id);
		} catch (error) {
			if ((error as {statusCode?: number}).statusCode === 404 && records.delete(key)) {
				exits.forget(key);
				evidenceRead.delete(key);
				sink.remove(key);
			}
			// Other failures (timeout, engine gone) leave the last known record; the watcher's
			// ping notices a dead engine and reconnects.
		}
	}
	const inspectQueue = createCoalescingQueue(inspect);

	const evidenceRead = new Map<string, string>();
	async function readEvidence(id: string): Promise<void> {
		const key = containerKey(engine, id);
		const record = records.get(key);
		if (!record) return;
		try {
			const evidence = await call(`logs ${id.slice(0, 12)}`, (signal) => readPreviousRunLogs(docker, record, signal));
			evidenceRead.set(key, evidenceVersion(record));
			sink.evidence(key, evidence);
		} catch (error) {
			// A container removed meanwhile is handled by its destroy event; anything else is
			// shown, and tried again with the next run.
			evidenceRead.set(key, evidenceVersion(record));
			sink.evidence(key, {finishedAt: record.finishedAt, lines: [], error: `logs could not be read: ${(error as Error).message}`});
		}
	}
	const evidenceQueue = createCoalescingQueue(readEvidence, 2);

	function rememberExit(event: EngineEvent) {
		const code = Number(event.attributes['exitCode']);
		if (event.action === 'die' && event.attributes['exitCode'] !== undefined && Number.isInteger(code)) {
			exits.add(containerKey(engine, event.id), {at: Number(event.timeNano / 1_000_000n), code});
		}
	}

	function onEvent(event: EngineEvent) {
		lastEventNano = event.timeNano;
		rememberExit(event);
		// After `destroy` the inspect answers 404, which removes the container.
		inspectQueue.request(event.id);
	}

	/**
	 * The engine keeps only its last 256 events in memory (health checks alone fill that within
	 * minutes), so the history reaches back to the oldest event it still had: returned, in ms.
	 */
	async function readExitHistory(now: bigint): Promise<number> {
		const since = now - BigInt(options.historyMs ?? 3_600_000) * 1_000_000n;
		let oldest = now;
		const onEvent = (event: EngineEvent) => {
			if (event.timeNano < oldest) oldest = event.timeNano;
			rememberExit(event);
		};
		await call('read recent events', (signal) => readPastEvents(docker, since, now, onEvent, signal));
		return Number(oldest / 1_000_000n);
	}

	/** Wrapped so that awaiting the subscription does not wait for the stream to end. */
	async function subscribe(): Promise<{ended: Promise<void>}> {
		let markEnded!: () => void;
		const ended = new Promise<void>((resolve) => (markEnded = resolve));
		subscription?.close();
		subscription = await call('subscribe to events', (signal) =>
			subscribeEvents(docker, {since: lastEventNano ?? undefined, onEvent, onEnd: () => markEnded()}, signal),
		);
		return {ended};
	}

	async function synchronize(): Promise<void> {
		const now = BigInt(Date.now()) * 1_000_000n;
		const [version, listed] = await Promise.all([
			call('ping', (signal) => withSignal(docker.version.bind(docker), signal)),
			call('list containers', (signal) => docker.listContainers({all: true, abortSignal: signal})),
		]);
		records.clear();
		for (const item of listed) records.set(containerKey(engine, item.Id), recordFromList(engine, item));
		sink.replaceAll(engine, [...records.values()]);
		// Connected as soon as the list is in: the past hour's events can take a while on a busy engine.
		setStatus({state: 'connected', message: null, version: version.Version ?? null, apiVersion: version.ApiVersion ?? null});
		// The data root is only for the host pane: asked alongside the history, never in its way.
		const [historySince, info] = await Promise.all([
			readExitHistory(now).catch(() => Number(now / 1_000_000n)),
			call('info', (signal) => withSignal(docker.info.bind(docker), signal)).catch(() => null),
		]);
		lastEventNano ??= now;
		const dataRoot = (info as {DockerRootDir?: string} | null)?.DockerRootDir ?? null;
		setStatus({historySince: status.historySince ?? historySince, dataRoot});
		const ids = listed.map((item) => item.Id);
		const workers = Array.from({length: 4}, async () => {
			for (let id = ids.shift(); id; id = ids.shift()) await inspect(id);
		});
		await Promise.all(workers);
		// The first picture includes why things fail, so `--once` and `report` can say it.
		await evidenceQueue.idle();
	}

	/** Resolves when the engine stops answering; re-subscribes on its own after a mere stream drop. */
	async function watch(firstStreamEnd: Promise<void>): Promise<void> {
		let streamEnd = firstStreamEnd;
		while (!stopped) {
			const outcome = await Promise.race([streamEnd.then(() => 'stream' as const), sleep(pingEveryMs).then(() => 'tick' as const)]);
			if (stopped) return;
			await call('ping', (signal) => withSignal(docker.ping.bind(docker), signal));
			if (outcome === 'stream') streamEnd = (await subscribe()).ended;
		}
	}

	function startStatsLoop() {
		stats?.stop();
		const collector = createStatsCollector({docker, source: options.statsSource, local: isLocalEngine(endpoint), onStats: sink.stats});
		stats = collector;
		const tick = async () => {
			if (stopped || stats !== collector) return;
			const live = [...records.values()].filter((record) => record.pid && hasProcess(record));
			await collector.sample(live).catch(() => undefined);
			const source = collector.describe();
			if (status.statsSource !== source) setStatus({statsSource: source});
			const timer = setTimeout(() => {
				timers.delete(timer);
				void tick();
			}, options.intervalMs);
			timers.add(timer);
		};
		void tick();
	}

	function disconnect() {
		subscription?.close();
		stats?.stop();
		stats = null;
	}

	/** Null when the engine could not be reached; otherwise `watching` settles when it is lost. */
	async function connectOnce(): Promise<{watching: Promise<void>} | null> {
		try {
			// Subscribe before listing so that nothing happening in between is missed.
			const {ended} = await subscribe();
			await synchronize();
			startStatsLoop();
			return {watching: watch(ended)};
		} catch (error) {
			disconnect();
			if (!stopped) setStatus({state: 'down', message: explainEngineError(error, endpoint)});
			return null;
		}
	}

	async function runForever(first: {watching: Promise<void>} | null): Promise<void> {
		let running = first;
		let backoffMs = 1000;
		while (!stopped) {
			if (running) {
				backoffMs = 1000;
				try {
					await running.watching;
				} catch (error) {
					if (!stopped) setStatus({state: 'down', message: explainEngineError(error, endpoint)});
				}
				disconnect();
			}
			if (stopped) return;
			await sleep(backoffMs);
			backoffMs = Math.min(backoffMs * 2, 5000);
			if (!stopped) running = await connectOnce();
		}
	}

	const policyKey = (id: string) => `${endpoint.label}/${id}`;

	return {
		docker,
		policyKey,
		followLogs: (target, onEntries, onError) => followLogs({docker, ...target, callTimeoutMs, onEntries, onError}),
		async act(id, name, action, policies) {
			try {
				return await runContainerAction(action, {docker, id, name, policyKey: policyKey(id), policies, callTimeoutMs});
			} finally {
				inspectQueue.request(id);
			}
		},
		async start() {
			setStatus({state: 'connecting'});
			const first = await connectOnce();
			void runForever(first);
		},
		stop() {
			stopped = true;
			disconnect();
			inspectQueue.clear();
			evidenceQueue.clear();
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
		},
	};
}
