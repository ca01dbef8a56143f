import assert from 'node:assert/strict';
import {test} from 'node:test';
import {docker, requireEngine} from '../support/engine.js';
import {snapshot} from '../support/run-cli.js';

// lab-cpu-burn spins under --cpus 0.5: a known load to compare cgroup files, the API stream and
// `docker stats` on.

function dockerStats(name: string): {cpu: number; memoryMiB: number} {
	const [cpu = '', memory = ''] = docker('stats', '--no-stream', '--format', '{{.CPUPerc}}|{{.MemUsage}}', name).split('|');
	const [amount = '0', unit = ''] = /^([\d.]+)(\w+)/.exec(memory)?.slice(1) ?? [];
	const scale: Record<string, number> = {B: 1 / 1024 / 1024, KiB: 1 / 1024, MiB: 1, GiB: 1024};
	return {cpu: Number.parseFloat(cpu), memoryMiB: Number(amount) * (scale[unit] ?? 1)};
}

test('cgroup and API stats agree with docker stats', async (t) => {
	if (!requireEngine(t)) return;
	const reference = dockerStats('lab-cpu-burn');
	const supervisorReference = dockerStats('lab-supervisor');
	for (const source of ['cgroup', 'api']) {
		const shot = await snapshot(['--stats', source]);
		assert.equal(shot.engines[0]?.statsSource, source);
		const burner = shot.containers.find((c) => c.name === 'lab-cpu-burn')?.stats;
		assert.ok(burner, `${source}: stats for lab-cpu-burn`);
		assert.ok(Math.abs(burner.cpuPercent - reference.cpu) < 5, `${source}: ${burner.cpuPercent}% vs docker stats ${reference.cpu}%`);
		const supervisor = shot.containers.find((c) => c.name === 'lab-supervisor')?.stats;
		assert.ok(supervisor, `${source}: stats for lab-supervisor`);
		const mib = supervisor.memoryBytes / 1024 / 1024;
		assert.ok(Math.abs(mib - supervisorReference.memoryMiB) / supervisorReference.memoryMiB < 0.05, `${source}: ${mib.toFixed(2)} MiB vs docker stats ${supervisorReference.memoryMiB} MiB`);
	}
});
