import assert from 'node:assert/strict';
import {test} from 'node:test';
import {commandKey, findZombies, groupProcesses} from '../../source/domain/host-processes.js';
import {portTable} from '../../source/domain/host-views.js';
import {countStates, parseProcStat, type HostProcess} from '../../source/sources/host/proc-scan.js';

test('/proc/<pid>/stat: names with spaces and parentheses, state, parent, CPU ticks, memory', () => {
	const line = '2836 (python3 (x) y) S 2810 2836 2836 0 -1 4194560 1234 0 0 0 150 25 0 0 20 0 1 0 123456 19046400 2400 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0';
	assert.deepEqual(parseProcStat(line), {pid: 2836, name: 'python3 (x) y', state: 'S', ppid: 2810, cpuTicks: 175, startTicks: 123456, rssBytes: 2400 * 4096});
	assert.equal(parseProcStat('garbage'), null);
	assert.deepEqual(parseProcStat(`${line}\n`), parseProcStat(line), 'as the kernel writes it, with a newline');
	assert.equal(parseProcStat(line.split(' ').slice(0, 25).join(' ')), null, 'cut before the resident memory');
	assert.equal(parseProcStat(line.replace('2836 (', 'x (')), null, 'no pid');
	assert.deepEqual(parseProcStat('7 (a) Z 1 7 7 0 -1 4 0 0 0 0 0 0 0 0 20 0 1 0 99 0 0 0'), {pid: 7, name: 'a', state: 'Z', ppid: 1, cpuTicks: 0, startTicks: 99, rssBytes: 0});
	assert.deepEqual(countStates([{state: 'R'}, {state: 'S'}, {state: 'I'}, {state: 'Z'}, {state: 'Z'}, {state: 'T'}]), {total: 6, running: 1, sleeping: 2, zombie: 2, other: 1});
});

const proc = (pid: number, ppid: number, state: string, command: string, containerId: string | null, cpuPercent = 0): HostProcess =>
	({pid, ppid, state, name: command.split(' ')[0]!, command, user: 'root', containerId, cpuPercent, cpuTicks: 0, startTicks: pid, rssBytes: 1024});

test('zombies belong where their parent is; repeated commands are one line', () => {
	const processes = [
		proc(100, 1, 'S', 'python3 /lab/zombies.py', 'zmk'),
		proc(101, 100, 'Z', '[python3]', null),
		proc(102, 100, 'Z', '[python3]', null),
		...Array.from({length: 14}, (_, index) => proc(200 + index, 1, 'R', 'pip install psutil==5.9.8', `c${index}`, 22)),
		proc(300, 1, 'R', "sh -c while :; do :; done", 'burn', 50),
	];
	assert.deepEqual(findZombies(processes).map((zombie) => [zombie.pid, zombie.parentCommand, zombie.containerId]), [[101, 'python3 /lab/zombies.py', 'zmk'], [102, 'python3 /lab/zombies.py', 'zmk']]);
	const groups = groupProcesses(processes);
	assert.equal(groups[0]!.command, 'pip install psutil==5.9.8');
	assert.equal(groups[0]!.count, 14);
	assert.equal(groups[0]!.cpuPercent, 14 * 22);
	assert.equal(groups[0]!.containerIds.length, 14);
	assert.equal(groups[1]!.command, 'sh -c while :; do :; done');
	assert.ok(!groups.some((group) => group.command === '[python3]'), 'zombies are listed apart');
	assert.equal(commandKey('sleep 1000'), commandKey('sleep 5'));
	assert.notEqual(commandKey('sh -c a'), commandKey('sh -c b'));
});

test('the ports view says plainly what needs root', () => {
	const listeners = [
		{protocol: 'tcp' as const, address: '127.0.0.1', port: 18091, holder: {pid: 4912, command: 'python3 -m http.server 18091', user: 'root', containerId: null}},
		{protocol: 'tcp6' as const, address: '::', port: 22, holder: null},
	];
	const asUser = portTable(listeners, () => 'host', false);
	assert.equal(asUser.title, 'listening ports 2 (host network namespace) · 1 held by processes of other users: run as root to name them');
	assert.deepEqual(asUser.rows.map((row) => row.cells.slice(0, 3)), [['tcp6', '[::]:22', '?'], ['tcp', '127.0.0.1:18091', '4912']]);
	assert.equal(portTable(listeners, () => 'host', true).title, 'listening ports 2 (host network namespace)');
});

test('processes by memory', () => {
	const processes = [proc(1, 0, 'R', 'busy', null, 90), {...proc(2, 0, 'S', 'big', null, 1), rssBytes: 10 ** 9}];
	assert.deepEqual(groupProcesses(processes, 10, 'cpu').map((group) => group.command), ['busy', 'big']);
	assert.deepEqual(groupProcesses(processes, 10, 'memory').map((group) => group.command), ['big', 'busy']);
});
