import {writeFile} from 'node:fs/promises';
import {setTimeout as sleep} from 'node:timers/promises';
import type {Settings} from './config.js';
import {plainTable} from './domain/plain-table.js';
import {buildReport} from './domain/report.js';
import {buildSnapshot} from './domain/snapshot.js';
import {reportDownEngines, withFleet} from './one-shot.js';
import type {FleetState, FleetStore} from './store/fleet-store.js';

/** CPU % needs two readings: one interval for cgroup files, two frames (~2 s) for the API stream. */
async function untilStatsArrive(store: FleetStore, flush: () => void, deadlineMs: number): Promise<void> {
	const deadline = Date.now() + deadlineMs;
	while (Date.now() < deadline) {
		await sleep(100);
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
	return withFleet(settings, stderr, async (store, connection) => {
		await untilStatsArrive(store, connection.flush, 2 * settings.intervalMs + 2000);
		// An engine lost while the stats came in leaves nothing true to print.
		if (reportDownEngines(store.getState(), stderr)) return 1;
		return write(render(store.getState(), settings), settings, stdout, stderr);
	});
}

async function write(text: string, settings: Settings, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Promise<number> {
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
