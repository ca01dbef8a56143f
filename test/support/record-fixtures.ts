// Records the payloads the pure and UI tests replay, from the real lab:
//   npm run lab up && node --import tsx test/support/record-fixtures.ts [seconds to watch]
// It watches the fleet as fleettop does (so loops have an exit history), then writes
// test/fixtures/lab-list.json, lab-inspect.json and lab-diagnosis-inputs.json.
import {writeFileSync} from 'node:fs';
import Docker from 'dockerode';
import {resolveSettings} from '../../source/config.js';
import {connectSources} from '../../source/store/connect.js';
import {createFleetStore} from '../../source/store/fleet-store.js';

const watchSeconds = Number(process.argv[2] ?? 90);
const labPorts = new Set([18091, 18092]);
const write = (name: string, value: unknown) => writeFileSync(new URL(`../fixtures/${name}`, import.meta.url), `${JSON.stringify(value, null, '\t')}\n`);

const store = createFleetStore();
const connection = connectSources(store, resolveSettings({}, process.env), {oneShot: true});
await connection.ready;
await new Promise((resolve) => setTimeout(resolve, watchSeconds * 1000));
connection.flush();
const docker = new Docker();
const list = await docker.listContainers({all: true, filters: {label: ['fleettop.lab=1']}});
const inspect = await Promise.all(list.map((item) => docker.getContainer(item.Id).inspect()));
const state = store.getState();
const byName = <T>(values: Record<string, T>) =>
	Object.fromEntries(Object.entries(values).flatMap(([key, value]) => (state.containers[key] ? [[state.containers[key]!.name, value]] : [])));
connection.stop();

write('lab-list.json', list);
write('lab-inspect.json', inspect);
write('lab-diagnosis-inputs.json', {
	recordedAt: state.now,
	historySince: Object.values(state.engines)[0]?.historySince ?? null,
	exits: byName(Object.fromEntries(Object.values(state.containers).map((record) => [record.key, record.exits]))),
	evidence: byName(state.evidence),
	listeners: (state.listeners ?? []).filter((listener) => labPorts.has(listener.port)),
	compose: state.compose,
});
console.log(`recorded ${list.length} containers after watching ${watchSeconds}s`);
