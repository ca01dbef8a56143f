// The bench fleet: many small containers on the lab engine (network none, labelled, removed
// afterwards) in the states an incident has: running, exited, and looping (restarted by the
// engine every half minute, so the events stream stays busy as it would be).
import Docker from 'dockerode';

export const benchLabel = 'fleettop.bench';
const image = 'fleettop-lab/base:1';
const docker = new Docker();

export interface FleetShape {
	running: number;
	exited: number;
	looping: number;
}

export const fleetSize = (shape: FleetShape) => shape.running + shape.exited + shape.looping;

type Kind = keyof FleetShape;

const commands: Record<Kind, string[]> = {
	running: ['sleep', '999999'],
	exited: ['sh', '-c', 'echo "fatal: config not found" >&2; exit 1'],
	looping: ['sh', '-c', 'sleep 30; echo "panic: lost connection" >&2; exit 2'],
};

async function inParallel<T>(items: T[], workers: number, work: (item: T) => Promise<unknown>): Promise<void> {
	const queue = [...items];
	await Promise.all(Array.from({length: workers}, async () => {
		for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
	}));
}

async function benchContainers(): Promise<Docker.ContainerInfo[]> {
	return docker.listContainers({all: true, filters: {label: [benchLabel]}});
}

/** Brings the bench fleet to `shape`, adding only what is missing (so 125 can grow to 500). */
export async function fleetUp(shape: FleetShape): Promise<void> {
	const existing = new Set((await benchContainers()).map((info) => info.Names[0]?.slice(1)));
	const wanted: {name: string; kind: Kind}[] = [];
	for (const kind of Object.keys(commands) as Kind[]) {
		for (let index = 0; index < shape[kind]; index++) {
			const name = `fleettop-bench-${kind}-${index}`;
			if (!existing.has(name)) wanted.push({name, kind});
		}
	}
	await inParallel(wanted, 8, async ({name, kind}) => {
		const container = await docker.createContainer({
			name,
			Image: image,
			Cmd: commands[kind],
			Labels: {[benchLabel]: '1', 'fleettop.bench.kind': kind},
			HostConfig: {NetworkMode: 'none', RestartPolicy: {Name: kind === 'looping' ? 'always' : 'no'}, Memory: 32 * 1024 * 1024},
		});
		await container.start();
	});
}

/** Stops and removes every bench container; stop first and a few at a time (see design notes §4). */
export async function fleetDown(): Promise<void> {
	const containers = await benchContainers();
	await inParallel(containers, 8, async (info) => {
		const container = docker.getContainer(info.Id);
		await container.update({RestartPolicy: {Name: 'no'}}).catch(() => undefined);
		await container.remove({force: true}).catch(() => undefined);
	});
}

export async function containerCount(): Promise<number> {
	return (await docker.listContainers({all: true})).length;
}
