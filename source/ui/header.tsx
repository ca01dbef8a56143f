import {Box, Text} from 'ink';
import {severityRank, type Severity} from '../domain/diagnosis/finding.js';
import type {Alert, FleetSummary} from '../domain/fleet-summary.js';
import {causesLine, summaryLine} from '../domain/fleet-summary.js';
import type {Segment} from '../domain/host-pane.js';
import type {EngineStatus} from '../sources/docker/engine-status.js';
import {colorOf, severityColor} from './tones.js';

export interface HeaderProps {
	engines: EngineStatus[];
	summary: FleetSummary;
	host: Segment[][];
	readOnly: boolean;
	width: number;
}

/** Lines the header takes: the fleet, its failures and alerts, then the host pane's lines. */
export const fleetLines = 2;


function engineText(engine: EngineStatus): string {
	const version = engine.version ? ` ${engine.version}` : '';
	const stats = engine.statsSource ? `, stats: ${engine.statsSource}` : '';
	return `${engine.endpoint} (${engine.state}${version}${stats})`;
}

function worstSeverity(alerts: Alert[]): Severity | null {
	return alerts.reduce<Severity | null>((worst, alert) => (worst === null || severityRank[alert.severity] > severityRank[worst] ? alert.severity : worst), null);
}

/**
 * The summary line takes the colour of the worst alert (availability and loops are in it);
 * the causes come next, as they are the answer, then the alerts' own words where room is left.
 */
export function Header({engines, summary, host, readOnly, width}: HeaderProps) {
	const causes = causesLine(summary);
	const worst = worstSeverity(summary.alerts);
	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate">
				<Text bold color="cyan">fleettop</Text>
				{readOnly ? <Text inverse bold>{' READ-ONLY '}</Text> : null}
				{' · '}
				<Text color={worst ? severityColor[worst] : 'green'} bold={worst === 'critical'}>{summaryLine(summary)}</Text>
				<Text dimColor>{` · ${engines.map(engineText).join(' · ')}`}</Text>
			</Text>
			<Text wrap="truncate">
				{causes ? <Text color="red">{causes}</Text> : <Text color="green">{summary.total ? 'no failures' : ' '}</Text>}
				{summary.alerts.map((alert) => (
					<Text key={alert.text} color={severityColor[alert.severity]}>{`  ⚠ ${alert.text}`}</Text>
				))}
			</Text>
			{host.map((line, index) => (
				<Text key={index} wrap="truncate">
					{line.map((segment, part) => (
						<Text key={part} color={colorOf(segment.tone)} dimColor={segment.tone === 'plain'}>{segment.text}</Text>
					))}
				</Text>
			))}
		</Box>
	);
}
