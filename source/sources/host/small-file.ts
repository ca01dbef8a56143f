import {closeSync, openSync, readSync} from 'node:fs';

// Kernel pseudo-files (/proc, cgroup) are small and say their size is 0, so fs.readFile reads
// each through the thread pool into a fresh 64 KB buffer; and opening one costs more than reading
// it. Files read every interval are kept open and read again from offset 0 (the kernel makes
// their text anew on each read from the start), into one reused buffer.

const buffer = Buffer.allocUnsafe(64 * 1024);

/** Reads until a read returns nothing: a file the kernel makes record by record may come in pieces. */
function readToEnd(fd: number): string {
	let length = 0;
	for (let read = -1; read !== 0 && length < buffer.length; length += read) {
		read = readSync(fd, buffer, length, buffer.length - length, length);
	}
	return buffer.toString('utf8', 0, length);
}

/**
 * The files kept open are made by the kernel in one go (one value, or one show call: cgroup
 * files, /proc/<pid>/stat, /proc/stat, /proc/meminfo), so they come whole from one read; a
 * second read only to learn the end was half of fleettop's system calls.
 */
function readWhole(fd: number): string {
	return buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0));
}

/** The file's text (at most 64 KB, enough for any of these files); throws like readFileSync. */
export function readSmallFile(path: string): string {
	const fd = openSync(path, 'r');
	try {
		return readToEnd(fd);
	} finally {
		closeSync(fd);
	}
}

export interface KeptFiles {
	/** The text of a file the kernel makes in one go (see readWhole); throws like readFileSync. */
	read(path: string): string;
	/** Closes the files not read since the previous sweep (their process or container is gone). */
	sweep(): void;
	close(): void;
}

/** Far below any usual open-file limit; past it, files are opened for each read. */
const maxKept = 4096;

export function keptFiles(): KeptFiles {
	const open = new Map<string, {fd: number; used: boolean}>();
	const forget = (path: string) => {
		const kept = open.get(path);
		if (!kept) return;
		open.delete(path);
		try {
			closeSync(kept.fd);
		} catch {
			// Already closed.
		}
	};
	return {
		read(path) {
			const kept = open.get(path);
			if (kept) {
				kept.used = true;
				try {
					return readWhole(kept.fd);
				} catch {
					// A process that ended answers ESRCH, a removed cgroup ENODEV; the path may
					// name a new one now (a restarted container's cgroup): opened afresh below.
					forget(path);
				}
			}
			if (open.size >= maxKept) return readSmallFile(path);
			const fd = openSync(path, 'r');
			open.set(path, {fd, used: true});
			try {
				return readWhole(fd);
			} catch (error) {
				forget(path);
				throw error;
			}
		},
		sweep() {
			// forEach, not for…of: no [path, kept] array for each of a thousand files every second.
			open.forEach((kept, path) => {
				if (kept.used) kept.used = false;
				else forget(path);
			});
		},
		close() {
			for (const path of [...open.keys()]) forget(path);
		},
	};
}
