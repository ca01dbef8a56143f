import {Box, Text} from 'ink';
import {useRef} from 'react';
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
	record: ContainerRecord;
	stats?: ContainerStats;
	diagnosis?: Diagnosis;
	columns: Column[];
	selected: boolean;
	marked: boolean;
	outcome?: 'running' | 'ok' | 'failed';
	loopStopped: boolean;
	now: number;
}

/** The mark column: an action's progress on this row first, else whether it is marked. */
const outcomeMark = {running: {text: '…', color: 'yellow'}, ok: {text: '✔', color: 'green'}, failed: {text: '✖', color: 'red'}} as const;

function ContainerLine({record, stats, diagnosis, columns, selected, marked, outcome, loopStopped, now}: ContainerLineProps) {
	const mark = outcome ? outcomeMark[outcome] : {text: marked ? '•' : ' ', color: 'cyan'};
	const cells = fitCells(columns, containerCells(record, stats, now, diagnosis, loopStopped));
	const color = toneColor[toneOf(record, diagnosis)];
	return (
		<Text inverse={selected} bold={selected} wrap="truncate">
			{selected ? '▶' : ' '}
			<Text color={mark.color}>{mark.text}</Text>
			{cells.map((cell, index) => {
				const id = columns[index]?.id;
				const tinted = id === 'state' || id === 'health' || id === 'exit' || id === 'restarts' || id === 'diagnosis';
				return (
					<Text key={id} color={tinted ? color : undefined}>
						{index === 0 ? cell : ` ${cell}`}
					</Text>
				);
			})}
		</Text>
	);
}

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
	const columns = layoutColumns(width);
	const bodyHeight = Math.max(height - 2, 1);
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
				return <ContainerLine key={row.key} record={record} stats={stats[row.key]} diagnosis={diagnoses[row.key]} columns={columns} selected={row.key === selectedKey} marked={marked.has(row.key)} outcome={outcomes[row.key]} loopStopped={row.key in stoppedLoops} now={now} />;
			})}
			<Box flexGrow={1} />
			<WhyLine record={selectedKey ? containers[selectedKey] : undefined} diagnosis={selectedKey ? diagnoses[selectedKey] : undefined} />
		</Box>
	);
}
