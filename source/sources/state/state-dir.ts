import {homedir} from 'node:os';
import {join} from 'node:path';

/** $XDG_STATE_HOME/fleettop, else ~/.local/state/fleettop: where fleettop keeps what must outlive it. */
export function stateDir(env: Record<string, string | undefined> = process.env): string {
	const base = env['XDG_STATE_HOME']?.startsWith('/') ? env['XDG_STATE_HOME'] : join(env['HOME'] || homedir(), '.local', 'state');
	return join(base, 'fleettop');
}
