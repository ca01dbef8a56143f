import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {test} from 'node:test';
import {requireEngine} from '../support/engine.js';

// The bench is not part of the suite (its numbers are not assertions); that it still runs is.
const bench = fileURLToPath(new URL('../bench/bench.ts', import.meta.url));

test('npm run bench runs end to end on a tiny fleet and removes it', async (t) => {
	if (!requireEngine(t)) return;
	const {stdout} = await promisify(execFile)(process.execPath, ['--import', 'tsx', bench, '--tiny'], {
		env: {...process.env, NODE_ENV: 'production'},
		timeout: 180_000,
	});
	assert.match(stdout, /^machine: \d+ × /m);
	assert.match(stdout, /\| one frame of the containers view .* \| [\d.]+ ms \|/);
	const fleet = stdout.split('\n').find((line) => line.includes('(bench: 3 running, 1 exited, 1 looping)'));
	assert.ok(fleet, stdout);
	// CPU, extra daemon CPU (idle), RSS, first frame, keys, docker stats.
	assert.match(fleet, /\| [\d.]+ % \| -?[\d.]+ % \([\d.]+ %\) \| \d+ MB \| \d+ ms \| \d+ ms \/ \d+ ms \/ \d+ ms \| not run \|$/);
	const {stdout: left} = await promisify(execFile)('docker', ['ps', '-aq', '--filter', 'label=fleettop.bench']);
	assert.equal(left.trim(), '', 'the bench fleet is removed');
});
