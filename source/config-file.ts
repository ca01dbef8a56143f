import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {ConfigError, type RawFlags} from './config.js';

// The configuration file: the same settings as the flags, for a host where they should hold
// every time (readOnly on a production box). Flags given on the command line win.
//   $FLEETTOP_CONFIG, else $XDG_CONFIG_HOME/fleettop/config.json, else ~/.config/fleettop/config.json
//   {"readOnly": true, "interval": "2s", "loopWarn": 6, "availability": 90}

const stringKeys = ['host', 'interval', 'timeout', 'stats', 'loopWarn', 'availability', 'cpuAlert', 'memoryAlert', 'loadAlert', 'supervisor'] as const;
const booleanKeys = ['readOnly'] as const;

export function configPath(env: Record<string, string | undefined>): string {
	if (env['FLEETTOP_CONFIG']) return env['FLEETTOP_CONFIG'];
	const base = env['XDG_CONFIG_HOME']?.startsWith('/') ? env['XDG_CONFIG_HOME'] : join(env['HOME'] || homedir(), '.config');
	return join(base, 'fleettop', 'config.json');
}

export function parseConfig(text: string, path: string): RawFlags {
	let document: unknown;
	try {
		document = JSON.parse(text);
	} catch (error) {
		throw new ConfigError(`${path} is not valid JSON (${(error as Error).message.split('\n')[0]}): fix it or move it away`);
	}
	if (typeof document !== 'object' || document === null || Array.isArray(document)) throw new ConfigError(`${path} must hold one JSON object, e.g. {"readOnly": true}`);
	const flags: Record<string, string | boolean> = {};
	for (const [key, value] of Object.entries(document)) {
		if ((stringKeys as readonly string[]).includes(key)) {
			if (typeof value !== 'string' && typeof value !== 'number') throw new ConfigError(`${path}: "${key}" must be a string or a number`);
			flags[key] = String(value);
		} else if ((booleanKeys as readonly string[]).includes(key)) {
			if (typeof value !== 'boolean') throw new ConfigError(`${path}: "${key}" must be true or false`);
			flags[key] = value;
		} else {
			throw new ConfigError(`${path}: unknown setting "${key}" (known: ${[...stringKeys, ...booleanKeys].join(', ')})`);
		}
	}
	return flags as RawFlags;
}

/** The file's settings; none when there is no file. A broken file is a ConfigError, not a silent default. */
export function readConfig(env: Record<string, string | undefined>): RawFlags {
	const path = configPath(env);
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		// No file, or a HOME that is another user's (sudo, setpriv keep it): nothing of ours to read.
		// A file named by $FLEETTOP_CONFIG must be read.
		const code = (error as NodeJS.ErrnoException).code;
		if ((code === 'ENOENT' || code === 'EACCES' || code === 'ENOTDIR') && !env['FLEETTOP_CONFIG']) return {};
		throw new ConfigError(`cannot read ${path}: ${(error as Error).message.split('\n')[0]}`);
	}
	return parseConfig(text, path);
}

/** Command-line flags over the file; read-only from either side holds. */
export function mergeFlags(file: RawFlags, cli: RawFlags): RawFlags {
	const defined = Object.fromEntries(Object.entries(cli).filter(([, value]) => value !== undefined && value !== false));
	return {...file, ...defined, readOnly: Boolean(cli.readOnly || file.readOnly)};
}
