import {Text} from 'ink';
import type {EngineStatus} from '../sources/docker/engine-status.js';
import type {ActionProgress, Notice} from '../store/fleet-store.js';

export interface StatusLineProps {
	engines: EngineStatus[];
	filter: string;
	shown: number;
	total: number;
	marks: number;
	notices: Notice[];
	progress: ActionProgress | null;
}

const noticeColor: Record<Notice['severity'], string> = {ok: 'green', warning: 'yellow', critical: 'red'};

/** The engine's trouble first (it explains an empty or stale list), then actions, then the filter. */
export function StatusLine({engines, filter, shown, total, marks, notices, progress}: StatusLineProps) {
	const down = engines.find((engine) => engine.state !== 'connected' && engine.message);
	if (down) {
		return <Text color="red" wrap="truncate">{`✖ ${down.message} — retrying`}</Text>;
	}
	if (engines.some((engine) => engine.state === 'connecting')) {
		return <Text color="yellow" wrap="truncate">{`… connecting to ${engines.map((engine) => engine.endpoint).join(', ')}`}</Text>;
	}
	if (progress) {
		return <Text color="yellow" wrap="truncate">{`… ${progress.action} ${progress.done}/${progress.total}${progress.failed ? `, ${progress.failed} failed` : ''}`}</Text>;
	}
	const notice = notices.at(-1);
	if (notice) return <Text color={noticeColor[notice.severity]} wrap="truncate">{`${notice.severity === 'ok' ? '✔' : '✖'} ${notice.text}`}</Text>;
	if (marks > 0) return <Text color="cyan" wrap="truncate">{`${marks} marked: actions apply to them (A clears)${filter ? ` · filter "${filter}"` : ''}`}</Text>;
	if (filter) {
		return <Text color="yellow" wrap="truncate">{`filter "${filter}": ${shown} of ${total} containers — Esc clears`}</Text>;
	}
	return <Text> </Text>;
}
