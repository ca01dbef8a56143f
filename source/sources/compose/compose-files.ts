import {readFile, stat} from 'node:fs/promises';
import type {ComposeProject, ComposeService} from '../../domain/evidence.js';
import {sanitizeText} from '../../domain/sanitize.js';

// A compose project as its files define it: services, depends_on (list or map form) and
// profiles. Several files merge in order, as compose does for the keys read here.

type RawService = {depends_on?: string[] | Record<string, {condition?: string} | null>; profiles?: string[]};

/** yaml is loaded when the first compose project shows up: most hosts have none, and start-up is the first frame. */
export async function servicesFromYaml(text: string): Promise<Record<string, ComposeService>> {
	const {parse} = await import('yaml');
	const document = parse(text) as {services?: Record<string, RawService | null>} | null;
	const services: Record<string, ComposeService> = {};
	for (const [name, raw] of Object.entries(document?.services ?? {})) {
		// Names reach the screen: a compose file is not necessarily the operator's own.
		const dependsOn = Array.isArray(raw?.depends_on)
			? raw.depends_on.map((service) => ({service: sanitizeText(String(service)), condition: 'service_started'}))
			: Object.entries(raw?.depends_on ?? {}).map(([service, options]) => ({service: sanitizeText(service), condition: sanitizeText(String(options?.condition ?? 'service_started'))}));
		services[sanitizeText(name)] = {dependsOn, profiles: (raw?.profiles ?? []).map((profile) => sanitizeText(String(profile)))};
	}
	return services;
}

const cache = new Map<string, {mtimeMs: number; services: Record<string, ComposeService>}>();

async function readServices(file: string): Promise<Record<string, ComposeService>> {
	const {mtimeMs} = await stat(file);
	const cached = cache.get(file);
	if (cached?.mtimeMs === mtimeMs) return cached.services;
	const services = await servicesFromYaml(await readFile(file, 'utf8'));
	cache.set(file, {mtimeMs, services});
	return services;
}

/** Never throws: a missing or broken file becomes the project's error, shown as one line. */
export async function readComposeProject(name: string, files: string[]): Promise<ComposeProject> {
	const services: Record<string, ComposeService> = {};
	try {
		for (const file of files) {
			for (const [service, definition] of Object.entries(await readServices(file))) {
				const known = services[service];
				services[service] = known
					? {dependsOn: [...known.dependsOn, ...definition.dependsOn], profiles: definition.profiles.length ? definition.profiles : known.profiles}
					: definition;
			}
		}
		return {name, files, services, error: null};
	} catch (error) {
		const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : (error as Error).message.split('\n')[0];
		return {name, files, services, error: `compose file ${files.join(', ')}: ${reason}`};
	}
}
