import {writeFile} from 'node:fs/promises';
import type {Settings} from './config.js';
import {plainTable} from './domain/plain-table.js';
import {buildReport} from './domain/report.js';
import {buildSnapshot} from './domain/snapshot.js';
import {connectSources} from './store/connect.js';
import {createFleetStore, thresholdsFrom, type FleetState, type FleetStore} from './store/fleet-store.js';

/** CPU % needs two readings: one interval for cgroup files, two frames (~2 s) for the API stream. */
async function untilStatsArrive(store: FleetStore, flush: () => void, deadlineMs: number): Promise<void> {
	const deadline = Date.now() + deadlineMs;
	while (Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 100));
		flush();
		const {containers, stats, processes} = store.getState();
		const live = Object.values(containers).filter((record) => record.state === 'running' && record.pid);
		// Process CPU needs two scans as well.
		const scanned = processes?.processes.some((process) => process.cpuPercent !== null) ?? false;
		if (live.length > 0 && live.every((record) => stats[record.key]) && scanned) return;
	}
}

function render(state: FleetState, settings: Settings): string {
	if (settings.command === 'report') return buildReport(state);
	return settings.json ? `${JSON.stringify(buildSnapshot(state), null, 2)}\n` : `${plainTable(state, 160).join('\n')}\n`;
}

// `fleettop --once [--json]` and `fleettop report`: connect, wait for a second stats reading
// (CPU % needs two), print or write, exit.
export async function runOnce(settings: Settings, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Promise<number> {
	const store = createFleetStore({thresholds: thresholdsFrom(settings)});
	const connection = connectSources(store, settings);
	try {
		await connection.ready;
		connection.flush();
		if (Object.values(store.getState().engines).every((engine) => engine.state === 'connected')) {
			await untilStatsArrive(store, connection.flush, 2 * settings.intervalMs + 2000);
		}
	} finally {
		connection.stop();
	}
	const state = store.getState();
	const failed = Object.values(state.engines).filter((engine) => engine.state !== 'connected');
	for (const engine of failed) stderr.write(`fleettop: ${engine.message ?? `engine ${engine.engine} is not connected`}\n`);
	if (failed.length > 0) return 1;
	const text = render(state, settings);
	if (!settings.output) {
		stdout.write(text);
		return 0;
	}
	try {
		await writeFile(settings.output, text);
	} catch (error) {
		stderr.write(`fleettop: cannot write the report to ${settings.output}: ${(error as Error).message}; choose another --output\n`);
		return 1;
	}
	stderr.write(`fleettop: report written to ${settings.output}\n`);
	return 0;
}
