import {readlinkSync} from 'node:fs';
import type Docker from 'dockerode';
import type {ContainerRecord} from '../../domain/container.js';
import {sanitizeText} from '../../domain/sanitize.js';
import {configOf, isSupervisord, supervisordsInContainers} from '../../domain/supervisor-discovery.js';
import {tailLines, trackFlaps, type FlapHistory, type SupervisorStatus} from '../../domain/supervisor.js';
import type {HostProcess} from '../host/proc-scan.js';
import {clientOver, createSupervisorClient, type SupervisorClient} from './client.js';
import {hostEndpoint} from './config.js';
import {defaultConfigPaths, execRelay} from './exec-relay.js';
import type {SupervisorEndpoint} from './transport.js';

// Every supervisord fleettop can see: the host's (given, or the one that runs) and one inside
// each container whose process table shows it. Read on the host's tick, the host's every 2 s and
// containers' every 5 s (each read in a container is a docker exec); only changes are published.

export const hostEveryMs = 2000;
export const containerEveryMs = 5000;

interface Watched {
	client: SupervisorClient;
	containerKey: string | null;
	label: string;
	everyMs: number;
	lastRead: number;
	reading: boolean;
	flaps: Map<string, FlapHistory>;
	/** The stderr tail of each FATAL/BACKOFF program, read again only when it stops again. */
	tails: Map<string, {stoppedAt: number | null; lines: string[]}>;
	fingerprint: string;
}

export interface SupervisorWatcher {
	/** After each /proc scan: finds supervisords, reads those that are due. */
	poll(processes: HostProcess[], containers: ContainerRecord[]): void;
	/** The client of a supervisord by its status id ('host' or a container key), for actions. */
	client(id: string): SupervisorClient | null;
	/** Reads one now (after an action), whatever its schedule. */
	refresh(id: string): Promise<void>;
	/** Settles when the reads under way are done. */
	settled(): Promise<void>;
}

export interface SupervisorWatcherOptions {
	/** The local engine, to reach supervisord inside containers; null when remote. */
	docker: Docker | null;
	/** --supervisor: watched whether or not a host supervisord process is seen. */
	given: SupervisorEndpoint | null;
	timeoutMs: number;
	publish(statuses: SupervisorStatus[], gone: string[]): void;
}

export function createSupervisorWatcher(options: SupervisorWatcherOptions): SupervisorWatcher {
	const watched = new Map<string, Watched>();
	const inFlight = new Set<Promise<void>>();

	const watch = (id: string, make: () => Omit<Watched, 'lastRead' | 'reading' | 'flaps' | 'tails' | 'fingerprint'> | null) => {
		if (watched.has(id)) return;
		const made = make();
		if (made) watched.set(id, {...made, lastRead: 0, reading: false, flaps: new Map(), tails: new Map(), fingerprint: ''});
	};

	const read = async (id: string, entry: Watched) => {
		entry.reading = true;
		entry.lastRead = Date.now();
		const base = {id, containerKey: entry.containerKey, label: entry.label, where: entry.client.where};
		let status: SupervisorStatus;
		try {
			const [state, programs] = await Promise.all([entry.client.state(), entry.client.programs()]);
			const now = Date.now();
			const flaps = trackFlaps(entry.flaps, programs, now);
			const withTails = await Promise.all(programs.map(async (program) => {
				let stderrTail: string[] = [];
				if (program.state === 'FATAL' || program.state === 'BACKOFF') {
					const known = entry.tails.get(program.fullName);
					if (known?.stoppedAt !== program.stoppedAt) {
						const text = await entry.client.tail(program.fullName, 'stderr', 2000).catch(() => '');
						entry.tails.set(program.fullName, {stoppedAt: program.stoppedAt, lines: tailLines(text).map(sanitizeText)});
					}
					stderrTail = entry.tails.get(program.fullName)!.lines;
				}
				// Names and messages come from the container's config: untrusted text, like its logs.
				return {
					...program,
					fullName: sanitizeText(program.fullName), name: sanitizeText(program.name), group: sanitizeText(program.group), description: sanitizeText(program.description),
					spawnError: program.spawnError === null ? null : sanitizeText(program.spawnError),
					flaps: flaps.get(program.fullName) ?? 0,
					stderrTail,
				};
			}));
			status = {...base, state: sanitizeText(state), programs: withTails, error: null, readAt: now};
		} catch (error) {
			status = {...base, state: null, programs: [], error: (error as Error).message, readAt: Date.now()};
		} finally {
			entry.reading = false;
		}
		// Uptimes in descriptions change every second: they do not make a change worth a publish.
		const fingerprint = JSON.stringify({...status, readAt: 0, programs: status.programs.map((program) => ({...program, description: ''}))});
		if (fingerprint !== entry.fingerprint && watched.get(id) === entry) {
			entry.fingerprint = fingerprint;
			options.publish([status], []);
		}
	};

	return {
		poll(processes, containers) {
			const hostProcess = processes.find((process) => process.containerId === null && isSupervisord(process));
			if (options.given || hostProcess) {
				watch('host', () => {
					const endpoint = options.given ?? hostEndpoint(hostProcess ? configOf(hostProcess.command) : null);
					return endpoint ? {client: createSupervisorClient(endpoint, options.timeoutMs), containerKey: null, label: 'host', everyMs: hostEveryMs} : null;
				});
			}
			const present = new Set(options.given || hostProcess ? ['host'] : []);
			if (options.docker) {
				const byId = new Map(containers.map((record) => [record.id, record]));
				for (const found of supervisordsInContainers(processes)) {
					const record = byId.get(found.containerId);
					if (!record) continue;
					present.add(record.key);
					watch(record.key, () => {
						let python: string;
						try {
							python = readlinkSync(`/proc/${found.pid}/exe`);
						} catch {
							return null; // gone meanwhile
						}
						const configs = found.config ? [found.config] : defaultConfigPaths;
						const post = execRelay({docker: options.docker!, containerId: record.id, name: record.name, python, configs, timeoutMs: options.timeoutMs});
						return {client: clientOver(`docker exec ${record.name}`, post), containerKey: record.key, label: record.name, everyMs: containerEveryMs};
					});
				}
			}
			const gone = [...watched.keys()].filter((id) => !present.has(id));
			for (const id of gone) watched.delete(id);
			if (gone.length > 0) options.publish([], gone);
			const now = Date.now();
			for (const [id, entry] of watched) {
				if (entry.reading || now - entry.lastRead < entry.everyMs) continue;
				const reading = read(id, entry).finally(() => inFlight.delete(reading));
				inFlight.add(reading);
			}
		},
		client: (id) => watched.get(id)?.client ?? null,
		async settled() {
			await Promise.all(inFlight);
		},
		async refresh(id) {
			const entry = watched.get(id);
			if (entry) await read(id, entry);
		},
	};
}
