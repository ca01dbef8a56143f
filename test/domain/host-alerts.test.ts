import assert from 'node:assert/strict';
import {test} from 'node:test';
import {appendSample, defaultHostThresholds, historyMs, hostAlerts, type HostSample} from '../../source/domain/host-alerts.js';
import type {HostBasics} from '../../source/sources/host/host-basics.js';

const now = Date.parse('2026-11-22T12:00:00Z');
const host = (overrides: Partial<HostBasics> = {}): HostBasics => ({
	hostname: 'vm', cores: 2, load: [0.5, 0.5, 0.5], cpuPercent: 20, perCore: [20, 20],
	memory: {totalBytes: 100, availableBytes: 60}, swap: {totalBytes: 0, usedBytes: 0}, uptimeSeconds: 100, sampledAt: now, ...overrides,
});
const samples = (minutes: number, cpu: number, zombies: (minute: number) => number): HostSample[] =>
	Array.from({length: minutes * 6 + 1}, (_, index) => ({at: now - minutes * 60_000 + index * 10_000, cpuPercent: cpu, zombies: zombies(index / 6)}));
const texts = (alerts: ReturnType<typeof hostAlerts>) => alerts.map((alert) => `${alert.severity}: ${alert.text}`);

test('host alerts: sustained CPU, memory, load per core, zombies and growing zombies', () => {
	assert.deepEqual(hostAlerts(host(), samples(6, 20, () => 0), now), []);
	assert.deepEqual(texts(hostAlerts(host(), samples(6, 95, () => 0), now)), ['critical: host CPU above 80 % for 5 min (95% now)']);
	assert.deepEqual(hostAlerts(host(), samples(3, 95, () => 0), now), [], 'three minutes is not sustained');
	const spike = samples(6, 95, () => 0);
	spike[spike.length - 10]!.cpuPercent = 30;
	assert.deepEqual(hostAlerts(host(), spike, now), [], 'one quiet reading breaks it');
	assert.deepEqual(texts(hostAlerts(host({memory: {totalBytes: 100, availableBytes: 5}}), [], now)), ['critical: host memory 95% used (over 90 %)']);
	assert.deepEqual(texts(hostAlerts(host({load: [3.5, 2, 1]}), [], now)), ['warning: load 3.50 on 2 cores (1.75 per core, over 1.5)']);
	assert.deepEqual(texts(hostAlerts(host(), samples(6, 10, () => 7), now)), ['warning: 7 zombie processes']);
	assert.deepEqual(texts(hostAlerts(host(), samples(6, 10, (minute) => 5 + Math.floor(minute)), now)), ['critical: 11 zombie processes and growing (6 5 min ago)']);
	assert.deepEqual(hostAlerts(host({load: [3.5, 2, 1]}), [], now, {...defaultHostThresholds, loadPerCore: 2}), [], 'thresholds are configurable');
	assert.deepEqual(hostAlerts(null, [], now), []);
});

test('the history keeps ten minutes', () => {
	let history: HostSample[] = [];
	for (let at = 0; at <= historyMs * 2; at += 60_000) history = appendSample(history, {at, cpuPercent: 1, zombies: 0});
	assert.equal(history[0]!.at, historyMs + 60_000);
	assert.equal(history.length, 10);
});
