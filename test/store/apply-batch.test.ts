import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {ContainerStats} from '../../source/domain/container.js';
import {applyBatch} from '../../source/store/actions.js';
import {labStore} from '../support/fixtures.js';

const stats = (cpuPercent: number): ContainerStats => ({cpuPercent, memoryBytes: 1, memoryLimitBytes: 2, pids: 1, sampledAt: 0});

test('a batch of stats and evidence: listed containers take the new entries, gone ones lose theirs, the old state is left as it was', () => {
	const store = labStore();
	const before = store.getState();
	const withStats = Object.keys(before.stats);
	const withEvidence = Object.keys(before.evidence);
	const [updated, kept, removed] = withStats as [string, string, string];
	const listed = Object.keys(before.containers).find((key) => !(key in before.stats))!;
	assert.ok(updated && kept && removed && listed && withEvidence.length > 0, 'the lab fixture has stats for three running containers and one without');

	applyBatch(store, {stats: new Map([[updated, stats(77)], [listed, stats(5)], ['local/not-listed', stats(9)]])});
	const afterStats = store.getState();
	assert.equal(afterStats.stats[updated]!.cpuPercent, 77, 'replaced');
	assert.equal(afterStats.stats[listed]!.cpuPercent, 5, 'added for a listed container');
	assert.equal(afterStats.stats[kept], before.stats[kept], 'untouched entries are the same objects');
	assert.ok(!('local/not-listed' in afterStats.stats), 'no stats for a container that is not listed');
	assert.notEqual(before.stats[updated]!.cpuPercent, 77, 'the previous state is not changed in place');
	assert.equal(afterStats.evidence, before.evidence, 'no evidence in the batch: the same record');

	const evidenced = withEvidence[0]!;
	applyBatch(store, {removals: [removed, evidenced]});
	const afterRemoval = store.getState();
	assert.ok(!(removed in afterRemoval.stats) && !(evidenced in afterRemoval.evidence), 'entries of removed containers are dropped');
	assert.deepEqual(Object.keys(afterRemoval.stats).sort(), Object.keys(afterStats.stats).filter((key) => key !== removed && key !== evidenced).sort());
	assert.deepEqual(Object.keys(afterRemoval.evidence).sort(), withEvidence.filter((key) => key !== removed && key !== evidenced).sort());
	assert.ok(removed in afterStats.stats, 'the previous state keeps them');
});
