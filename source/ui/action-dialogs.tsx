// The dialogs of actions: what an action will touch before the yes, and what it did after.
import {Box, Text} from 'ink';
import type {ContainerAction} from '../sources/docker/container-actions.js';
import type {ActionResults, PendingAction, PendingProcess, PendingRestart, ViewState} from '../store/fleet-store.js';

const describe: Record<ContainerAction, string> = {
	start: 'Start',
	stop: 'Stop',
	restart: 'Restart',
	kill: 'Kill',
	pause: 'Pause',
	unpause: 'Unpause',
	'stop-loop': 'Break the restart loop of',
	're-arm': 'Re-arm the loop of',
};

const explain: Partial<Record<ContainerAction, string>> = {
	'stop-loop': 'restart policy set to "no", then stopped; the container and its logs stay; B re-arms',
	're-arm': 'the saved restart policy comes back, then it starts',
	kill: 'SIGKILL: no grace period',
};

/** The one confirmation of an action: every container it will touch, and those it leaves out. */
export function ConfirmView({pending, width, height}: {pending: PendingAction; width: number; height: number}) {
	const count = pending.targets.length;
	const room = Math.max(height - 4 - Math.min(pending.skipped.length, 3), 1);
	const shown = pending.targets.slice(0, room);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold color="yellow" wrap="truncate">{`${describe[pending.action]} ${count === 1 ? pending.targets[0]!.name : `these ${count} containers`}?`}</Text>
			<Text wrap="truncate">
				<Text color="yellow">{'y/Enter'}</Text>
				{' do it   '}
				<Text color="yellow">{'n/Esc'}</Text>
				{' cancel'}
				<Text dimColor>{explain[pending.action] ? `   (${explain[pending.action]})` : ''}</Text>
			</Text>
			{count > 1 && shown.map((target) => <Text key={target.key} wrap="truncate">{`  ${target.name}`}</Text>)}
			{count > shown.length && <Text dimColor>{`  … and ${count - shown.length} more`}</Text>}
			{pending.skipped.slice(0, 3).map((skip) => (
				<Text key={skip.name} dimColor wrap="truncate">{`  skipped ${skip.name}: ${skip.reason}`}</Text>
			))}
			{pending.skipped.length > 3 && <Text dimColor>{`  … ${pending.skipped.length - 3} more skipped`}</Text>}
		</Box>
	);
}

/** Stopping a host process: the operator sees exactly what will be signalled. */
export function ProcessConfirmView({target, width, height}: {target: PendingProcess; width: number; height: number}) {
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold color="yellow" wrap="truncate">{`Stop the host process holding port ${target.port}, in the way of ${target.for}?`}</Text>
			<Text wrap="truncate">{`  pid     ${target.pid}`}</Text>
			<Text wrap="truncate">{`  user    ${target.user}`}</Text>
			<Text wrap="truncate">{`  command ${target.command}`}</Text>
			<Text wrap="truncate">
				<Text color="yellow">{'y/Enter'}</Text>
				{' SIGTERM   '}
				<Text color="yellow">{'K'}</Text>
				{' SIGTERM, then SIGKILL after 5 s   '}
				<Text color="yellow">{'n/Esc'}</Text>
				{' cancel'}
			</Text>
		</Box>
	);
}

/** An ordered restart: the plan, in the order it will run. */
export function RestartConfirmView({pending, width, height}: {pending: PendingRestart; width: number; height: number}) {
	const [title, ...steps] = pending.lines;
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold color="yellow" wrap="truncate">{`${title}?`}</Text>
			<Text wrap="truncate">
				<Text color="yellow">{'y/Enter'}</Text>
				{' do it   '}
				<Text color="yellow">{'n/Esc'}</Text>
				{' cancel'}
				<Text dimColor>{'   (a service that does not get ready stops its dependents)'}</Text>
			</Text>
			{steps.map((line) => (
				<Text key={line} wrap="truncate">{line}</Text>
			))}
		</Box>
	);
}

export function ResultsView({results, width, height}: {results: ActionResults; width: number; height: number}) {
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold wrap="truncate">{results.title}</Text>
			{results.lines.map((line) => (
				<Text key={line.text} color={line.ok ? 'green' : 'red'} wrap="truncate">{`  ${line.text}`}</Text>
			))}
		</Box>
	);
}

/** A supervisord program's stop or restart, before the yes. */
export function ProgramConfirmView({pending, width, height}: {pending: NonNullable<ViewState['pendingProgram']>; width: number; height: number}) {
	const what = pending.action === 'stop' ? 'Stop' : 'Restart';
	const how = pending.action === 'restart' ? 'supervisord has no restart: stopped, then started' : 'supervisord will not start it again until you do (u)';
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold color="yellow" wrap="truncate">{`${what} ${pending.target.label}?`}</Text>
			<Text wrap="truncate">
				<Text color="yellow">{'y/Enter'}</Text>
				{' do it   '}
				<Text color="yellow">{'n/Esc'}</Text>
				{' cancel'}
				<Text dimColor>{`   (${how})`}</Text>
			</Text>
		</Box>
	);
}
