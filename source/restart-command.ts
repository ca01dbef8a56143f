import type {Settings} from './config.js';
import {planLines, planOrderedRestart} from './domain/restart-plan.js';
import {withFleet} from './one-shot.js';
import {dependenciesOf} from './store/derive.js';
import {runOrderedRestart} from './store/ordered-restart.js';

// `fleettop restart PROJECT [--dry-run] [--wait T]`: the plan, then each container's outcome as
// it happens. Exit 0 when every service got ready, 1 otherwise (and when the engine is away).
export function runRestart(settings: Settings, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Promise<number> {
	return withFleet(settings, stderr, async (store, connection) => {
		const state = store.getState();
		const plan = planOrderedRestart(settings.project ?? '', Object.values(state.containers), dependenciesOf(state));
		const lines = planLines(plan, settings.waitMs);
		if ('error' in plan) {
			stderr.write(`${lines.join('\n')}\n`);
			return 1;
		}
		stdout.write(`${lines.join('\n')}\n`);
		if (settings.dryRun) {
			stdout.write('dry run: nothing was changed\n');
			return 0;
		}
		const results = await runOrderedRestart(plan.steps, {
			act: connection.act,
			current: (key) => {
				connection.flush();
				return store.getState().containers[key];
			},
			waitMs: settings.waitMs,
			onResult: (result) => stdout.write(`  ${result.outcome === 'ok' ? 'ok     ' : result.outcome === 'failed' ? 'FAILED ' : 'skipped'} ${result.name}: ${result.message} (${(result.durationMs / 1000).toFixed(1)}s)\n`),
		});
		const failed = results.filter((result) => result.outcome !== 'ok').length;
		stdout.write(failed ? `${failed} of ${results.length} containers not ready\n` : `all ${results.length} containers ready\n`);
		return failed ? 1 : 0;
	});
}
