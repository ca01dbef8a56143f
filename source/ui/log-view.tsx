import {Box, Text} from 'ink';
import {formatClock} from '../domain/format.js';
import type {FollowedLog} from '../store/fleet-store.js';

/** The followed log: newest at the bottom while following; stderr in red, restarts marked. */
export function LogView({log, name, top, width, height}: {log: FollowedLog | null; name: string; top: number | null; width: number; height: number}) {
	const entries = log?.entries ?? [];
	const bodyHeight = Math.max(height - 1, 1);
	const start = top ?? Math.max(entries.length - bodyHeight, 0);
	const visible = entries.slice(start, start + bodyHeight);
	const state = top === null ? 'following' : `paused at ${start + 1}/${entries.length} — G follows`;
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold color="cyan" wrap="truncate">
				{`log of ${name} · ${state}`}
				{log?.error ? <Text color="red">{`  ✖ ${log.error}`}</Text> : null}
			</Text>
			{entries.length === 0 && <Text dimColor>{'  (nothing printed yet)'}</Text>}
			{visible.map((entry, index) =>
				entry.kind === 'separator' ? (
					<Text key={start + index} color="cyan" dimColor wrap="truncate">{entry.text}</Text>
				) : (
					<Text key={start + index} color={entry.stream === 'stderr' ? 'red' : undefined} wrap="truncate">
						<Text dimColor>{entry.at ? `${formatClock(entry.at)} ` : ''}</Text>
						{entry.text}
					</Text>
				),
			)}
		</Box>
	);
}
