import {containerCells, fitCells, layoutColumns, markerWidth, titleCells, type ColumnId} from './columns.js';
import type {FleetState} from '../store/fleet-store.js';

// `fleettop --once` without --json: the containers pane as plain text lines, for a pipe or a ticket.
export function plainTable(state: Pick<FleetState, 'rows' | 'containers' | 'stats' | 'diagnoses' | 'now'>, width: number): string[] {
	const columns = layoutColumns(width);
	const line = (cells: Partial<Record<ColumnId, string>>) => ' '.repeat(markerWidth) + fitCells(columns, cells).join(' ');
	const lines = [line(titleCells(columns))];
	for (const row of state.rows) {
		if (row.kind === 'group') {
			lines.push(`${row.title} (${row.total}${row.trouble ? `, ${row.trouble} in trouble` : ''})`);
			continue;
		}
		const record = state.containers[row.key];
		if (record) lines.push(line(containerCells(record, state.stats[row.key], state.now, state.diagnoses[row.key])));
	}
	return lines.map((text) => text.trimEnd());
}
