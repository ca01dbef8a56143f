import {formatDuration} from './format.js';
import type {HostRow, HostTable} from './host-views.js';
import {flapText, isFlapping, isUnhealthy, programTone, type SupervisorStatus, type WatchedProgram} from './supervisor.js';

// The supervisord view (S): every supervisord, its programs under it, a group:* row for each real
// group (actions on the whole group), and a FATAL program's stderr tail under it.

/** Hosts first, then containers by name. */
function ordered(supervisors: Record<string, SupervisorStatus>): SupervisorStatus[] {
	return Object.values(supervisors).sort((a, b) => Number(a.containerKey !== null) - Number(b.containerKey !== null) || a.label.localeCompare(b.label));
}

function programRow(supervisor: SupervisorStatus, program: WatchedProgram, containerId: string | null, now: number): HostRow {
	const up = program.state === 'RUNNING' && program.startedAt ? formatDuration(now - program.startedAt) : '';
	const note = program.spawnError ?? (isFlapping(program) ? `flapping: ${flapText(program)}` : '');
	return {
		cells: [program.state, program.pid ? String(program.pid) : '', up, program.exitStatus === null ? '' : String(program.exitStatus), program.group === program.name ? program.name : program.fullName, note],
		tone: programTone(program),
		containerId,
		program: {supervisor: supervisor.id, target: program.fullName, label: `${program.fullName} (${supervisor.label})`},
	};
}

export function supervisorTable(supervisors: Record<string, SupervisorStatus>, idOf: (containerKey: string) => string | null, now: number): HostTable {
	const columns = [
		{title: 'STATE', width: 8, align: 'left' as const},
		{title: 'PID', width: 7, align: 'right' as const},
		{title: 'UP', width: 6, align: 'right' as const},
		{title: 'EXIT', width: 4, align: 'right' as const},
		{title: 'PROGRAM', width: 24, align: 'left' as const},
		{title: 'WHY', width: 0, align: 'left' as const},
	];
	const list = ordered(supervisors);
	const rows: HostRow[] = [];
	for (const supervisor of list) {
		const containerId = supervisor.containerKey ? idOf(supervisor.containerKey) : null;
		const unhealthy = supervisor.programs.filter(isUnhealthy).length;
		const state = supervisor.error ? `✖ ${supervisor.error}` : `${supervisor.state} · ${supervisor.programs.length} programs${unhealthy ? `, ${unhealthy} unhealthy` : ''}`;
		rows.push({cells: ['', '', '', '', '', `${supervisor.label === 'host' ? 'host' : supervisor.label} supervisord (${supervisor.where}): ${state}`], tone: 'heading', containerId});
		const groups = new Map<string, WatchedProgram[]>();
		for (const program of supervisor.programs) groups.set(program.group, [...(groups.get(program.group) ?? []), program]);
		for (const [group, programs] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
			if (programs.some((program) => program.name !== group)) {
				const running = programs.filter((program) => program.state === 'RUNNING').length;
				rows.push({cells: ['group', '', '', '', `${group}:*`, `${running} of ${programs.length} running`], tone: 'plain', containerId, program: {supervisor: supervisor.id, target: `${group}:*`, label: `group ${group} (${supervisor.label})`}});
			}
			for (const program of programs) {
				rows.push(programRow(supervisor, program, containerId, now));
				for (const line of program.stderrTail) rows.push({cells: ['', '', '', '', '', `stderr: ${line}`], tone: 'bad', containerId, program: {supervisor: supervisor.id, target: program.fullName, label: `${program.fullName} (${supervisor.label})`}});
			}
		}
	}
	const programs = list.flatMap((supervisor) => supervisor.programs);
	const unhealthy = programs.filter(isUnhealthy).length;
	// The keys are in the footer: in --read-only there are fewer.
	const title = list.length === 0
		? 'supervisord: none seen (on the host, give it with --supervisor URL; in containers, fleettop finds it in the process table)'
		: `supervisord ${list.length} · ${programs.length} programs · ${unhealthy} unhealthy`;
	return {title, columns, rows};
}
