import type {ContainerRecord} from '../domain/container.js';
import {containerKeys} from '../domain/rows.js';
import type {ContainerAction} from '../sources/docker/container-actions.js';
import type {FleetState, PendingAction} from './fleet-store.js';

// Which containers an action touches (the marked ones, else the selected one), which it leaves
// out and why, and whether it asks first. Pure: the runner does the work.

/** Safe actions run at once on one container; everything else, and every bulk action, asks first. */
export const asksFirst: Record<ContainerAction, boolean> = {
	start: false, unpause: false, stop: true, restart: true, kill: true, pause: true, 'stop-loop': true, 're-arm': true,
};

export function skipReason(action: ContainerAction, record: ContainerRecord, state: Pick<FleetState, 'stoppedLoops'>): string | null {
	const stopped = Boolean(state.stoppedLoops[record.key]);
	switch (action) {
		case 'stop-loop':
			return !stopped && (record.restartPolicy === '' || record.restartPolicy === 'no') ? 'no restart policy: it does not loop' : null;
		case 're-arm':
			return stopped ? null : 'its loop was not stopped by fleettop';
		case 'pause':
			return record.state === 'running' ? null : `not running (${record.state})`;
		case 'unpause':
			return record.state === 'paused' ? null : 'not paused';
		default:
			return null;
	}
}

export function planAction(state: Pick<FleetState, 'rows' | 'containers' | 'view' | 'stoppedLoops'>, action: ContainerAction): PendingAction {
	const shown = containerKeys(state.rows);
	const marked = new Set(state.view.marks);
	const keys = marked.size > 0 ? [...shown.filter((key) => marked.has(key)), ...[...marked].filter((key) => !shown.includes(key))] : [state.view.selectedKey].filter((key): key is string => Boolean(key));
	const plan: PendingAction = {action, targets: [], skipped: []};
	for (const key of keys) {
		const record = state.containers[key];
		if (!record) continue;
		const reason = skipReason(action, record, state);
		if (reason) plan.skipped.push({name: record.name, reason});
		else plan.targets.push({key, name: record.name});
	}
	return plan;
}

export function needsConfirmation(plan: PendingAction): boolean {
	return asksFirst[plan.action] || plan.targets.length > 1;
}
