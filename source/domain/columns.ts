import cliTruncate from 'cli-truncate';
import stringWidth from './fast-string-width.js';
import {hasProcess, type ContainerRecord, type ContainerStats} from './container.js';
import type {Diagnosis} from './diagnosis/diagnose.js';
import {formatBytes, formatDuration, formatPercent} from './format.js';

// The containers table: which columns fit a width, and each cell's text. Pure, so the pane
// only paints and tests can check every width down to 80 columns.

export type ColumnId = 'name' | 'state' | 'health' | 'exit' | 'restarts' | 'age' | 'cpu' | 'memory' | 'network' | 'diagnosis';

export interface Column {
	id: ColumnId;
	title: string;
	width: number;
	align: 'left' | 'right';
}

const fixed: Column[] = [
	{id: 'state', title: 'STATE', width: 10, align: 'left'},
	{id: 'health', title: 'HEALTH', width: 9, align: 'left'},
	{id: 'exit', title: 'EXIT', width: 4, align: 'right'},
	{id: 'restarts', title: 'RST', width: 4, align: 'right'},
	{id: 'age', title: 'UP/EXITED', width: 9, align: 'right'},
	{id: 'cpu', title: 'CPU', width: 5, align: 'right'},
	{id: 'memory', title: 'MEM/LIMIT', width: 9, align: 'right'},
];

/** The row marker takes 2 cells; one space separates columns. */
export const markerWidth = 2;

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/** The diagnosis column needs this many cells to say anything; narrower, the pane's "why" line says it. */
const diagnosisMinWidth = 24;

export function layoutColumns(totalWidth: number): Column[] {
	const fixedWidth = fixed.reduce((sum, column) => sum + column.width + 1, 0);
	const flexible = Math.max(totalWidth - markerWidth - fixedWidth - 1, 16);
	const name = (width: number): Column => ({id: 'name', title: 'NAME', width, align: 'left'});
	const network = (width: number): Column => ({id: 'network', title: 'NET/PORTS', width, align: 'left'});
	const withDiagnosis = flexible - 1 - 16 - 8;
	if (withDiagnosis >= diagnosisMinWidth) {
		const nameWidth = clamp(Math.floor(flexible * 0.3), 16, 32);
		const networkWidth = clamp(Math.floor(flexible * 0.15), 8, 22);
		const diagnosis: Column = {id: 'diagnosis', title: 'DIAGNOSIS', width: flexible - 1 - nameWidth - networkWidth, align: 'left'};
		return [name(nameWidth), ...fixed, network(networkWidth), diagnosis];
	}
	const networkWidth = clamp(Math.floor(flexible * 0.3), 6, 28);
	return [name(Math.max(flexible - networkWidth, 10)), ...fixed, network(networkWidth)];
}

// Cells repeat from frame to frame (names, states, causes) and measuring text that is not plain
// ASCII is slow (grapheme segmentation): each fitted cell is remembered, a bounded number of them.
const fitted = new Map<string, string>();
const maxFitted = 5000;

export function fitCell(text: string, width: number, align: 'left' | 'right'): string {
	const key = `${width}${align}${text}`;
	const known = fitted.get(key);
	if (known !== undefined) return known;
	const cut = stringWidth(text) > width ? cliTruncate(text, width, {position: 'end'}) : text;
	const pad = ' '.repeat(Math.max(0, width - stringWidth(cut)));
	const cell = align === 'left' ? cut + pad : pad + cut;
	if (fitted.size >= maxFitted) fitted.clear();
	fitted.set(key, cell);
	return cell;
}

/** Each cell cut or padded to its column, in column order. */
export function fitCells(columns: Column[], cells: Partial<Record<ColumnId, string>>): string[] {
	return columns.map((column) => fitCell(cells[column.id] ?? '', column.width, column.align));
}

export function titleCells(columns: Column[]): Partial<Record<ColumnId, string>> {
	return Object.fromEntries(columns.map((column) => [column.id, column.title]));
}

function ageText(record: ContainerRecord, now: number): string {
	if (hasProcess(record)) {
		return record.startedAt ? formatDuration(now - record.startedAt) : '';
	}
	if (record.state === 'created') return formatDuration(now - record.createdAt);
	return record.finishedAt ? `${formatDuration(now - record.finishedAt)} ago` : '';
}

function networkText(record: ContainerRecord): string {
	if (record.ports.length > 0) return record.ports.join(',');
	return record.networkMode === 'default' ? 'bridge' : record.networkMode;
}

function memoryText(record: ContainerRecord, stats: ContainerStats | undefined): string {
	if (stats) return `${formatBytes(stats.memoryBytes)}/${formatBytes(stats.memoryLimitBytes)}`;
	return record.memoryLimit ? `-/${formatBytes(record.memoryLimit)}` : '';
}

function stateCell(record: ContainerRecord, loopStopped: boolean): string {
	const live = hasProcess(record);
	if (loopStopped && !live) return 'loop-stop';
	return record.oomKilled && !live ? 'oom-killed' : record.state;
}

/** `loopStopped`: fleettop broke its restart loop and keeps its policy for re-arm. */
export function containerCells(record: ContainerRecord, stats: ContainerStats | undefined, now: number, diagnosis?: Diagnosis, loopStopped = false): Record<ColumnId, string> {
	const live = hasProcess(record);
	return {
		name: record.name,
		state: stateCell(record, loopStopped),
		health: record.health ?? '',
		exit: record.exitCode === null ? '' : String(record.exitCode),
		restarts: record.inspected ? String(record.restartCount) : '',
		age: ageText(record, now),
		cpu: stats && live ? formatPercent(stats.cpuPercent) : '',
		memory: live ? memoryText(record, stats) : '',
		network: networkText(record),
		diagnosis: loopStopped ? `loop stopped (B re-arms)${diagnosis?.summary ? ` · ${diagnosis.summary}` : ''}` : (diagnosis?.summary ?? ''),
	};
}
