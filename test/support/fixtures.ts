import {readFileSync} from 'node:fs';
import type {ContainerInfo, ContainerInspectInfo} from 'dockerode';
import type {ContainerRecord, ContainerStats} from '../../source/domain/container.js';
import {recordFromInspect, recordFromList} from '../../source/sources/docker/to-record.js';
import {applyBatch} from '../../source/store/actions.js';
import {createFleetStore, type FleetStore} from '../../source/store/fleet-store.js';

// Payloads recorded from the lab on a real Docker 20.10 engine (test/fixtures).

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

export const labList: ContainerInfo[] = fixture('lab-list.json');
export const labInspect: ContainerInspectInfo[] = fixture('lab-inspect.json');

export const fixtureNow = Date.parse('2026-11-22T11:00:00Z');

/** Every lab container: inspected where an inspect was recorded, from the list otherwise. */
export function labRecords(): ContainerRecord[] {
	const inspected = new Map(labInspect.map((info) => [info.Id, recordFromInspect('local', info, info.Name === '/lab-qdrant' ? 101 : null)]));
	return labList.map((item) => inspected.get(item.Id) ?? recordFromList('local', item));
}

export function recordNamed(name: string): ContainerRecord {
	const record = labRecords().find((candidate) => candidate.name === name);
	if (!record) throw new Error(`no recorded container ${name}`);
	return record;
}

export function labStore(): FleetStore {
	const store = createFleetStore();
	const records = labRecords();
	const stats = new Map<string, ContainerStats>();
	for (const record of records) {
		if (record.state === 'running') {
			stats.set(record.key, {cpuPercent: record.name === 'lab-cpu-burn' ? 50.3 : 0.4, memoryBytes: 3 * 1024 * 1024, memoryLimitBytes: 16 * 1024 * 1024, pids: 2, sampledAt: fixtureNow});
		}
	}
	applyBatch(store, {
		engines: [{engine: 'local', endpoint: 'unix:///var/run/docker.sock', state: 'connected', message: null, version: '20.10.24+dfsg1', apiVersion: '1.41', statsSource: 'cgroup'}],
		replaced: new Map([['local', records]]),
		stats,
		now: fixtureNow,
	});
	return store;
}
