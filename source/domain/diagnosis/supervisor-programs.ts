import {flapText, isFlapping, isUnhealthy, type SupervisorStatus, type WatchedProgram} from '../supervisor.js';
import type {Finding} from './finding.js';

// A container that runs supervisord: its programs are its health. The row says so, and how many
// programs are in trouble; a FATAL program's cause is in its stderr, so that is the evidence.

function stateOf(program: WatchedProgram): string {
	return isFlapping(program) && program.state !== 'FATAL' ? `flapping (${flapText(program)})` : program.state;
}

export function supervisorFinding(status: SupervisorStatus | undefined): Finding | null {
	if (!status) return null;
	if (status.error) {
		const hint = status.containerKey
			? 'fleettop reads supervisord through docker exec: check that the container runs and its socket is set in [unix_http_server].'
			: 'Check that supervisord runs and that fleettop may read its socket; --supervisor URL names another.';
		return {rule: 'supervisor', severity: 'warning', cause: 'supervisord cannot be asked', evidence: status.error, hint, group: 'supervisord unreachable'};
	}
	const unhealthy = status.programs.filter(isUnhealthy);
	const count = status.programs.length;
	if (unhealthy.length === 0) {
		return {rule: 'supervisor', severity: 'info', cause: `supervisord: ${count} program${count === 1 ? '' : 's'}, none unhealthy`, evidence: null, hint: 'S lists its programs.', group: 'supervisord'};
	}
	const worst = unhealthy.find((program) => program.state === 'FATAL') ?? unhealthy[0]!;
	const names = unhealthy.slice(0, 3).map((program) => `${program.name} ${stateOf(program)}`).join(', ');
	return {
		rule: 'supervisor',
		severity: 'warning',
		cause: `supervisord: ${unhealthy.length} of ${count} programs unhealthy: ${names}${unhealthy.length > 3 ? ', …' : ''}`,
		evidence: worst.stderrTail.at(-1) ?? worst.spawnError ?? null,
		hint: 'S lists its programs: t shows a program\'s output, r restarts it (stop, then start).',
		group: 'supervisord programs unhealthy',
	};
}
