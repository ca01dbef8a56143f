import type Docker from 'dockerode';
import type {ContainerStats} from '../../domain/container.js';
import {createLineSplitter} from './events.js';

// The Engine's stats stream, for remote engines or where the cgroup files cannot be read.
// Each stream makes the daemon collect cgroup numbers once a second, so it is opened only for
// running containers and closed as soon as one stops.

interface StatsFrame {
	read?: string;
	cpu_stats?: {cpu_usage?: {total_usage?: number; percpu_usage?: number[]}; system_cpu_usage?: number; online_cpus?: number};
	precpu_stats?: {cpu_usage?: {total_usage?: number}; system_cpu_usage?: number};
	memory_stats?: {usage?: number; limit?: number; stats?: Record<string, number>};
	pids_stats?: {current?: number};
}

/** The `docker stats` CLI's own arithmetic; null for the first frame, which has no previous reading. */
export function statsFromFrame(frame: StatsFrame, now = Date.now()): ContainerStats | null {
	const cpu = frame.cpu_stats;
	const previous = frame.precpu_stats;
	if (!cpu || !previous?.system_cpu_usage) return null;
	const cpuDelta = (cpu.cpu_usage?.total_usage ?? 0) - (previous.cpu_usage?.total_usage ?? 0);
	const systemDelta = (cpu.system_cpu_usage ?? 0) - previous.system_cpu_usage;
	const cores = cpu.online_cpus || cpu.cpu_usage?.percpu_usage?.length || 1;
	const memory = frame.memory_stats ?? {};
	const usage = memory.usage ?? 0;
	const inactive = memory.stats?.['total_inactive_file'] ?? memory.stats?.['inactive_file'] ?? 0;
	return {
		cpuPercent: systemDelta > 0 && cpuDelta > 0 ? (cpuDelta / systemDelta) * cores * 100 : 0,
		memoryBytes: inactive < usage ? usage - inactive : usage,
		memoryLimitBytes: memory.limit ?? 0,
		pids: frame.pids_stats?.current ?? null,
		sampledAt: now,
	};
}

export interface StatsStream {
	close(): void;
}

export function openStatsStream(docker: Docker, id: string, onStats: (stats: ContainerStats) => void, onEnd: () => void): StatsStream {
	let stream: (NodeJS.ReadableStream & {destroy(): void}) | null = null;
	let closed = false;
	docker
		.getContainer(id)
		.stats({stream: true})
		.then((opened) => {
			stream = opened as unknown as NodeJS.ReadableStream & {destroy(): void};
			if (closed) return stream.destroy();
			stream.on('data', createLineSplitter((line) => {
				try {
					const stats = statsFromFrame(JSON.parse(line) as StatsFrame);
					if (stats) onStats(stats);
				} catch {
					// A malformed frame is skipped; the next one comes within a second.
				}
			}));
			stream.on('error', () => !closed && onEnd());
			stream.on('end', () => !closed && onEnd());
		})
		.catch(() => !closed && onEnd());
	return {
		close() {
			closed = true;
			stream?.destroy();
		},
	};
}
