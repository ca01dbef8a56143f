import {Box, Text} from 'ink';
import {useRef} from 'react';
import {containerCells, fitCells, layoutColumns, titleCells, type Column} from '../domain/columns.js';
import type {ContainerRecord, ContainerStats} from '../domain/container.js';
import type {ListRow} from '../domain/rows.js';
import {scrollTop} from '../domain/scroll.js';
import {toneOf} from '../domain/trouble.js';
import {toneColor} from './tones.js';

export interface ContainersPaneProps {
	rows: ListRow[];
	containers: Record<string, ContainerRecord>;
	stats: Record<string, ContainerStats>;
	selectedKey: string | null;
	now: number;
	width: number;
	height: number;
	emptyText: string;
}

function ContainerLine({record, stats, columns, selected, now}: {record: ContainerRecord; stats?: ContainerStats; columns: Column[]; selected: boolean; now: number}) {
	const cells = fitCells(columns, containerCells(record, stats, now));
	const color = toneColor[toneOf(record)];
	return (
		<Text inverse={selected} bold={selected} wrap="truncate">
			{selected ? '▶ ' : '  '}
			{cells.map((cell, index) => {
				const id = columns[index]?.id;
				const tinted = id === 'state' || id === 'health' || id === 'exit' || id === 'restarts';
				return (
					<Text key={id} color={tinted ? color : undefined}>
						{index === 0 ? cell : ` ${cell}`}
					</Text>
				);
			})}
		</Text>
	);
}

export function ContainersPane({rows, containers, stats, selectedKey, now, width, height, emptyText}: ContainersPaneProps) {
	const columns = layoutColumns(width);
	const bodyHeight = Math.max(height - 1, 1);
	const selectedIndex = Math.max(rows.findIndex((row) => row.kind === 'container' && row.key === selectedKey), 0);
	const top = useRef(0);
	top.current = scrollTop(selectedIndex, rows.length, bodyHeight, top.current);
	const visible = rows.slice(top.current, top.current + bodyHeight);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold dimColor wrap="truncate">
				{'  '}
				{fitCells(columns, titleCells(columns)).join(' ')}
			</Text>
			{rows.length === 0 && <Text dimColor>{`  ${emptyText}`}</Text>}
			{visible.map((row) => {
				if (row.kind === 'group') {
					return (
						<Text key={`group:${row.id}`} color="cyan" bold wrap="truncate">
							{`▾ ${row.title} `}
							<Text dimColor>{`(${row.total}${row.trouble ? `, ${row.trouble} in trouble` : ''})`}</Text>
						</Text>
					);
				}
				const record = containers[row.key];
				if (!record) return null;
				return <ContainerLine key={row.key} record={record} stats={stats[row.key]} columns={columns} selected={row.key === selectedKey} now={now} />;
			})}
		</Box>
	);
}
