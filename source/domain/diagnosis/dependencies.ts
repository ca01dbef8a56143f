import type {ContainerRecord} from '../container.js';
import type {ComposeProject} from '../evidence.js';

// Compose dependency chains: who waits for whom, and what a failing service drags down.
// depends_on comes from the compose files named in the labels and, where compose v2 wrote it,
// the com.docker.compose.depends_on label ("db:service_healthy:false,api:service_started:true").

export interface DependencyStatus {
	service: string;
	condition: string;
	/** "unhealthy", "exited 1", "created", "running", "healthy", "no container". */
	status: string;
	satisfied: boolean;
}

export interface DependencyInfo {
	dependsOn: DependencyStatus[];
	/** Services that list this one directly. */
	dependents: string[];
	/** Every service that waits on this one, directly or through others. */
	cascade: string[];
	/** Unsatisfied dependencies of a container that never started. */
	blockedBy: DependencyStatus[];
}

export interface MissingService {
	project: string;
	service: string;
	profiles: string[];
}

export function parseDependsOnLabel(label: string): Array<{service: string; condition: string}> {
	return label
		.split(',')
		.map((part) => part.trim().split(':'))
		.filter(([service]) => Boolean(service))
		.map(([service, condition]) => ({service: service!, condition: condition || 'service_started'}));
}

function statusOf(record: ContainerRecord | undefined): string {
	if (!record) return 'no container';
	if (record.state === 'exited' || record.state === 'dead') return `exited ${record.exitCode ?? '?'}`;
	if (record.state === 'restarting') return `restarting, exit ${record.exitCode ?? '?'}`;
	if (record.state === 'running' && record.health) return record.health;
	return record.state;
}

function satisfies(record: ContainerRecord | undefined, condition: string): boolean {
	if (!record) return false;
	if (condition === 'service_healthy') return record.state === 'running' && record.health === 'healthy';
	if (condition === 'service_completed_successfully') return record.state === 'exited' && record.exitCode === 0;
	return record.state === 'running';
}

function serviceKey(project: string, service: string) {
	return `${project}\u0000${service}`;
}

export function analyzeDependencies(records: ContainerRecord[], projects: Map<string, ComposeProject>): {byKey: Map<string, DependencyInfo>; missing: MissingService[]} {
	const byService = new Map<string, ContainerRecord>();
	for (const record of records) if (record.project && record.service) byService.set(serviceKey(record.project, record.service), record);

	const edges = new Map<string, Array<{service: string; condition: string}>>();
	const add = (project: string, service: string, deps: Array<{service: string; condition: string}>) => {
		const key = serviceKey(project, service);
		const known = edges.get(key) ?? [];
		for (const dep of deps) if (!known.some((edge) => edge.service === dep.service)) known.push(dep);
		edges.set(key, known);
	};
	for (const project of projects.values()) {
		for (const [service, definition] of Object.entries(project.services)) add(project.name, service, definition.dependsOn);
	}
	for (const record of records) {
		if (record.project && record.service && record.details?.dependsOnLabel) add(record.project, record.service, parseDependsOnLabel(record.details.dependsOnLabel));
	}

	const dependents = new Map<string, string[]>();
	for (const [key, deps] of edges) {
		const [project, service] = key.split('\u0000') as [string, string];
		for (const dep of deps) {
			const depKey = serviceKey(project, dep.service);
			dependents.set(depKey, [...(dependents.get(depKey) ?? []), service]);
		}
	}
	const cascadeOf = (project: string, service: string): string[] => {
		const seen = new Set<string>();
		const queue = [...(dependents.get(serviceKey(project, service)) ?? [])];
		for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
			if (seen.has(next) || next === service) continue;
			seen.add(next);
			queue.push(...(dependents.get(serviceKey(project, next)) ?? []));
		}
		return [...seen];
	};

	const byKey = new Map<string, DependencyInfo>();
	for (const record of records) {
		if (!record.project || !record.service) continue;
		const project = record.project;
		const dependsOn = (edges.get(serviceKey(project, record.service)) ?? []).map((edge) => {
			const target = byService.get(serviceKey(project, edge.service));
			return {...edge, status: statusOf(target), satisfied: satisfies(target, edge.condition)};
		});
		const neverStarted = record.state === 'created' && record.startedAt === null;
		byKey.set(record.key, {
			dependsOn,
			dependents: dependents.get(serviceKey(project, record.service)) ?? [],
			cascade: cascadeOf(project, record.service),
			blockedBy: neverStarted ? dependsOn.filter((dep) => !dep.satisfied) : [],
		});
	}

	const missing: MissingService[] = [];
	for (const project of projects.values()) {
		for (const [service, definition] of Object.entries(project.services)) {
			if (!byService.has(serviceKey(project.name, service))) missing.push({project: project.name, service, profiles: definition.profiles});
		}
	}
	return {byKey, missing};
}
