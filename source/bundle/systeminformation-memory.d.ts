// systeminformation's memory reader on its own: the package's index loads every reader it has
// (a third of the bundle) for the one fleettop calls.
declare module 'systeminformation/lib/memory.js' {
	import type {Systeminformation} from 'systeminformation';
	export function mem(): Promise<Systeminformation.MemData>;
}
