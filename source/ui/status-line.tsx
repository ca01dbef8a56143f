import {Text} from 'ink';
import type {EngineStatus} from '../sources/docker/engine-status.js';

export interface StatusLineProps {
	engines: EngineStatus[];
	filter: string;
	shown: number;
	total: number;
}

/** The engine's trouble first (it explains an empty or stale list), then the active filter. */
export function StatusLine({engines, filter, shown, total}: StatusLineProps) {
	const down = engines.find((engine) => engine.state !== 'connected' && engine.message);
	if (down) {
		return <Text color="red" wrap="truncate">{`✖ ${down.message} — retrying`}</Text>;
	}
	if (engines.some((engine) => engine.state === 'connecting')) {
		return <Text color="yellow" wrap="truncate">{`… connecting to ${engines.map((engine) => engine.endpoint).join(', ')}`}</Text>;
	}
	if (filter) {
		return <Text color="yellow" wrap="truncate">{`filter "${filter}": ${shown} of ${total} containers — Esc clears`}</Text>;
	}
	return <Text> </Text>;
}
