import {close, open, read} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {readSmallFile} from './small-file.js';
import {sanitizeText} from '../../domain/sanitize.js';

// What /proc says about one process: its command line, user and owning container. Shared by
// the port lookup and the process view.

const containerIdPattern = /([0-9a-f]{64})/;

/** The container id in /proc/<pid>/cgroup (docker, containerd, podman and systemd scopes alike). */
export function containerIdFromCgroup(cgroup: string): string | null {
	for (const line of cgroup.split('\n')) {
		const match = containerIdPattern.exec(line.slice(line.lastIndexOf(':') + 1));
		if (match) return match[1]!;
	}
	return null;
}

export function parsePasswd(passwd: string): Map<number, string> {
	const users = new Map<number, string>();
	for (const line of passwd.split('\n')) {
		const [name, , uid] = line.split(':');
		if (name && uid && /^\d+$/.test(uid)) users.set(Number(uid), name);
	}
	return users;
}

let passwdCache: Promise<Map<number, string>> | null = null;
function users(): Promise<Map<number, string>> {
	passwdCache ??= readFile('/etc/passwd', 'utf8').then(parsePasswd, () => new Map());
	return passwdCache;
}

export interface ProcessInfo {
	pid: number;
	command: string;
	user: string;
	containerId: string | null;
}

const maxCommandLength = 200;
/** Room for maxCommandLength characters of any UTF-8: a command line can be megabytes long. */
const cmdlineBytes = maxCommandLength * 4;

/**
 * The start of /proc/<pid>/cmdline, through the thread pool (callbacks, one small buffer):
 * fs.readFile takes a fresh 64 KB buffer for each file, and a first scan reads hundreds.
 */
function readCmdline(pid: number): Promise<{text: string; cut: boolean}> {
	return new Promise((resolve, reject) => {
		open(`/proc/${pid}/cmdline`, 'r', (openError, fd) => {
			if (openError) return reject(openError);
			const buffer = Buffer.allocUnsafe(cmdlineBytes);
			read(fd, buffer, 0, cmdlineBytes, 0, (readError, bytes) => {
				close(fd, () => {});
				if (readError) reject(readError);
				// A cut may split the last character in two: its first bytes decode to U+FFFD.
				else if (bytes === cmdlineBytes) resolve({text: buffer.toString('utf8', 0, bytes).replace(/\uFFFD+$/, ''), cut: true});
				else resolve({text: buffer.toString('utf8', 0, bytes), cut: false});
			});
		});
	});
}

export async function readProcess(pid: number): Promise<ProcessInfo | null> {
	try {
		// status and cgroup are read in a row, not through the thread pool: a first scan reads
		// thousands. cmdline goes through the pool: the kernel reads it from the process's memory
		// under its memory map lock, which a process stuck in a page fault (hung NFS, FUSE, memory
		// pressure) holds for as long as it is stuck, and fleettop must not freeze with it.
		const cmdline = await readCmdline(pid);
		const status = readSmallFile(`/proc/${pid}/status`);
		let cgroup = '';
		try {
			cgroup = readSmallFile(`/proc/${pid}/cgroup`);
		} catch {
			// Unreadable cgroup: not attributed to a container.
		}
		const name = /^Name:\s*(.*)$/m.exec(status)?.[1] ?? '';
		const uid = Number(/^Uid:\s*(\d+)/m.exec(status)?.[1] ?? -1);
		const command = sanitizeText(cmdline.text.replace(/\0+$/, '').replaceAll('\0', ' ')) || `[${name}]`;
		return {
			pid,
			command: command.length > maxCommandLength ? `${command.slice(0, maxCommandLength)}…` : cmdline.cut ? `${command}…` : command,
			user: (await users()).get(uid) ?? String(uid),
			containerId: containerIdFromCgroup(cgroup),
		};
	} catch {
		return null; // gone meanwhile
	}
}
