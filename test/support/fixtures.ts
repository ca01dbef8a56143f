import {readFileSync} from 'node:fs';
import type {ContainerInfo, ContainerInspectInfo} from 'dockerode';
import type {ContainerRecord, ContainerStats, ExitEvent} from '../../source/domain/container.js';
import type {ComposeProject, ContainerEvidence, Listener} from '../../source/domain/evidence.js';
import {recordFromInspect, recordFromList} from '../../source/sources/docker/to-record.js';
import {applyBatch} from '../../source/store/actions.js';
import {createFleetStore, type FleetStore} from '../../source/store/fleet-store.js';

// Payloads recorded from the lab on a real Docker 20.10 engine by test/support/record-fixtures.ts
// (npm run fixtures): the list and inspect replies, and what fleettop had gathered for diagnosis.

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

interface DiagnosisInputs {
	recordedAt: number;
	historySince: number | null;
	exits: Record<string, ExitEvent[]>;
	evidence: Record<string, ContainerEvidence>;
	listeners: Listener[];
	compose: Record<string, ComposeProject>;
}

export const labList: ContainerInfo[] = fixture('lab-list.json');
export const labInspect: ContainerInspectInfo[] = fixture('lab-inspect.json');
export const labInputs: DiagnosisInputs = fixture('lab-diagnosis-inputs.json');

export const fixtureNow = labInputs.recordedAt;

const nameOf = (info: ContainerInspectInfo) => info.Name.replace(/^\//, '');

/** Every lab container as an inspect (with its exit history) makes it. */
export function labRecords(): ContainerRecord[] {
	return labInspect.map((info) => recordFromInspect('local', info, labInputs.exits[nameOf(info)] ?? []));
}

/** The same containers as a list reply alone makes them (before any inspect). */
export function labListRecords(): ContainerRecord[] {
	return labList.map((item) => recordFromList('local', item));
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
	const keyOf = new Map(records.map((record) => [record.name, record.key]));
	applyBatch(store, {
		engines: [{engine: 'local', endpoint: 'unix:///var/run/docker.sock', state: 'connected', message: null, version: '20.10.24+dfsg1', apiVersion: '1.41', statsSource: 'cgroup', historySince: labInputs.historySince}],
		replaced: new Map([['local', records]]),
		stats,
		evidence: new Map(Object.entries(labInputs.evidence).flatMap(([name, evidence]) => (keyOf.has(name) ? [[keyOf.get(name)!, evidence]] : []))),
		listeners: labInputs.listeners,
		compose: Object.values(labInputs.compose),
		now: fixtureNow,
	});
	return store;
}
