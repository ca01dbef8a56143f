import type {Settings} from '../config.js';
import type {ContainerRecord, ContainerStats} from '../domain/container.js';
import {createEngineWatcher} from '../sources/docker/engine-watcher.js';
import type {EngineStatus} from '../sources/docker/engine-status.js';
import {readHostBasics} from '../sources/host/host-basics.js';
import {applyBatch, type Batch} from './actions.js';
import type {FleetStore} from './fleet-store.js';

// Sources -> store. Incoming data is buffered and published at a bounded rate: Ink's CPU cost
// follows how often the store changes, not how often data arrives (design notes §3).

export interface Connection {
	/** Settles when every engine has made its first attempt (connected and listed, or failed). */
	ready: Promise<void>;
	/** Publishes what is buffered now. */
	flush(): void;
	stop(): void;
}

export const publishEveryMs = 500;

export function connectSources(store: FleetStore, settings: Settings): Connection {
	let pending: Batch = {};
	let dirty = false;
	const touch = () => (dirty = true);

	const sink = {
		status(status: EngineStatus) {
			(pending.engines ??= []).push(status);
			touch();
		},
		replaceAll(engine: string, records: ContainerRecord[]) {
			(pending.replaced ??= new Map()).set(engine, records);
			pending.upserts = pending.upserts?.filter((record) => record.engine !== engine);
			touch();
		},
		upsert(record: ContainerRecord) {
			(pending.upserts ??= []).push(record);
			touch();
		},
		remove(key: string) {
			(pending.removals ??= []).push(key);
			touch();
		},
		stats(key: string, stats: ContainerStats) {
			(pending.stats ??= new Map()).set(key, stats);
			touch();
		},
	};

	const watchers = [
		createEngineWatcher({
			engine: 'local',
			endpoint: settings.endpoint,
			intervalMs: settings.intervalMs,
			callTimeoutMs: settings.callTimeoutMs,
			statsSource: settings.statsSource,
			sink,
		}),
	];

	const flush = () => {
		if (!dirty) return;
		const batch = pending;
		pending = {};
		dirty = false;
		applyBatch(store, batch);
	};

	let stopped = false;
	const readHost = async () => {
		const host = await readHostBasics().catch(() => null);
		if (host && !stopped) {
			pending.host = host;
			touch();
		}
	};
	void readHost();
	const hostTimer = setInterval(readHost, Math.max(settings.intervalMs, 1000));
	// Time moves on screen ("up 5m") even when nothing else changes.
	const publishTimer = setInterval(() => {
		touch();
		flush();
	}, publishEveryMs);

	return {
		ready: Promise.all(watchers.map((watcher) => watcher.start())).then(() => undefined),
		flush,
		stop() {
			stopped = true;
			clearInterval(hostTimer);
			clearInterval(publishTimer);
			for (const watcher of watchers) watcher.stop();
		},
	};
}
