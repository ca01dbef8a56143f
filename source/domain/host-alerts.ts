import type {HostBasics} from '../sources/host/host-basics.js';
import type {Alert} from './fleet-summary.js';
import {formatPercent} from './format.js';

// Alerts about the host itself: CPU busy for minutes (not one spike), memory nearly gone, load
// beyond the cores, zombies (a warning) that keep piling up (critical).

export interface HostThresholds {
	/** Total CPU percent that, held for `cpuSustainMs`, is critical. */
	cpuPercent: number;
	cpuSustainMs: number;
	/** Memory used (of total, available counted as free) above which it is critical. */
	memoryPercent: number;
	/** 1-minute load per core above which it is a warning. */
	loadPerCore: number;
	/** How far back zombies are compared to call them growing. */
	zombieWindowMs: number;
}

export const defaultHostThresholds: HostThresholds = {cpuPercent: 80, cpuSustainMs: 5 * 60_000, memoryPercent: 90, loadPerCore: 1.5, zombieWindowMs: 5 * 60_000};

/** One reading per refresh, oldest first, kept for as long as the longest window. */
export interface HostSample {
	at: number;
	cpuPercent: number | null;
	zombies: number | null;
}

export const historyMs = 10 * 60_000;

export function appendSample(history: HostSample[], sample: HostSample): HostSample[] {
	return [...history.filter((entry) => entry.at > sample.at - historyMs), sample];
}

export function hostAlerts(host: HostBasics | null, history: HostSample[], now: number, thresholds: HostThresholds = defaultHostThresholds): Alert[] {
	const alerts: Alert[] = [];
	if (!host) return alerts;
	// Sustained: every reading of the last `cpuSustainMs` is over, and the readings reach that far back.
	const recent = history.filter((sample) => sample.at >= now - thresholds.cpuSustainMs && sample.cpuPercent !== null);
	const covers = history.some((sample) => sample.at <= now - thresholds.cpuSustainMs + 5000);
	if (covers && recent.length > 0 && recent.every((sample) => sample.cpuPercent! > thresholds.cpuPercent)) {
		const minutes = Math.round(thresholds.cpuSustainMs / 60_000);
		alerts.push({severity: 'critical', text: `host CPU above ${thresholds.cpuPercent} % for ${minutes} min (${formatPercent(recent.at(-1)!.cpuPercent!)} now)`});
	}
	const usedPercent = ((host.memory.totalBytes - host.memory.availableBytes) / host.memory.totalBytes) * 100;
	if (usedPercent > thresholds.memoryPercent) alerts.push({severity: 'critical', text: `host memory ${formatPercent(usedPercent)} used (over ${thresholds.memoryPercent} %)`});
	const perCore = host.load[0] / host.cores;
	if (perCore > thresholds.loadPerCore) alerts.push({severity: 'warning', text: `load ${host.load[0].toFixed(2)} on ${host.cores} cores (${perCore.toFixed(2)} per core, over ${thresholds.loadPerCore})`});
	const zombies = history.at(-1)?.zombies ?? 0;
	if (zombies > 0) {
		const before = history.find((sample) => sample.at >= now - thresholds.zombieWindowMs && sample.zombies !== null)?.zombies ?? zombies;
		const growing = zombies > before;
		alerts.push({severity: growing ? 'critical' : 'warning', text: `${zombies} zombie process${zombies === 1 ? '' : 'es'}${growing ? ` and growing (${before} ${Math.round(thresholds.zombieWindowMs / 60_000)} min ago)` : ''}`});
	}
	return alerts;
}
