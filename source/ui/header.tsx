import {Box, Text} from 'ink';
import type {EngineStatus} from '../sources/docker/engine-status.js';

export interface HeaderProps {
	engines: EngineStatus[];
	counts: string;
	host: string;
	width: number;
}

function engineText(engine: EngineStatus): string {
	const version = engine.version ? ` ${engine.version}` : '';
	const stats = engine.statsSource ? `, stats: ${engine.statsSource}` : '';
	return `${engine.endpoint} (${engine.state}${version}${stats})`;
}

export function Header({engines, counts, host, width}: HeaderProps) {
	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate">
				<Text bold color="cyan">fleettop</Text>
				{` · ${counts} · `}
				<Text dimColor>{engines.map(engineText).join(' · ')}</Text>
			</Text>
			<Text wrap="truncate" dimColor>{host}</Text>
		</Box>
	);
}
