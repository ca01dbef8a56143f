import {mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';

/** Writes a saved log readable by its owner only (logs can hold secrets); resolves with its path. */
export async function writeLogFile(dir: string, name: string, text: string): Promise<string> {
	await mkdir(dir, {recursive: true, mode: 0o700});
	const path = join(dir, name);
	await writeFile(path, text, {mode: 0o600, flag: 'wx'});
	return path;
}
