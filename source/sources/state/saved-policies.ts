import {mkdir, readFile, rename, writeFile} from 'node:fs/promises';
import {dirname} from 'node:path';

// The restart policies that stop-loop replaced with "no", so that re-arm can put them back, also
// after fleettop restarts. One small JSON file, written whole (write then rename: never half).

export interface RestartPolicy {
	Name: string;
	MaximumRetryCount?: number;
}

export interface SavedPolicy {
	name: string;
	policy: RestartPolicy;
	savedAt: string;
}

export interface SavedPolicies {
	get(key: string): Promise<SavedPolicy | null>;
	all(): Promise<Record<string, SavedPolicy>>;
	save(key: string, saved: SavedPolicy): Promise<void>;
	forget(key: string): Promise<void>;
}

export function savedPoliciesAt(file: string): SavedPolicies {
	// Writes are chained so that two actions at once cannot lose each other's entry.
	let queue: Promise<unknown> = Promise.resolve();
	// Read once, then kept in memory and written through: a bulk stop-loop asks for it per container.
	let loaded: Promise<Record<string, SavedPolicy>> | null = null;
	const load = async (): Promise<Record<string, SavedPolicy>> => {
		try {
			const document = JSON.parse(await readFile(file, 'utf8')) as {policies?: Record<string, SavedPolicy>};
			return document.policies ?? {};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
			throw new Error(`cannot read ${file}: ${(error as Error).message.split('\n')[0]}; fix or delete it`);
		}
	};
	const read = async () => {
		loaded ??= load().catch((error: unknown) => {
			loaded = null;
			throw error;
		});
		return {...(await loaded)};
	};
	const change = (edit: (policies: Record<string, SavedPolicy>) => void) => {
		const next = queue.then(async () => {
			const policies = await read();
			edit(policies);
			await mkdir(dirname(file), {recursive: true});
			await writeFile(`${file}.tmp`, `${JSON.stringify({version: 1, policies}, null, 2)}\n`);
			await rename(`${file}.tmp`, file);
			// Memory follows the file only once the file has it.
			loaded = Promise.resolve(policies);
		});
		queue = next.catch(() => undefined);
		return next;
	};
	return {
		get: async (key) => (await read())[key] ?? null,
		all: read,
		save: (key, saved) => change((policies) => void (policies[key] = saved)),
		forget: (key) => change((policies) => void delete policies[key]),
	};
}
