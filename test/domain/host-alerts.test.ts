import assert from 'node:assert/strict';
import {test} from 'node:test';
import {appendSample, defaultHostThresholds, historyMs, hostAlerts, type HostSample} from '../../source/domain/host-alerts.js';
import {hostPane} from '../../source/domain/host-pane.js';
import type {HostBasics} from '../../source/sources/host/host-basics.js';

const now = Date.parse('2026-11-22T12:00:00Z');
const host = (overrides: Partial<HostBasics> = {}): HostBasics => ({
	hostname: 'vm', cores: 2, load: [0.5, 0.5, 0.5], cpuPercent: 20, perCore: [20, 20],
	memory: {totalBytes: 100, availableBytes: 60}, swap: {totalBytes: 0, usedBytes: 0}, disk: null, uptimeSeconds: 100, sampledAt: now, ...overrides,
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

test('the host pane: load coloured by load per core, CPU history and cores, memory, swap, disk; one line when collapsed', () => {
	const input = {
		host: host({load: [3.2, 2, 1], cpuPercent: 91, perCore: [95, 87], disk: {path: '/var/lib/docker', totalBytes: 100 * 1024 ** 3, availableBytes: 4 * 1024 ** 3}}),
		processes: null,
		history: [10, 50, 90, 100].map((cpuPercent, index) => ({at: now - (4 - index) * 1000, cpuPercent, zombies: 0})),
		thresholds: defaultHostThresholds,
		containerName: () => null,
	};
	const [first, second] = hostPane(input, true);
	const text = (line: typeof first) => line!.map((segment) => segment.text).join('');
	assert.match(text(first), /^vm · load 3\.20 2\.00 1\.00 \/ 2 cores · cpu 91% · mem 40B\/100B \(60B available\) · up 1m$/);
	assert.equal(first!.find((segment) => segment.text.startsWith('3.20'))!.tone, 'bad', '1.6 per core is over 1.5');
	assert.equal(text(second), 'cpu ▁▅██ 0:95% 1:87% · swap 0B/0B · disk /var/lib/docker 96G/100G (96%)');
	assert.equal(second!.find((segment) => segment.text.startsWith('96G'))!.tone, 'bad');
	assert.equal(hostPane(input, false).length, 1);
	assert.equal(hostPane({...input, host: null}, true)[0]![0]!.text, 'host: reading…');
});
