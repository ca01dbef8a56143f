import assert from 'node:assert/strict';
import {test} from 'node:test';
import {statsFromFrame} from '../../source/sources/docker/api-stats.js';
import {parseCgroupMounts, resolveCgroupFiles} from '../../source/sources/docker/cgroup-paths.js';
import {cgroupFilePaths, readCgroup, statField, statsBetween} from '../../source/sources/docker/cgroup-stats.js';
import {createLineSplitter, parseEvent, toDockerTime} from '../../source/sources/docker/events.js';
import {parseStatusText, recordFromInspect} from '../../source/sources/docker/to-record.js';
import {labInspect, labListRecords, labRecords, recordNamed} from '../support/fixtures.js';

test('list status text reveals exit code and health', () => {
	const cases: Array<[string, number | null, string | null]> = [
		['Exited (137) 2 minutes ago', 137, null],
		['Restarting (127) 6 seconds ago', 127, null],
		['Up 14 seconds (unhealthy)', null, 'unhealthy'],
		['Up 3 seconds (health: starting)', null, 'starting'],
		['Up 5 minutes (healthy)', null, 'healthy'],
		['Created', null, null],
	];
	for (const [status, exitCode, health] of cases) assert.deepEqual(parseStatusText(status), {exitCode, health}, status);
});

test('inspect payloads become records', () => {
	const oom = recordNamed('lab-oom');
	assert.equal(oom.state, 'exited');
	assert.equal(oom.exitCode, 137);
	assert.equal(oom.oomKilled, true);
	assert.equal(oom.memoryLimit, 16 * 1024 * 1024);
	assert.equal(oom.restartPolicy, 'no');
	assert.equal(recordNamed('lab-agent-1').restartPolicy, 'always');
	assert.equal(recordNamed('lab-api-port').networkMode, 'host');
	assert.equal(recordNamed('lab-shop_api_1').project, 'lab-shop');
	assert.equal(recordNamed('lab-shop_api_1').service, 'api');
	assert.equal(recordNamed('lab-shop_api_1').startedAt, null, 'never started: Docker says 0001-01-01');
	// A loop that is up again: Docker reset ExitCode to 0, the die event knew 101.
	const qdrant = structuredClone(labInspect.find((info) => info.Name === '/lab-qdrant')!);
	qdrant.State = {...qdrant.State, Status: 'running', Running: true, ExitCode: 0, Pid: 4242};
	assert.equal(recordFromInspect('local', qdrant, [{at: 1, code: 101}]).exitCode, 101);
	assert.equal(recordFromInspect('local', qdrant, []).exitCode, null);
});

test('untrusted names and labels are sanitized on the way in', () => {
	const evil = structuredClone(labInspect[0]!);
	evil.Name = '/web\u001B]0;owned\u0007';
	evil.Config.Labels = {'com.docker.compose.project': 'shop\u001B[2J'};
	const record = recordFromInspect('local', evil);
	assert.equal(record.name, 'web');
	assert.equal(record.project, 'shop');
});

test('events: lines split across chunks and characters', () => {
	const lines: string[] = [];
	const feed = createLineSplitter((line) => lines.push(line));
	const text = Buffer.from('{"a":"é"}\n{"b":1}\n{"c"');
	feed(text.subarray(0, 7)); // cuts "é" in half
	feed(text.subarray(7));
	feed(':2}\n');
	assert.deepEqual(lines, ['{"a":"é"}', '{"b":1}', '{"c":2}']);
});

test('events: actions with a suffix, other types ignored', () => {
	const health = parseEvent('{"Type":"container","Action":"health_status: healthy","Actor":{"ID":"abc","Attributes":{"name":"web"}},"timeNano":1795345017306022176}');
	assert.equal(health?.action, 'health_status');
	assert.equal(health?.detail, 'healthy');
	const die = parseEvent('{"Type":"container","Action":"die","Actor":{"ID":"abc","Attributes":{"exitCode":"127"}},"time":1795345015}');
	assert.equal(die?.attributes['exitCode'], '127');
	assert.equal(parseEvent('{"Type":"network","Action":"connect","Actor":{"ID":"n"}}'), null);
	assert.equal(parseEvent('not json'), null);
	assert.equal(toDockerTime(1795345017306022176n), '1795345017.306022176');
	assert.equal(toDockerTime(5n), '0.000000005');
});

const hybridMountinfo = `
25 30 0:23 / /sys/fs/cgroup rw,nosuid - tmpfs tmpfs rw,mode=755
28 25 0:26 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
31 25 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct
32 25 0:30 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
33 25 0:31 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids`;

const unifiedMountinfo = '30 23 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate';
const v1Mountinfo = `
25 30 0:23 / /sys/fs/cgroup rw,nosuid - tmpfs tmpfs rw,mode=755
31 25 0:29 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
32 25 0:30 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
33 25 0:31 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids`;
const v1 = (cgroup: string) => `12:pids:${cgroup}\n4:cpuacct:${cgroup}\n9:memory:${cgroup}\n1:name=systemd:${cgroup}\n`;

