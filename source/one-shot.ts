import type {Settings} from './config.js';
import {connectSources, type Connection} from './store/connect.js';
import {createFleetStore, thresholdsFrom, type FleetState, type FleetStore} from './store/fleet-store.js';

// What the commands that connect, do one thing and exit (--once, report, restart) share: the
// store, the sources, the first complete picture, and one line for each engine that is away.

/** Writes one line per engine that is not connected; true when there was any. */
export function reportDownEngines(state: FleetState, stderr: NodeJS.WritableStream): boolean {
	const down = Object.values(state.engines).filter((engine) => engine.state !== 'connected');
	for (const engine of down) stderr.write(`fleettop: ${engine.message ?? `engine ${engine.engine} is not connected`}\n`);
	return down.length > 0;
}

/** Connects, waits for the first picture, runs `work` while connected (exit 1 if an engine is away), disconnects. */
export async function withFleet(settings: Settings, stderr: NodeJS.WritableStream, work: (store: FleetStore, connection: Connection) => Promise<number>): Promise<number> {
	const store = createFleetStore({thresholds: thresholdsFrom(settings)});
	const connection = connectSources(store, settings, {oneShot: true});
	try {
		await connection.ready;
		connection.flush();
		if (reportDownEngines(store.getState(), stderr)) return 1;
		return await work(store, connection);
	} finally {
		connection.stop();
	}
}
