import {Box, Text} from 'ink';
import {fitCell} from '../domain/columns.js';
import type {HostTable} from '../domain/host-views.js';
import {scrollTop} from '../domain/scroll.js';
import {useRef} from 'react';
import {colorOf} from './tones.js';


/** The processes or ports view: a title, a header, rows that scroll with the selection. */
export function HostTableView({table, selected, width, height}: {table: HostTable; selected: number; width: number; height: number}) {
	const fixed = table.columns.reduce((sum, column) => sum + (column.width ? column.width + 1 : 0), 2);
	const widths = table.columns.map((column) => column.width || Math.max(width - fixed, 10));
	const line = (cells: string[]) => cells.map((cell, index) => fitCell(cell, widths[index]!, table.columns[index]!.align)).join(' ');
	const bodyHeight = Math.max(height - 2, 1);
	const top = useRef(0);
	top.current = scrollTop(selected, table.rows.length, bodyHeight, top.current);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold color="cyan" wrap="truncate">{table.title}</Text>
			<Text bold dimColor wrap="truncate">{`  ${line(table.columns.map((column) => column.title))}`}</Text>
			{table.rows.slice(top.current, top.current + bodyHeight).map((row, index) => {
				const isSelected = top.current + index === selected;
				return (
					<Text key={top.current + index} inverse={isSelected} color={row.tone === 'heading' ? 'cyan' : colorOf(row.tone)} bold={row.tone === 'heading'} wrap="truncate">
						{`${isSelected ? '▶ ' : '  '}${line(row.cells)}`}
					</Text>
				);
			})}
		</Box>
	);
}
