import {moveSelection, selectEdge, setFilter, setOverlay} from '../store/actions.js';
import type {FleetStore} from '../store/fleet-store.js';
import type {Resolution} from './resolve.js';

export interface DispatchContext {
	/** Container rows visible in the pane: the distance of a page. */
	pageSize: number;
	quit(): void;
}

export function dispatch(store: FleetStore, resolution: Resolution, context: DispatchContext): void {
	if (!resolution) return;
	const {filter} = store.getState().view;
	switch (resolution.action) {
		case 'cursor.down': return moveSelection(store, 1);
		case 'cursor.up': return moveSelection(store, -1);
		case 'cursor.first': return selectEdge(store, 'first');
		case 'cursor.last': return selectEdge(store, 'last');
		case 'cursor.pageDown': return moveSelection(store, Math.max(1, context.pageSize - 1));
		case 'cursor.pageUp': return moveSelection(store, -Math.max(1, context.pageSize - 1));
		case 'filter.start': return setFilter(store, filter, true);
		case 'filter.input': return setFilter(store, filter + resolution.text, true);
		case 'filter.backspace': return setFilter(store, [...filter].slice(0, -1).join(''), true);
		case 'filter.accept': return setFilter(store, filter, false);
		case 'filter.cancel':
		case 'filter.clear': return setFilter(store, '', false);
		case 'help.toggle': return setOverlay(store, 'help');
		case 'help.close': return setOverlay(store, null);
		case 'quit': return context.quit();
	}
}
