import {readdir, readFile, readlink} from 'node:fs/promises';
import type {Listener} from '../../domain/evidence.js';
import {readProcess} from './proc-process.js';

// Listening sockets of the host's network namespace (shared by --network host containers), from
// /proc/net, with the process that holds each one: the socket inode found among /proc/<pid>/fd.
// Other users' fds need root: such sockets are listed with holder null rather than guessed.

const tables = ['tcp', 'tcp6', 'udp', 'udp6'] as const;
const tcpListen = '0A';
const udpUnconnected = '07';

function hexToIpv4(hex: string): string {
	const bytes = hex.match(/../g)!.map((byte) => Number.parseInt(byte, 16));
	return bytes.reverse().join('.');
}

function hexToIpv6(hex: string): string {
	// Four 32-bit words, each in host (little-endian) byte order.
	const words = hex.match(/.{8}/g)!.map((word) => word.match(/../g)!.reverse().join(''));
	const groups = words.join('').match(/.{4}/g)!.map((group) => group.replace(/^0+(?=.)/, ''));
	return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

export interface SocketEntry {
	protocol: Listener['protocol'];
	address: string;
	port: number;
	inode: number;
}

export function parseProcNet(protocol: Listener['protocol'], table: string): SocketEntry[] {
	const entries: SocketEntry[] = [];
	for (const line of table.split('\n').slice(1)) {
		const fields = line.trim().split(/\s+/);
		const [local, , state] = [fields[1], fields[2], fields[3]];
		if (!local || !state) continue;
		if (state !== (protocol.startsWith('tcp') ? tcpListen : udpUnconnected)) continue;
		const [addressHex = '', portHex = '0'] = local.split(':');
		entries.push({
			protocol,
			address: addressHex.length === 8 ? hexToIpv4(addressHex) : hexToIpv6(addressHex),
			port: Number.parseInt(portHex, 16),
			inode: Number(fields[9]),
		});
	}
	return entries;
}

/** inode -> pid for every socket fd fleettop may read. */
async function socketOwners(wanted: Set<number>): Promise<Map<number, number>> {
	const owners = new Map<number, number>();
	const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
	await Promise.all(
		pids.map(async (pid) => {
			const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
			for (const fd of fds) {
				const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
				const inode = target.startsWith('socket:[') ? Number(target.slice(8, -1)) : NaN;
				if (wanted.has(inode) && !owners.has(inode)) owners.set(inode, Number(pid));
			}
		}),
	);
	return owners;
}

export async function readListeners(): Promise<Listener[]> {
	const entries = (
		await Promise.all(tables.map(async (protocol) => parseProcNet(protocol, await readFile(`/proc/net/${protocol}`, 'utf8').catch(() => ''))))
	).flat();
	const owners = await socketOwners(new Set(entries.map((entry) => entry.inode)));
	const processes = new Map<number, Awaited<ReturnType<typeof readProcess>>>();
	for (const pid of new Set(owners.values())) processes.set(pid, await readProcess(pid));
	return entries.map(({protocol, address, port, inode}) => {
		const pid = owners.get(inode);
		const info = pid === undefined ? null : (processes.get(pid) ?? null);
		return {protocol, address, port, holder: info && {pid: info.pid, command: info.command, user: info.user, containerId: info.containerId}};
	});
}
