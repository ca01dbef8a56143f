import {Box, Text} from 'ink';
import type {Binding} from '../keymap/bindings.js';
import {helpGrid, helpSections} from '../keymap/describe.js';

/** Columns of about 48 cells, as many as fit; the columns scroll together (j/k) when taller than the pane. */
export const helpColumnWidth = 48;

export function helpColumnCount(width: number): number {
	return Math.max(1, Math.floor(width / helpColumnWidth));
}

export function HelpOverlay({bindings, top, width, height}: {bindings: Binding[]; top: number; width: number; height: number}) {
	const grid = helpGrid(helpSections(bindings), helpColumnCount(width));
	const columnWidth = Math.floor(width / grid.length);
	const bodyHeight = Math.max(height - 1, 1);
	const tallest = Math.max(...grid.map((column) => column.length));
	const more = tallest > top + bodyHeight ? '   (j/k scroll)' : '';
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold color="cyan">{'fleettop keys'}<Text dimColor>{`   (Esc, ? or q closes)${more}`}</Text></Text>
			<Box flexDirection="row">
				{grid.map((column, index) => {
					const keyWidth = Math.max(...column.map((line) => line.keys.length)) + 2;
					return (
						<Box key={index} flexDirection="column" width={columnWidth} flexShrink={0}>
							{column.slice(top, top + bodyHeight).map((line, row) =>
								line.kind === 'title' ? (
									<Text key={row} bold underline wrap="truncate">{line.label}</Text>
								) : (
									<Text key={row} wrap="truncate">
										<Text color="yellow">{line.keys.padEnd(keyWidth)}</Text>
										{line.label}
									</Text>
								),
							)}
						</Box>
					);
				})}
			</Box>
		</Box>
	);
}
