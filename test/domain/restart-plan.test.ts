import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {DependencyInfo} from '../../source/domain/diagnosis/dependencies.js';
import {planLines, planOrderedRestart} from '../../source/domain/restart-plan.js';
import {aRecord} from '../support/records.js';

const service = (name: string, state: 'running' | 'created' | 'exited', health = false) =>
	aRecord({id: name, key: `local/${name}`, name: `p_${name}_1`, project: 'p', service: name, state}, {healthcheck: health ? ['CMD-SHELL', 'check'] : null});
const dependsOn = (entries: Record<string, string[]>) =>
	new Map(Object.entries(entries).map(([name, deps]): [string, DependencyInfo] => [`local/${name}`, {dependsOn: deps.map((dep) => ({service: dep, condition: 'service_started', status: '', satisfied: false})), dependents: [], cascade: [], blockedBy: []}]));

test('services come after what they depend on; stopped ones are started, running ones restarted', () => {
	const records = [service('web', 'running'), service('db', 'running', true), service('cache', 'exited'), service('worker', 'created')];
	const plan = planOrderedRestart('p', records, dependsOn({web: ['db', 'cache'], worker: ['web', 'ghost']}));
	assert.ok(!('error' in plan));
	assert.deepEqual(plan.steps.map((step) => step.service), ['cache', 'db', 'web', 'worker']);
	assert.deepEqual(plan.steps.map((step) => step.containers[0]!.verb), ['start', 'restart', 'restart', 'start']);
	assert.deepEqual(plan.steps.map((step) => step.containers[0]!.waitFor), ['running', 'healthy', 'running', 'running']);
	assert.deepEqual(plan.steps[3]!.dependsOn, ['web'], 'a dependency with no container is left out');
	assert.match(planLines(plan, 60_000).join('\n'), /^Ordered restart of p: 4 services, each waited for up to 60s\n {2}1\. p_cache_1 +start, wait until running\n/);
});

test('a cycle or an unknown project is one line, not a hang', () => {
	const cycle = planOrderedRestart('p', [service('a', 'running'), service('b', 'running')], dependsOn({a: ['b'], b: ['a']}));
	assert.deepEqual(cycle, {project: 'p', error: 'depends_on has a cycle among a, b: fix the compose file'});
	assert.match(planLines(planOrderedRestart('nope', [service('a', 'running')], new Map()), 1000)[0]!, /^fleettop: no compose project nope on this engine/);
});