// Where engines put a container's cgroup: the path is read from /proc/<pid>/cgroup, never guessed,
// so every driver and engine resolves the same way.
const cgroupCases: Array<{what: string; mountinfo: string; procCgroup: string; files: unknown}> = [
	{what: 'v1 hybrid host, joined cpu,cpuacct, cgroupfs driver', mountinfo: hybridMountinfo, procCgroup: '12:pids:/docker/abc\n4:cpu,cpuacct:/docker/abc\n9:memory:/docker/abc\n0::/docker/abc\n', files: {version: 1, cpuacct: '/sys/fs/cgroup/cpu,cpuacct/docker/abc', memory: '/sys/fs/cgroup/memory/docker/abc', pids: '/sys/fs/cgroup/pids/docker/abc'}},
	{what: 'v1, systemd driver', mountinfo: v1Mountinfo, procCgroup: v1('/system.slice/docker-abc.scope'), files: {version: 1, cpuacct: '/sys/fs/cgroup/cpuacct/system.slice/docker-abc.scope', memory: '/sys/fs/cgroup/memory/system.slice/docker-abc.scope', pids: '/sys/fs/cgroup/pids/system.slice/docker-abc.scope'}},
	{what: 'v1, Podman with cgroupfs', mountinfo: v1Mountinfo, procCgroup: v1('/libpod_parent/libpod-abc'), files: {version: 1, cpuacct: '/sys/fs/cgroup/cpuacct/libpod_parent/libpod-abc', memory: '/sys/fs/cgroup/memory/libpod_parent/libpod-abc', pids: '/sys/fs/cgroup/pids/libpod_parent/libpod-abc'}},
	{what: 'v2, systemd driver', mountinfo: unifiedMountinfo, procCgroup: '0::/system.slice/docker-abc.scope\n', files: {version: 2, dir: '/sys/fs/cgroup/system.slice/docker-abc.scope'}},
	{what: 'v2, cgroupfs driver', mountinfo: unifiedMountinfo, procCgroup: '0::/docker/abc\n', files: {version: 2, dir: '/sys/fs/cgroup/docker/abc'}},
	{what: 'v2, Podman as root (systemd)', mountinfo: unifiedMountinfo, procCgroup: '0::/machine.slice/libpod-abc.scope/container\n', files: {version: 2, dir: '/sys/fs/cgroup/machine.slice/libpod-abc.scope/container'}},
	{what: 'v2, rootless Podman', mountinfo: unifiedMountinfo, procCgroup: '0::/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-abc.scope\n', files: {version: 2, dir: '/sys/fs/cgroup/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-abc.scope'}},
	{what: 'v1 inside a namespaced mount root', mountinfo: '40 30 0:30 /docker/host /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n41 30 0:29 /docker/host /sys/fs/cgroup/cpuacct rw - cgroup cgroup rw,cpuacct', procCgroup: '9:memory:/docker/host/abc\n4:cpuacct:/docker/host/abc\n', files: {version: 1, cpuacct: '/sys/fs/cgroup/cpuacct/abc', memory: '/sys/fs/cgroup/memory/abc', pids: null}},
	{what: 'no cgroup filesystem mounted', mountinfo: '', procCgroup: '0::/\n', files: null},
];

test('cgroup files of a container: v1 and v2, cgroupfs and systemd drivers, Docker and Podman', () => {
	for (const {what, mountinfo, procCgroup, files} of cgroupCases) {
		assert.deepEqual(resolveCgroupFiles(parseCgroupMounts(mountinfo), procCgroup), files, what);
	}
});

test('stat file fields: the named line only, not one that ends with the name', () => {
	const stat = 'cache 5\ninactive_file 7\ntotal_inactive_file 42\nusage_usec 1200\n';
	assert.equal(statField(stat, 'total_inactive_file'), 42);
	assert.equal(statField(stat, 'inactive_file'), 7);
	assert.equal(statField(stat, 'cache'), 5);
	assert.equal(statField(stat, 'usage_usec'), 1200);
	assert.equal(statField('usage_usec 9', 'usage_usec'), 9, 'no newline at the end');
	assert.equal(statField('total_inactive_file 42\ninactive_file 7\n', 'inactive_file'), 7, 'the name inside a longer one comes first');
	assert.equal(statField('cache_hits 3\ncache 5\n', 'cache'), 5, 'a longer name that starts with it comes first');
	assert.equal(statField(stat, 'file'), 0, 'absent');
	assert.equal(statField('', 'cache'), 0);
});

test('cgroup readings -> docker stats numbers', () => {
	const stats = statsBetween(
		{cpuNanos: 1_000_000_000, memoryUsage: 10_000, inactiveFile: 4_000, memoryLimit: 9223372036854771712, pids: 3, at: 1000},
		{cpuNanos: 1_500_000_000, memoryUsage: 12_000, inactiveFile: 2_000, memoryLimit: 9223372036854771712, pids: 4, at: 2000},
		8_000_000_000,
	);
	assert.equal(stats.cpuPercent, 50);
	assert.equal(stats.memoryBytes, 10_000, 'usage minus inactive file cache');
	assert.equal(stats.memoryLimitBytes, 8_000_000_000, 'no limit shows the host memory, as docker stats does');
});

