import {createStore, type StoreApi} from 'zustand/vanilla';
import type {ContainerRecord, ContainerStats} from '../domain/container.js';
import type {ListRow} from '../domain/rows.js';
import type {EngineStatus} from '../sources/docker/engine-status.js';
import type {HostBasics} from '../sources/host/host-basics.js';

// The one store. Sources publish into it in batches (store/connect.ts); the UI reads fields and
// never derives lists itself: `rows` is rebuilt by the actions whenever its inputs change.

export type Overlay = 'help' | null;

export interface ViewState {
	selectedKey: string | null;
	filter: string;
	editingFilter: boolean;
	overlay: Overlay;
}

export interface FleetState {
	engines: Record<string, EngineStatus>;
	containers: Record<string, ContainerRecord>;
	stats: Record<string, ContainerStats>;
	host: HostBasics | null;
	rows: ListRow[];
	view: ViewState;
	/** Time of the last publish: durations on screen are computed from it, not from Date.now(). */
	now: number;
}

export type FleetStore = StoreApi<FleetState>;

export function createFleetStore(initial: Partial<FleetState> = {}): FleetStore {
	return createStore<FleetState>()(() => ({
		engines: {},
		containers: {},
		stats: {},
		host: null,
		rows: [],
		view: {selectedKey: null, filter: '', editingFilter: false, overlay: null},
		now: Date.now(),
		...initial,
	}));
}
