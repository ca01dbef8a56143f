import assert from 'node:assert/strict';
import {test} from 'node:test';
import {portHolderReader} from '../../source/store/port-holders.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('port holders: read at most once per interval; an ask that comes too soon is read when the interval is up', async () => {
	let reads = 0;
	const published: number[] = [];
	const reader = portHolderReader({
		intervalMs: 300,
		readListeners: async () => (reads++, []),
		publish: () => published.push(reads),
	});
	await reader.read();
	assert.deepEqual(published, [1], 'the first ask reads at once');
	await reader.read();
	await reader.read();
	assert.equal(reads, 1, 'asks within the interval wait');
	await sleep(450);
	assert.deepEqual(published, [1, 2], 'the asks that waited make one read when the interval is up');
	await reader.read();
	reader.stop();
	await sleep(450);
	assert.equal(reads, 2, 'a stopped reader leaves no read pending');
});