test('API stats frames: first one dropped, then the CLI arithmetic', () => {
	assert.equal(statsFromFrame({cpu_stats: {cpu_usage: {total_usage: 5}, system_cpu_usage: 100}, precpu_stats: {cpu_usage: {}}}), null);
	const stats = statsFromFrame({
		cpu_stats: {cpu_usage: {total_usage: 2_500_000_000}, system_cpu_usage: 20_000_000_000, online_cpus: 2},
		precpu_stats: {cpu_usage: {total_usage: 2_000_000_000}, system_cpu_usage: 18_000_000_000},
		memory_stats: {usage: 50_000, limit: 100_000, stats: {inactive_file: 10_000}},
		pids_stats: {current: 7},
	});
	assert.equal(stats?.cpuPercent, 50);
	assert.equal(stats?.memoryBytes, 40_000);
	assert.equal(stats?.pids, 7);
});

test('a list reply makes the record an inspect later completes', () => {
	const inspected = new Map(labRecords().map((record) => [record.id, record]));
	const listed = labListRecords();
	assert.equal(listed.length, inspected.size);
	for (const record of listed) {
		const full = inspected.get(record.id)!;
		const stable = (r: typeof record) => [r.key, r.name, r.image, r.project, r.service, r.networkMode];
		assert.deepEqual(stable(record), stable(full), record.name);
		// Loops move between the two replies; the rest must agree on state and health.
		if (full.restartCount === 0) assert.deepEqual([record.state, record.health], [full.state, full.health], record.name);
		assert.equal(record.inspected, false);
		assert.equal(record.details, null);
	}
});

test('cgroup v2 reads: values as the kernel writes them (a newline after each, max for no limit)', () => {
	const text: Record<string, string> = {
		'/d/cpu.stat': 'usage_usec 1200\nuser_usec 1000\nsystem_usec 200\n',
		'/d/memory.current': '1000\n',
		'/d/memory.stat': 'anon 700\nfile 300\nactive_file 200\ninactive_file 100\n',
		'/d/memory.max': 'max\n',
		'/d/pids.current': '2\n',
	};
	const reading = readCgroup(cgroupFilePaths({version: 2, dir: '/d'}), null, 0, (path) => text[path]!);
	assert.deepEqual(
		{cpuNanos: reading.cpuNanos, memoryUsage: reading.memoryUsage, inactiveFile: reading.inactiveFile, memoryLimit: reading.memoryLimit, pids: reading.pids},
		{cpuNanos: 1_200_000, memoryUsage: 1000, inactiveFile: 100, memoryLimit: Number.POSITIVE_INFINITY, pids: 2},
	);
});

test('cgroup reads: memory.stat, the limit and the task count every 10 s or when usage moved by a tenth, CPU and usage each time', () => {
	const files = {version: 1 as const, cpuacct: '/c', memory: '/m', pids: '/p'};
	const text: Record<string, string> = {'/c/cpuacct.usage': '5000', '/m/memory.usage_in_bytes': '1000', '/m/memory.stat': 'total_inactive_file 100\n', '/m/memory.limit_in_bytes': '4096', '/p/pids.current': '2'};
	const reads: string[] = [];
	const read = (path: string) => {
		reads.push(path.split('/').pop()!);
		return text[path]!;
	};
	const paths = cgroupFilePaths(files);
	const first = readCgroup(paths, null, 0, read);
	assert.deepEqual(reads.sort(), ['cpuacct.usage', 'memory.limit_in_bytes', 'memory.stat', 'memory.usage_in_bytes', 'pids.current']);
	assert.equal(statsBetween(first, first).memoryBytes, 900);
	const steps: Array<{what: string; at: number; usage: string; detail: boolean}> = [
		{what: 'a second later, usage steady', at: 1000, usage: '1050', detail: false},
		{what: 'usage up by more than a tenth', at: 2000, usage: '1200', detail: true},
		{what: 'steady again', at: 3000, usage: '1150', detail: false},
		{what: '10 s after the last detail', at: 12_000, usage: '1150', detail: true},
	];
	let previous = first;
	let pidsRead = 2;
	for (const {what, at, usage, detail} of steps) {
		reads.length = 0;
		text['/m/memory.usage_in_bytes'] = usage;
		text['/m/memory.stat'] = `total_inactive_file ${at}\n`;
		text['/p/pids.current'] = String(at);
		previous = readCgroup(paths, previous, at, read);
		assert.equal(reads.includes('memory.stat'), detail, what);
		assert.equal(reads.includes('memory.limit_in_bytes'), detail, what);
		assert.equal(reads.includes('pids.current'), detail, what);
		assert.ok(reads.includes('cpuacct.usage') && reads.includes('memory.usage_in_bytes'), what);
		assert.equal(previous.memoryUsage, Number(usage), what);
		if (detail) pidsRead = at;
		assert.equal(previous.pids, pidsRead, what);
	}
	assert.equal(previous.inactiveFile, 12_000, 'the latest memory.stat');
	assert.equal(previous.pids, 12_000, 'the latest task count');
});
