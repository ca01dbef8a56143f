import {Box, Text} from 'ink';
import type {LogRow, LogScreen, LogSegment} from '../domain/log-layout.js';
import type {LogViewState} from '../store/fleet-store.js';

// The log pane: newest at the bottom while following; stderr red, error lines bold, restarts
// and skipped lines marked, search matches on yellow (the one gone to on green).

export interface LogViewProps {
	screen: LogScreen;
	log: LogViewState;
	title: string;
	error: string | null;
	/** Entries in the buffer, whatever the filter shows. */
	buffered: number;
	width: number;
	height: number;
}

function Segment({segment}: {segment: LogSegment}) {
	if (segment.tone === 'time') return <Text dimColor>{segment.text}</Text>;
	if (segment.tone === 'name') return <Text color={segment.color}>{segment.text}</Text>;
	if (segment.tone === 'match') return <Text backgroundColor="yellow" color="black">{segment.text}</Text>;
	if (segment.tone === 'current') return <Text backgroundColor="green" color="black">{segment.text}</Text>;
	return <Text>{segment.text}</Text>;
}

function Row({row}: {row: LogRow}) {
	const color = row.style === 'stderr' ? 'red' : row.style === 'separator' ? 'cyan' : undefined;
	return (
		<Text color={color} bold={row.error} wrap="truncate">
			{row.segments.map((segment, index) => <Segment key={index} segment={segment} />)}
		</Text>
	);
}

/** The line under the log: what is being typed, or which settings are in effect. */
export function logStatus(log: LogViewState, screen: LogScreen, buffered: number): string {
	if (log.editing) return `${log.editing === 'search' ? '/' : 'filter: '}${log.input}█`;
	const parts: string[] = [];
	if (log.filter) parts.push(`filter "${log.filter}"`);
	if (log.search) {
		const at = log.current === null ? -1 : screen.matches.indexOf(log.current);
		parts.push(`"${log.search}" ${at === -1 ? '' : `${at + 1} of `}${screen.matches.length} match${screen.matches.length === 1 ? '' : 'es'} (n older, N newer)`);
	}
	if (log.stderrOnly) parts.push('stderr only');
	if (log.wrap) parts.push('wrapped');
	parts.push(log.filter || log.stderrOnly ? `${screen.shown.length} of ${buffered} lines` : `${buffered} lines`);
	return parts.join(' · ');
}

export function LogView({screen, log, title, error, buffered, width, height}: LogViewProps) {
	const state = log.top === null ? 'following' : 'paused — G follows';
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold color="cyan" wrap="truncate">
				{`${title} · ${state}`}
				{error ? <Text color="red">{`  ✖ ${error}`}</Text> : null}
			</Text>
			<Box flexDirection="column" height={Math.max(height - 2, 1)} overflow="hidden">
				{buffered === 0 && <Text dimColor>{'  (nothing printed yet)'}</Text>}
				{buffered > 0 && screen.shown.length === 0 && <Text dimColor>{'  (no line matches)'}</Text>}
				{screen.rows.map((row) => <Row key={row.id} row={row} />)}
			</Box>
			<Text dimColor={!log.editing} color={log.editing ? 'yellow' : undefined} wrap="truncate">{logStatus(log, screen, buffered)}</Text>
		</Box>
	);
}
