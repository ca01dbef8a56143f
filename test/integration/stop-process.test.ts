import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {test} from 'node:test';
import {stopProcess} from '../../source/sources/host/stop-process.js';

// Real processes on this host: one that stops on SIGTERM, one that ignores it.

function start(script: string) {
	const child = spawn('sh', ['-c', script], {stdio: 'ignore', detached: true});
	child.unref();
	return child.pid!;
}

test('SIGTERM stops a polite process; a stubborn one is killed only when asked', async () => {
	const polite = start('exec sleep 1000');
	assert.equal(await stopProcess(polite, {escalate: false}), `pid ${polite} stopped (SIGTERM)`);
	assert.equal(await stopProcess(polite, {escalate: false}), `pid ${polite} was already gone`);

	const stubborn = start('trap "" TERM; while :; do sleep 0.1; done');
	await new Promise((resolve) => setTimeout(resolve, 200));
	await assert.rejects(stopProcess(stubborn, {escalate: false, graceMs: 500}), {message: `pid ${stubborn} still runs 0.5s after SIGTERM: ask again with K to kill it`});
	assert.equal(await stopProcess(stubborn, {escalate: true, graceMs: 500}), `pid ${stubborn} killed (SIGKILL 0.5s after SIGTERM)`);
});
