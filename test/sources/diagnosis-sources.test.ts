import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {LogLine} from '../../source/domain/evidence.js';
import {readComposeProject, servicesFromYaml} from '../../source/sources/compose/compose-files.js';
import {createDemuxer, maxLineLength} from '../../source/sources/docker/log-frames.js';
import {parseProcNet} from '../../source/sources/host/listening-sockets.js';
import {containerIdFromCgroup, parsePasswd} from '../../source/sources/host/proc-process.js';

function frame(stream: 1 | 2, text: string | Buffer): Buffer {
	const payload = Buffer.isBuffer(text) ? text : Buffer.from(text);
	const header = Buffer.alloc(8);
	header[0] = stream;
	header.writeUInt32BE(payload.length, 4);
	return Buffer.concat([header, payload]);
}

function demux(tty: boolean, chunks: Buffer[]): LogLine[] {
	const lines: LogLine[] = [];
	const demuxer = createDemuxer(tty, (line) => lines.push(line));
	for (const chunk of chunks) demuxer.push(chunk);
	demuxer.end();
	return lines;
}

test('log frames: streams apart, frames and characters split anywhere, timestamps read', () => {
	const bytes = Buffer.concat([
		frame(1, '2026-11-22T10:42:07.123456789Z notifier: connecting\n'),
		frame(2, '2026-11-22T10:42:07.200000000Z Traceback (most recent call last):\n2026-11-22T10:42:07.2Z ModuleNotFoundError: No module named \'aiohttp\' — é\n'),
	]);
	// Every split point, including inside a header and inside the two-byte "é"; and a frame over three chunks.
	for (let cut = 1; cut < bytes.length; cut++) {
		for (const chunks of [[bytes.subarray(0, cut), bytes.subarray(cut)], [bytes.subarray(0, cut), bytes.subarray(cut, cut + 3), bytes.subarray(cut + 3)]]) {
			const lines = demux(false, chunks);
			assert.deepEqual(lines.map((line) => [line.stream, line.text]), [
				['stdout', 'notifier: connecting'],
				['stderr', 'Traceback (most recent call last):'],
				['stderr', "ModuleNotFoundError: No module named 'aiohttp' — é"],
			], `cut at ${cut} into ${chunks.length}`);
			assert.equal(lines[0]!.at, Date.parse('2026-11-22T10:42:07.123Z'));
		}
	}
	const e = Buffer.from('é');
	assert.equal(demux(false, [frame(2, Buffer.concat([Buffer.from('caf'), e.subarray(0, 1)])), frame(2, Buffer.concat([e.subarray(1), Buffer.from('\n')]))])[0]!.text, 'café', 'a character split across frames');
});

test('log frames: TTY streams are raw; control sequences and huge lines are defused', () => {
	const lines = demux(true, [Buffer.from('\u001B]0;pwned\u0007title\r\n\u001B]52;c;ZXZpbA==\u0007clip\u001B[2J\n'), Buffer.from('x'.repeat(maxLineLength * 5))]);
	assert.deepEqual(lines.slice(0, 2).map((line) => [line.stream, line.text]), [['stdout', 'title'], ['stdout', 'clip']]);
	for (const line of lines) assert.doesNotMatch(line.text, /[\u0000-\u001F\u007F-\u009F]/);
	assert.ok(lines.slice(2).every((line) => line.text.length <= maxLineLength + 1), 'a line without end is cut');
	assert.equal(demux(false, [frame(2, Buffer.from([0x66, 0xff, 0x6f, 0x0a]))])[0]!.text, 'f\uFFFDo', 'invalid UTF-8');
});

test('/proc/net tables: listeners only, IPv4 and IPv6 addresses, inodes', () => {
	const tcp = [
		'  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
		'   0: 0100007F:46AB 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 485652 1 0000000007369368 100 0 0 10 0',
		'   1: 00000000:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1620 1 00000000ebd91316 100 0 0 10 0',
		'   2: 0100007F:46AB 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000     0        0 99 1 0000000000000000 20 4 30 10 -1',
	].join('\n');
	assert.deepEqual(parseProcNet('tcp', tcp), [
		{protocol: 'tcp', address: '127.0.0.1', port: 18091, inode: 485652},
		{protocol: 'tcp', address: '0.0.0.0', port: 2024, inode: 1620},
	]);
	const tcp6 = [
		'  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
		'   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2001 1 0000000000000000 100 0 0 10 0',
		'   1: 00000000000000000000000001000000:0050 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2002 1 0000000000000000 100 0 0 10 0',
	].join('\n');
	assert.deepEqual(parseProcNet('tcp6', tcp6).map((entry) => `${entry.address} ${entry.port}`), [':: 8080', '::1 80']);
	assert.deepEqual(parseProcNet('udp', 'header\n   5: 00000000:0044 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 3001 2 0 0'), [{protocol: 'udp', address: '0.0.0.0', port: 68, inode: 3001}]);
});

test('/proc/<pid>/cgroup names the container; passwd names the user', () => {
	const id = 'b3ed6c33bd73130dfcf490976c12be15719c4ecf46d8b647742c84f0e7f5c3e7';
	const cases: Array<[string, string | null]> = [
		[`0::/system.slice/docker-${id}.scope`, id],
		[`12:memory:/docker/${id}\n11:cpu,cpuacct:/docker/${id}`, id],
		[`0::/machine.slice/libpod-${id}.scope/container`, id],
		['0::/user.slice/user-0.slice/session-3.scope', null],
	];
	for (const [cgroup, expected] of cases) assert.equal(containerIdFromCgroup(cgroup), expected, cgroup);
	assert.deepEqual([...parsePasswd('root:x:0:0:root:/root:/bin/bash\n# comment\nnobody:x:65534:65534::/:/bin/false\n')], [[0, 'root'], [65534, 'nobody']]);
});

test('compose files: hostile names are sanitized, a missing file is one line', async () => {
	const services = await servicesFromYaml('services:\n  "evil\\u001b]0;x\\u0007":\n    depends_on: ["db\\u001b[2J"]\n');
	const [name] = Object.keys(services);
	assert.doesNotMatch(name!, /\u001B/);
	assert.doesNotMatch(services[name!]!.dependsOn[0]!.service, /\u001B/);
	const missing = await readComposeProject('shop', ['/nonexistent/compose.yml']);
	assert.equal(missing.error, 'compose file /nonexistent/compose.yml: not found');
	assert.deepEqual(missing.services, {});
});
