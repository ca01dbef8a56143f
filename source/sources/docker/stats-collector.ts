import {totalmem} from 'node:os';
import {readFile} from 'node:fs/promises';
import type Docker from 'dockerode';
import type {StatsSource} from '../../config.js';
import type {ContainerRecord, ContainerStats} from '../../domain/container.js';
import {openStatsStream, type StatsStream} from './api-stats.js';
import {parseCgroupMounts, resolveCgroupFiles, type CgroupMounts} from './cgroup-paths.js';
import {cgroupFilePaths, readCgroup, statsBetween, type CgroupFilePaths, type CgroupReading} from './cgroup-stats.js';
import {keptFiles} from '../host/small-file.js';

// Per container: cgroup files when the engine is local and they can be read, the API stream
// otherwise. A container falls back to the API on its own; the others keep the cheap path.

interface Tracked {
	pid: number;
	/** The last round that listed it. */
	round: number;
	files: CgroupFilePaths | null;
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
	let round = 0;
	const useCgroup = options.source !== 'api' && options.local;
	let mounts: Promise<CgroupMounts | null> | null = null;
	const files = keptFiles();
	// Read once: it changes only with memory hot-plug, and libuv opens /proc/meminfo for each ask.
	const hostMemory = totalmem();

	const cgroupMounts = () =>
		(mounts ??= readFile(`${procRoot}/self/mountinfo`, 'utf8').then(parseCgroupMounts, () => null));

	async function locate(pid: number): Promise<CgroupFilePaths | null> {
		const found = await cgroupMounts();
		if (!found) return null;
		try {
			const files = resolveCgroupFiles(found, await readFile(`${procRoot}/${pid}/cgroup`, 'utf8'));
			return files && cgroupFilePaths(files);
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

	/** A container not tracked yet, or running a new process: its files are located, then read. */
	async function track(record: ContainerRecord): Promise<void> {
		const pid = record.pid ?? 0;
		const located = useCgroup && pid ? await locate(pid) : null;
		const entry: Tracked = {pid, round, files: located, last: null, stream: null};
		tracked.set(record.key, entry);
		sampleOne(record, entry);
	}

	function sampleOne(record: ContainerRecord, entry: Tracked): void {
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
			round++;
			// Known containers are read in one synchronous pass: a promise each, every second, for
			// hundreds of them was most of what a round allocated. Only a new process is located.
			const located: Array<Promise<void>> = [];
			for (const record of live) {
				const entry = tracked.get(record.key);
				if (entry && entry.pid === (record.pid ?? 0)) {
					entry.round = round;
					sampleOne(record, entry);
				} else located.push(track(record));
			}
			tracked.forEach((entry, key) => {
				if (entry.round === round) return;
				entry.stream?.close();
				tracked.delete(key);
			});
			await Promise.all(located);
			files.sweep();
		},
		describe() {
			let viaApi = false;
			let viaCgroup = false;
			for (const entry of tracked.values()) {
				viaApi ||= entry.stream !== null;
				viaCgroup ||= entry.files !== null;
			}
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
