import assert from 'node:assert/strict';
import {test} from 'node:test';
import Docker from 'dockerode';
import type {LogEntry} from '../../source/domain/log-entry.js';
import {followLogs} from '../../source/sources/docker/log-follower.js';
import {docker, requireEngine} from '../support/engine.js';
import {until} from '../support/run-cli.js';

// A looping container's log, followed across its restarts.

test('lines of several runs, with a separator for each exit and restart', async (t) => {
	if (!requireEngine(t)) return;
	const name = `fleettop-test-logs-${process.pid}`;
	const id = docker('run', '-d', '--name', name, '--label', 'fleettop.test=1', '--network', 'none', '--restart', 'always', 'fleettop-lab/base:1', 'sh', '-c', 'echo "run at $(cat /proc/uptime)"; echo "about to fail" >&2; sleep 1; exit 3');
	const entries: LogEntry[] = [];
	const errors: string[] = [];
	const follower = followLogs({docker: new Docker(), id, tty: false, tail: 100, callTimeoutMs: 5000, pollMs: 200, onEntries: (more) => entries.push(...more), onError: (message) => errors.push(message)});
	try {
		await until('three runs followed', async () => (entries.filter((entry) => entry.kind === 'separator' && entry.text.startsWith('— restarted')).length >= 2 ? true : undefined), 60_000);
		const runs = entries.filter((entry) => entry.kind === 'line' && entry.text.startsWith('run at ')).map((entry) => (entry as {text: string}).text);
		assert.ok(runs.length >= 3, entries.map((entry) => `${entry.kind} ${entry.text} ${entry.at}`).join('\n'));
		assert.equal(new Set(runs).size, runs.length, 'no line twice across re-attaches');
		assert.ok(entries.some((entry) => entry.kind === 'line' && entry.stream === 'stderr' && entry.text === 'about to fail'), 'stderr set apart');
		const separators = entries.filter((entry) => entry.kind === 'separator').map((entry) => entry.text);
		assert.match(separators[0]!, /^— exited 3 at \d\d:\d\d:\d\d —$/);
		assert.match(separators[1]!, /^— restarted at \d\d:\d\d:\d\d —$/);
		assert.deepEqual(errors, []);
	} finally {
		follower.stop();
		docker('rm', '-f', name);
	}
});

test('a log that sets the title, writes the clipboard and clears the screen arrives as plain text', async (t) => {
	if (!requireEngine(t)) return;
	const id = docker('inspect', '-f', '{{.Id}}', 'lab-escapes');
	const entries: LogEntry[] = [];
	const follower = followLogs({docker: new Docker(), id, tty: false, tail: 9, callTimeoutMs: 5000, onEntries: (more) => entries.push(...more), onError: () => undefined});
	try {
		const texts = await until('the lab-escapes lines', async () => {
			const lines = entries.filter((entry) => entry.kind === 'line').map((entry) => entry.text);
			return lines.length >= 3 ? lines : undefined;
		}, 20_000);
		assert.deepEqual(texts.slice(0, 3), ['title set', 'clipboard written', 'screen cleared']);
		// eslint-disable-next-line no-control-regex
		for (const text of texts) assert.doesNotMatch(text, /[\u0000-\u001F\u007F-\u009F]/, JSON.stringify(text));
	} finally {
		follower.stop();
	}
});
