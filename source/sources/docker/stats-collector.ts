import {totalmem} from 'node:os';
import {readFile} from 'node:fs/promises';
import type Docker from 'dockerode';
import type {StatsSource} from '../../config.js';
import type {ContainerRecord, ContainerStats} from '../../domain/container.js';
import {openStatsStream, type StatsStream} from './api-stats.js';
import {parseCgroupMounts, resolveCgroupFiles, type CgroupFiles, type CgroupMounts} from './cgroup-paths.js';
import {readCgroup, statsBetween, type CgroupReading} from './cgroup-stats.js';
import {keptFiles} from '../host/small-file.js';

// Per container: cgroup files when the engine is local and they can be read, the API stream
// otherwise. A container falls back to the API on its own; the others keep the cheap path.

interface Tracked {
	pid: number;
	files: CgroupFiles | null;
	last: CgroupReading | null;
	stream: StatsStream | null;
}

export interface StatsCollector {
	/** Called once per refresh interval with the containers that have a running process. */
	sample(live: ContainerRecord[]): Promise<void>;
	/** 'cgroup', 'api', or 'cgroup+api' when some containers had to fall back. */
	describe(): string;
	stop(): void;
}

export interface StatsCollectorOptions {
	docker: Docker;
	source: StatsSource;
	local: boolean;
	onStats(key: string, stats: ContainerStats): void;
	procRoot?: string;
}

export function createStatsCollector(options: StatsCollectorOptions): StatsCollector {
	const procRoot = options.procRoot ?? '/proc';
	const tracked = new Map<string, Tracked>();
	const useCgroup = options.source !== 'api' && options.local;
	let mounts: Promise<CgroupMounts | null> | null = null;
	const files = keptFiles();
	// Read once: it changes only with memory hot-plug, and libuv opens /proc/meminfo for each ask.
	const hostMemory = totalmem();

	const cgroupMounts = () =>
		(mounts ??= readFile(`${procRoot}/self/mountinfo`, 'utf8').then(parseCgroupMounts, () => null));

	async function locate(pid: number): Promise<CgroupFiles | null> {
		const found = await cgroupMounts();
		if (!found) return null;
		try {
			return resolveCgroupFiles(found, await readFile(`${procRoot}/${pid}/cgroup`, 'utf8'));
		} catch {
			return null;
		}
	}

	function fallBackToApi(record: ContainerRecord, entry: Tracked) {
		if (entry.stream || options.source === 'cgroup') return;
		entry.files = null;
		entry.stream = openStatsStream(
			options.docker,
			record.id,
			(stats) => options.onStats(record.key, stats),
			() => {
				entry.stream = null;
			},
		);
	}

	async function sampleOne(record: ContainerRecord): Promise<void> {
		const pid = record.pid ?? 0;
		let entry = tracked.get(record.key);
		if (!entry || entry.pid !== pid) {
			entry?.stream?.close();
			entry = {pid, files: useCgroup && pid ? await locate(pid) : null, last: null, stream: null};
			tracked.set(record.key, entry);
		}
		if (!entry.files) return fallBackToApi(record, entry);
		try {
			const reading = readCgroup(entry.files, entry.last, Date.now(), files.read);
			if (entry.last) options.onStats(record.key, statsBetween(entry.last, reading, hostMemory));
			entry.last = reading;
		} catch {
			// The container stopped between listing and reading, or the files are not ours to read.
			fallBackToApi(record, entry);
		}
	}

	return {
		async sample(live) {
			const keys = new Set(live.map((record) => record.key));
			for (const [key, entry] of tracked) {
				if (keys.has(key)) continue;
				entry.stream?.close();
				tracked.delete(key);
			}
			await Promise.all(live.map((record) => sampleOne(record)));
			files.sweep();
		},
		describe() {
			const entries = [...tracked.values()];
			const viaApi = entries.some((entry) => entry.stream);
			const viaCgroup = entries.some((entry) => entry.files);
			if (viaApi && viaCgroup) return 'cgroup+api';
			if (viaApi || !useCgroup) return 'api';
			return 'cgroup';
		},
		stop() {
			files.close();
			for (const entry of tracked.values()) entry.stream?.close();
			tracked.clear();
		},
	};
}
