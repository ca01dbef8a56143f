import type {ContainerRecord} from './container.js';
import type {DependencyInfo} from './diagnosis/dependencies.js';

// The order in which to restart a compose project: every service after the services it
// depends on (depends_on from the compose file and labels), so that nothing starts before what
// it needs is ready. Pure: the runner does the waiting.

export interface RestartTarget {
	key: string;
	id: string;
	name: string;
	/** "restart" a container that runs, "start" one that is stopped or was only created. */
	verb: 'restart' | 'start';
	/** What "ready" means before dependents go: healthy with a health check, running without. */
	waitFor: 'healthy' | 'running';
}

export interface RestartStep {
	service: string;
	dependsOn: string[];
	containers: RestartTarget[];
}

export type RestartPlan = {project: string; steps: RestartStep[]} | {project: string; error: string};

export function planOrderedRestart(project: string, records: ContainerRecord[], dependencies: Map<string, DependencyInfo>): RestartPlan {
	const members = records.filter((record) => record.project === project && record.service);
	if (members.length === 0) return {project, error: `no compose project ${project} on this engine (fleettop --once lists the projects)`};
	const services = new Map<string, ContainerRecord[]>();
	for (const record of members) services.set(record.service!, [...(services.get(record.service!) ?? []), record]);
	const needs = new Map<string, string[]>();
	for (const [service, containers] of services) {
		const declared = containers.flatMap((record) => dependencies.get(record.key)?.dependsOn.map((dep) => dep.service) ?? []);
		// A dependency with no container cannot be waited for: it is left out, not a deadlock.
		needs.set(service, [...new Set(declared)].filter((dep) => services.has(dep)).sort());
	}

	const steps: RestartStep[] = [];
	const placed = new Set<string>();
	while (placed.size < services.size) {
		const ready = [...services.keys()].filter((service) => !placed.has(service) && needs.get(service)!.every((dep) => placed.has(dep))).sort();
		if (ready.length === 0) {
			const stuck = [...services.keys()].filter((service) => !placed.has(service)).sort();
			return {project, error: `depends_on has a cycle among ${stuck.join(', ')}: fix the compose file`};
		}
		for (const service of ready) {
			placed.add(service);
			steps.push({
				service,
				dependsOn: needs.get(service)!,
				containers: services.get(service)!.sort((a, b) => a.name.localeCompare(b.name)).map((record) => ({
					key: record.key,
					id: record.id,
					name: record.name,
					verb: record.state === 'running' || record.state === 'paused' || record.state === 'restarting' ? 'restart' : 'start',
					waitFor: record.details?.healthcheck ? 'healthy' : 'running',
				})),
			});
		}
	}
	return {project, steps};
}

export function planLines(plan: RestartPlan, waitMs: number): string[] {
	if ('error' in plan) return [`fleettop: ${plan.error}`];
	const width = Math.max(...plan.steps.flatMap((step) => step.containers.map((target) => target.name.length)));
	const lines = [`Ordered restart of ${plan.project}: ${plan.steps.length} service${plan.steps.length === 1 ? '' : 's'}, each waited for up to ${waitMs / 1000}s`];
	plan.steps.forEach((step, index) => {
		for (const target of step.containers) {
			const after = step.dependsOn.length ? ` (after ${step.dependsOn.join(', ')})` : '';
			lines.push(`  ${index + 1}. ${target.name.padEnd(width)}  ${target.verb}, wait until ${target.waitFor}${after}`);
		}
	});
	return lines;
}
