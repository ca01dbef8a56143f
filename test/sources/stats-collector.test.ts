import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import type Docker from 'dockerode';
import type {ContainerStats} from '../../source/domain/container.js';
import {createStatsCollector} from '../../source/sources/docker/stats-collector.js';
import {recordNamed} from '../support/fixtures.js';

// The collector's bookkeeping over rounds, on a cgroup v2 tree of files laid out as the kernel
// does: each process's /proc/<pid>/cgroup names its directory under the mount from mountinfo.
// (The real files, and agreement with docker stats, are tested against the engine in
// integration/stats.test.ts.)

function cgroupTree() {
	const root = mkdtempSync(join(tmpdir(), 'fleettop-cgroup-'));
	const mount = join(root, 'cgroup');
	mkdirSync(join(root, 'proc', 'self'), {recursive: true});
	writeFileSync(join(root, 'proc', 'self', 'mountinfo'), `30 25 0:26 / ${mount} rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw\n`);
	return {
		root,
		/** A process in cgroup `dir` using `usec` of CPU so far. */
		process(pid: number, dir: string, usec: number) {
			mkdirSync(join(root, 'proc', String(pid)), {recursive: true});
			writeFileSync(join(root, 'proc', String(pid), 'cgroup'), `0::/${dir}\n`);
			mkdirSync(join(mount, dir), {recursive: true});
			const files: Record<string, string> = {'cpu.stat': `usage_usec ${usec}\nuser_usec ${usec}\nsystem_usec 0\n`, 'memory.current': '4096\n', 'memory.stat': 'inactive_file 0\n', 'memory.max': 'max\n', 'pids.current': '1\n'};
			for (const [name, text] of Object.entries(files)) writeFileSync(join(mount, dir, name), text);
		},
		remove: () => rmSync(root, {recursive: true, force: true}),
	};
}

test('stats collector: a first round only reads; later rounds report; a new process is located afresh; a gone container is forgotten', async () => {
	const tree = cgroupTree();
	const reported = new Map<string, ContainerStats>();
	const collector = createStatsCollector({docker: {} as Docker, source: 'cgroup', local: true, procRoot: join(tree.root, 'proc'), onStats: (key, stats) => reported.set(key, stats)});
	try {
		const a = {...recordNamed('lab-cpu-burn'), pid: 101};
		const b = {...recordNamed('lab-supervisor'), pid: 202};
		tree.process(101, 'a', 0);
		tree.process(202, 'b', 0);
		await collector.sample([a, b]);
		assert.equal(reported.size, 0, 'one reading gives no share yet');
		assert.equal(collector.describe(), 'cgroup');

		tree.process(101, 'a', 500_000);
		await new Promise((resolve) => setTimeout(resolve, 20));
		await collector.sample([a, b]);
		assert.deepEqual([...reported.keys()].sort(), [a.key, b.key].sort());
		assert.ok(reported.get(a.key)!.cpuPercent > 100, 'half a second of CPU in some 20 ms');
		assert.equal(reported.get(b.key)!.cpuPercent, 0);
		assert.equal(reported.get(a.key)!.memoryBytes, 4096);

		// a restarted: a new process in a new cgroup, whose count starts again from nothing.
		reported.clear();
		const restarted = {...a, pid: 303};
		tree.process(303, 'a2', 1000);
		await collector.sample([restarted, b]);
		assert.deepEqual([...reported.keys()], [b.key], 'the new process has only a first reading');
		reported.clear();
		tree.process(303, 'a2', 2000);
		await collector.sample([restarted]);
		assert.deepEqual([...reported.keys()], [a.key], 'read from its new cgroup, b no longer listed');

		// b listed again: it was forgotten, so it starts over with a first reading.
		reported.clear();
		await collector.sample([restarted, b]);
		assert.deepEqual([...reported.keys()], [a.key]);
	} finally {
		collector.stop();
		tree.remove();
	}
});
