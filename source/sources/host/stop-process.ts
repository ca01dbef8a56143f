import {readFile} from 'node:fs/promises';
import {setTimeout as sleep} from 'node:timers/promises';

// Stops a host process (the old one holding a port): SIGTERM, a grace period, and SIGKILL only
// when the operator asked for it. A zombie counts as gone: it holds no port any more.

async function alive(pid: number): Promise<boolean> {
	try {
		const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
	} catch {
		return false;
	}
}

async function goneWithin(pid: number, ms: number): Promise<boolean> {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline) {
		if (!(await alive(pid))) return true;
		await sleep(100);
	}
	return !(await alive(pid));
}

function signal(pid: number, name: NodeJS.Signals): 'sent' | 'gone' {
	try {
		process.kill(pid, name);
		return 'sent';
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ESRCH') return 'gone';
		if (code === 'EPERM') throw new Error(`not permitted to signal pid ${pid}: it belongs to another user; run fleettop as root`);
		throw error;
	}
}

export async function stopProcess(pid: number, options: {escalate: boolean; graceMs?: number}): Promise<string> {
	const graceMs = options.graceMs ?? 5000;
	if (!(await alive(pid)) || signal(pid, 'SIGTERM') === 'gone') return `pid ${pid} was already gone`;
	if (await goneWithin(pid, graceMs)) return `pid ${pid} stopped (SIGTERM)`;
	if (!options.escalate) throw new Error(`pid ${pid} still runs ${graceMs / 1000}s after SIGTERM: ask again with K to kill it`);
	if (signal(pid, 'SIGKILL') === 'gone' || (await goneWithin(pid, 2000))) return `pid ${pid} killed (SIGKILL ${graceMs / 1000}s after SIGTERM)`;
	throw new Error(`pid ${pid} survived SIGKILL (stuck in the kernel?)`);
}
