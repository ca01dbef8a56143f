import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {resolveSettings} from '../../source/config.js';
import {connectSources} from '../../source/store/connect.js';
import {createFleetStore} from '../../source/store/fleet-store.js';
import {showLog} from '../../source/store/log-actions.js';
import {requireEngine} from '../support/engine.js';
import {until} from '../support/run-cli.js';

// stop() must leave nothing behind: no timer, socket or stream of the engine, the host readers,
// supervisord or a followed log. A leftover keeps a process alive after it is done (and the
// suite runs with --test-force-exit, which would no longer notice).

/** Timers, sockets and other handles by kind, as Node counts them. */
function activeResources(): Map<string, number> {
	const counts = new Map<string, number>();
	for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
	return counts;
}

function beyond(baseline: Map<string, number>): string[] {
	return [...activeResources()].filter(([kind, count]) => count > (baseline.get(kind) ?? 0)).map(([kind, count]) => `${kind} × ${count - (baseline.get(kind) ?? 0)}`);
}

test('a stopped connection leaves no timer, socket or stream behind', async (t) => {
	if (!requireEngine(t)) return;
	const baseline = activeResources();
	const store = createFleetStore();
	const state = mkdtempSync(join(tmpdir(), 'fleettop-state-'));
	const connection = connectSources(store, resolveSettings({}, {XDG_STATE_HOME: state, HOME: state}));
	try {
		await connection.ready;
		connection.flush();
		// Follow a log too, so its stream is part of what stop() must end.
		const followed = Object.values(store.getState().containers).find((record) => record.name === 'lab-cpu-burn');
		assert.ok(followed, 'lab-cpu-burn is in the lab');
		showLog(store, {kind: 'container', key: followed.key});
		await new Promise((resolve) => setTimeout(resolve, 2500));
		assert.notDeepEqual(beyond(baseline), [], 'while running, the connection holds timers and sockets');
	} finally {
		connection.stop();
	}
	await until('every handle of the connection to close', async () => (beyond(baseline).length === 0 ? true : undefined), 15_000).catch(() => {
		assert.fail(`still open after stop(): ${beyond(baseline).join(', ')}`);
	});
});
