import {Box, Text} from 'ink';
import {memo, useMemo, useRef} from 'react';
import {containerCells, fitCells, layoutColumns, titleCells, type Column} from '../domain/columns.js';
import type {ContainerRecord, ContainerStats} from '../domain/container.js';
import type {Diagnosis} from '../domain/diagnosis/diagnose.js';
import type {ListRow} from '../domain/rows.js';
import {scrollTop} from '../domain/scroll.js';
import {toneOf} from '../domain/trouble.js';
import {severityColor, toneColor} from './tones.js';

export interface ContainersPaneProps {
	rows: ListRow[];
	containers: Record<string, ContainerRecord>;
	stats: Record<string, ContainerStats>;
	diagnoses: Record<string, Diagnosis>;
	marks: string[];
	stoppedLoops: Record<string, unknown>;
	outcomes: Record<string, 'running' | 'ok' | 'failed'>;
	selectedKey: string | null;
	now: number;
	width: number;
	height: number;
	emptyText: string;
}

interface ContainerLineProps {
	/** Each column's text, already cut or padded to its width. */
	cells: string[];
	columns: Column[];
	color: string | undefined;
	selected: boolean;
	mark: {text: string; color: string};
}

/** The mark column: an action's progress on this row first, else whether it is marked. */
const outcomeMark = {running: {text: '…', color: 'yellow'}, ok: {text: '✔', color: 'green'}, failed: {text: '✖', color: 'red'}} as const;
const markedMark = {text: '•', color: 'cyan'};
const unmarked = {text: ' ', color: 'cyan'};
const tinted = new Set(['state', 'health', 'exit', 'restarts', 'diagnosis']);

// Rows are compared by their text: a row whose cells read the same is not rendered again, so a
// frame costs what changed on screen, not the size of the fleet.
const sameLine = (before: ContainerLineProps, after: ContainerLineProps) =>
	before.columns === after.columns && before.color === after.color && before.selected === after.selected && before.mark === after.mark &&
	before.cells.length === after.cells.length && before.cells.every((cell, index) => cell === after.cells[index]);

const ContainerLine = memo(function ContainerLine({cells, columns, color, selected, mark}: ContainerLineProps) {
	return (
		<Text inverse={selected} bold={selected} wrap="truncate">
			{selected ? '▶' : ' '}
			<Text color={mark.color}>{mark.text}</Text>
			{cells.map((cell, index) => {
				const id = columns[index]?.id ?? String(index);
				return (
					<Text key={id} color={tinted.has(id) ? color : undefined}>
						{index === 0 ? cell : ` ${cell}`}
					</Text>
				);
			})}
		</Text>
	);
}, sameLine);

/** The selected container's main finding and its evidence, whatever the width of the table. */
function WhyLine({record, diagnosis}: {record?: ContainerRecord; diagnosis?: Diagnosis}) {
	const finding = diagnosis?.findings[0];
	if (!record || !finding) return <Text dimColor wrap="truncate">{record ? `  ${record.name}: nothing wrong that fleettop can see · Enter details` : ' '}</Text>;
	return (
		<Text wrap="truncate">
			<Text color={severityColor[finding.severity]}>{`  ${record.name}: ${diagnosis.summary}`}</Text>
			<Text dimColor>{finding.evidence ? ` — ${finding.evidence}` : ''}{' · Enter details'}</Text>
		</Text>
	);
}

export function ContainersPane({rows, containers, stats, diagnoses, marks, stoppedLoops, outcomes, selectedKey, now, width, height, emptyText}: ContainersPaneProps) {
	const marked = new Set(marks);
	const columns = useMemo(() => layoutColumns(width), [width]);
	const bodyHeight = Math.max(height - 2, 1);
	const selectedIndex = Math.max(rows.findIndex((row) => row.kind === 'container' && row.key === selectedKey), 0);
	const top = useRef(0);
	top.current = scrollTop(selectedIndex, rows.length, bodyHeight, top.current);
	const visible = rows.slice(top.current, top.current + bodyHeight);
	return (
		<Box flexDirection="column" width={width} height={height}>
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
				const diagnosis = diagnoses[row.key];
				const outcome = outcomes[row.key];
				return (
					<ContainerLine
						key={row.key}
						cells={fitCells(columns, containerCells(record, stats[row.key], now, diagnosis, row.key in stoppedLoops))}
						columns={columns}
						color={toneColor[toneOf(record, diagnosis)]}
						selected={row.key === selectedKey}
						mark={outcome ? outcomeMark[outcome] : marked.has(row.key) ? markedMark : unmarked}
					/>
				);
			})}
			<Box flexGrow={1} />
			<WhyLine record={selectedKey ? containers[selectedKey] : undefined} diagnosis={selectedKey ? diagnoses[selectedKey] : undefined} />
		</Box>
	);
}
