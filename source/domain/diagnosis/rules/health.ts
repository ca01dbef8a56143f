import type {ContainerRecord} from '../../container.js';
import type {Finding, Rule} from '../finding.js';

// Health checks: a failing probe's own output, and checks that cannot fail ("CMD true",
// "exit 0", "|| true"), whose "healthy" says nothing, least of all on a container that loops.

const alwaysTrue = /^(?:\/bin\/|\/usr\/bin\/)?true$|^exit 0$|\|\|\s*(?:\/bin\/)?true\s*$|\|\|\s*exit 0\s*$/;

/** The check as a shell would read it, for messages: ["CMD-SHELL", "x"] -> "x". */
export function healthcheckText(test: string[]): string {
	const [kind, ...rest] = test;
	return kind === 'CMD-SHELL' ? rest.join(' ') : kind === 'CMD' ? rest.join(' ') : test.join(' ');
}

export function cannotFail(test: string[] | null): boolean {
	if (!test) return false;
	return alwaysTrue.test(healthcheckText(test).trim());
}

function lastFailingProbe(record: ContainerRecord) {
	return [...(record.details?.healthLog ?? [])].reverse().find((probe) => probe.exitCode !== 0) ?? null;
}

export const failingHealthcheck: Rule = ({record}) => {
	if (record.health !== 'unhealthy' || record.state !== 'running') return null;
	const probe = lastFailingProbe(record);
	const test = record.details?.healthcheck;
	return {
		rule: 'health-failing',
		severity: 'critical',
		cause: `health check failing${test ? `: ${healthcheckText(test)}` : ''}`,
		evidence: probe ? `probe exit ${probe.exitCode}${probe.output ? `: ${probe.output}` : ' (no output)'}` : null,
		hint: 'Run the check by hand (docker exec NAME sh -c "…") and read the application log for why it does not answer.',
		group: 'health check failing',
	};
};

export const healthcheckCannotFail: Rule = ({record}) => {
	const test = record.details?.healthcheck ?? null;
	if (!cannotFail(test)) return null;
	const down = record.state !== 'running' || (record.exitCode !== null && record.exitCode !== 0);
	const finding: Finding = {
		rule: 'health-cannot-fail',
		severity: down ? 'warning' : 'info',
		cause: `health check cannot fail: ${healthcheckText(test!)}`,
		evidence: `Healthcheck.Test = ${JSON.stringify(test)}`,
		hint: 'Make the check exercise the service (an HTTP request, a query), so that "healthy" means something.',
		group: 'health check cannot fail',
	};
	return finding;
};
