import assert from 'node:assert/strict';
import {test} from 'node:test';
import {longRunRows} from './fleet-bench.js';

test('RSS over a long run: each third by its median, which the saw of the collections and a dip do not move', () => {
	const cases: Array<{what: string; samples: number[]; first: number; last: number}> = [
		{what: 'a saw around 90', samples: [88, 92, 88, 92, 88, 92, 88, 92, 88], first: 88, last: 88},
		{what: 'a dip while V8 gave pages back', samples: [90, 80, 90, 91, 90, 91, 90, 91, 91], first: 90, last: 91},
		{what: 'a steady climb', samples: [88, 90, 92, 94, 96, 98, 100, 102, 104], first: 90, last: 102},
	];
	for (const {what, samples, first, last} of cases) {
		const [summary] = longRunRows(10, {rssMb: samples, heapEndMb: 34.5, peakMb: Math.max(...samples)});
		assert.match(summary!, new RegExp(`median in the first third ${first} MB, in the last third ${last} MB`), what);
	}
});
