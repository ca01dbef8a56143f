import assert from 'node:assert/strict';
import {test} from 'node:test';
import {requireEngine} from '../support/engine.js';
import {snapshot} from '../support/run-cli.js';

// The host's processes from /proc, attributed to the lab's containers.

test('the zombie-maker\'s zombies are counted and attributed with their parent; the CPU burner tops the processes', async (t) => {
	if (!requireEngine(t)) return;
	const shot = await snapshot();
	const processes = shot.processes;
	assert.ok(processes, 'the snapshot has the host processes');
	const zombies = processes.zombies.filter((zombie) => zombie.container === 'lab-zombie-maker');
	assert.ok(zombies.length >= 5, `at least the five it makes at start: ${zombies.length}`);
	assert.ok(zombies.every((zombie) => zombie.parent === 'python3 /lab/zombies.py'));
	assert.equal(processes.counts.zombie >= zombies.length, true);
	const burner = processes.top.find((group) => group.containers.includes('lab-cpu-burn'));
	assert.ok(burner, 'the CPU burner is among the top processes');
	// fleettop itself is busy starting up while --once samples: the burner tops the containers' processes.
	assert.equal(processes.top.find((group) => group.containers.some(Boolean)), burner, `it tops them: ${JSON.stringify(processes.top.slice(0, 3))}`);
	assert.ok(burner.cpuPercent > 35 && burner.cpuPercent < 65, `about half a core: ${burner.cpuPercent}`);
	assert.ok(processes.scanMs >= 0 && processes.counts.total > 20);
});
