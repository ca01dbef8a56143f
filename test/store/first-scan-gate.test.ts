import assert from 'node:assert/strict';
import {test} from 'node:test';
import {firstScanGate, type GateClock} from '../../source/store/first-scan-gate.js';

/** A clock that moves only when told, running the timers that fall due on the way. */
function fakeClock() {
	let now = 0;
	let next = 0;
	const timers = new Map<number, {at: number; run: () => void}>();
	const clock: GateClock = {
		now: () => now,
		setTimeout(run, ms) {
			timers.set(++next, {at: now + ms, run});
			return next;
		},
		clearTimeout: (id) => void timers.delete(id as number),
	};
	const advanceTo = (to: number) => {
		for (;;) {
			const due = [...timers].filter(([, timer]) => timer.at <= to).sort(([, a], [, b]) => a.at - b.at)[0];
			if (!due) break;
			timers.delete(due[0]);
			now = due[1].at;
			due[1].run();
		}
		now = to;
	};
	return {clock, advanceTo, pending: () => timers.size};
}

const cases: Array<{name: string; events: Array<[number, 'answered' | 'now' | 'stop']>; opensAt: number | null}> = [
	{name: 'the engine never answers: a second after start', events: [], opensAt: 1000},
	{name: 'the engine answers at 100 ms: 300 ms later', events: [[100, 'answered']], opensAt: 400},
	{name: 'a late answer does not push past the second', events: [[900, 'answered']], opensAt: 1000},
	{name: 'a second answer does not push the first one back', events: [[100, 'answered'], [300, 'answered']], opensAt: 400},
	{name: 'asked to open now', events: [[50, 'now']], opensAt: 50},
	{name: 'stopped before it opened: never', events: [[100, 'answered'], [200, 'stop']], opensAt: null},
];

for (const {name, events, opensAt} of cases) {
	test(`first scan gate: ${name}`, async () => {
		const {clock, advanceTo, pending} = fakeClock();
		const gate = firstScanGate({afterAnswerMs: 300, atMostMs: 1000}, clock);
		let openedAt: number | null = null;
		void gate.opened.then(() => (openedAt ??= clock.now()));
		const settle = () => new Promise((resolve) => setImmediate(resolve));
		for (const [at, event] of events) {
			advanceTo(at);
			if (event === 'answered') gate.engineAnswered();
			else if (event === 'now') gate.openNow();
			else gate.stop();
			await settle();
		}
		// Time runs on in small steps so that the moment it opened is seen.
		for (let at = (events.at(-1)?.[0] ?? 0) + 10; at <= 3000 && openedAt === null; at += 10) {
			advanceTo(at);
			await settle();
		}
		await settle();
		assert.equal(openedAt === null ? null : Math.ceil(openedAt / 10) * 10, opensAt);
		assert.equal(pending(), 0, 'no timer is left');
	});
}
