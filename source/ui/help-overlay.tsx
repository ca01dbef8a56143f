import {Box, Text} from 'ink';
import type {Binding} from '../keymap/bindings.js';
import {helpColumns, helpSections} from '../keymap/describe.js';

export function HelpOverlay({bindings, width, height}: {bindings: Binding[]; width: number; height: number}) {
	const sections = helpSections(bindings);
	const columns = helpColumns(sections, height - 1);
	const columnWidth = Math.floor(width / columns.length);
	// Each column as wide as its own longest keys: the labels keep the room at 80 columns.
	const keyWidth = (column: typeof sections) => Math.max(...column.flatMap((section) => section.entries.map((entry) => entry.keys.length))) + 2;
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold color="cyan">{'fleettop keys'}<Text dimColor>{'   (Esc, ? or q closes)'}</Text></Text>
			<Box flexDirection="row">
				{columns.map((column, index) => (
					<Box key={index} flexDirection="column" width={columnWidth} flexShrink={0}>
						{column.map((section) => (
							<Box key={section.title} flexDirection="column" flexShrink={0}>
								<Text bold underline>{section.title}</Text>
								{section.entries.map((entry) => (
									<Text key={entry.keys + entry.label} wrap="truncate">
										<Text color="yellow">{entry.keys.padEnd(keyWidth(column))}</Text>
										{entry.label}
									</Text>
								))}
							</Box>
						))}
					</Box>
				))}
			</Box>
		</Box>
	);
}
