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
	// Its quota is half a core; a machine busy with the suite can give it less (18 % seen in CI),
	// never more: a share above the quota or none at all would be a wrong reading.
	assert.ok(burner.cpuPercent > 5 && burner.cpuPercent < 65, `at most about half a core: ${burner.cpuPercent}`);
	assert.ok(processes.scanMs >= 0 && processes.counts.total > 20);
});

test('the lab\'s port-holding host process is listed with its PID among the listening ports', async () => {
	const {readFileSync} = await import('node:fs');
	const {readListeners} = await import('../../source/sources/host/listening-sockets.js');
	const {portTable} = await import('../../source/domain/host-views.js');
	const pid = readFileSync('/var/lib/fleettop-lab/port-holder.pid', 'utf8').trim();
	const table = portTable(await readListeners(), () => 'host', true);
	const row = table.rows.find((candidate) => candidate.cells[1] === '127.0.0.1:18091');
	assert.ok(row, 'port 18091 is listed');
	assert.equal(row.cells[2], pid);
	assert.match(row.cells[5]!, /^\/usr\/bin\/python3 -m http\.server 18091/);
});

test('host thresholds raise alerts in the snapshot (low thresholds, not load we cannot control)', async (t) => {
	if (!requireEngine(t)) return;
	const shot = await snapshot(['--load-alert', '0.01', '--memory-alert', '1']);
	const texts = shot.summary.alerts.map((alert) => `${alert.severity}: ${alert.text}`);
	assert.ok(texts.some((text) => /^warning: load [\d.]+ on \d+ cores \([\d.]+ per core, over 0\.01\)$/.test(text)), texts.join('\n'));
	assert.ok(texts.some((text) => /^critical: host memory [\d.]+% used \(over 1 %\)$/.test(text)), texts.join('\n'));
	assert.ok(texts.some((text) => /^(warning|critical): \d+ zombie processes/.test(text)), 'the lab\'s zombies');
	const calm = await snapshot(['--load-alert', '1000', '--memory-alert', '100']);
	assert.ok(!calm.summary.alerts.some((alert) => /^load |^host memory/.test(alert.text)));
});
