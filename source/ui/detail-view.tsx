import {Box, Text} from 'ink';
import type {DetailLine, LineStyle} from '../domain/detail-lines.js';

const styleProps: Record<LineStyle, {color?: string; bold?: boolean; dimColor?: boolean}> = {
	title: {bold: true, color: 'cyan'},
	heading: {bold: true},
	bad: {color: 'red'},
	warn: {color: 'yellow'},
	ok: {color: 'green'},
	dim: {dimColor: true},
	plain: {},
};

export interface DetailViewProps {
	lines: DetailLine[];
	top: number;
	width: number;
	height: number;
}

/** One container in full; scrolled by the keymap (detail.* actions), closed with Esc. */
export function DetailView({lines, top, width, height}: DetailViewProps) {
	const bodyHeight = Math.max(height - 1, 1);
	const visible = lines.slice(top, top + bodyHeight);
	const below = lines.length - top - bodyHeight;
	const position = top > 0 || below > 0 ? `${top > 0 ? `↑ ${top} lines above  ` : ''}${below > 0 ? `↓ ${below} more lines` : ''}` : ' ';
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{visible.map((line, index) => (
				<Text key={top + index} wrap="truncate" {...styleProps[line.style]}>
					{line.text || ' '}
				</Text>
			))}
			{Array.from({length: bodyHeight - visible.length}, (_, index) => <Text key={`pad${index}`}> </Text>)}
			<Text dimColor wrap="truncate">{position}</Text>
		</Box>
	);
}
