import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {programFromInfo} from '../../source/domain/supervisor.js';
import {supervisordsInContainers} from '../../source/domain/supervisor-discovery.js';
import {decodeResponse, encodeCall, XmlRpcFault} from '../../source/sources/supervisor/xmlrpc.js';

// XML-RPC requests as supervisord expects them, and answers recorded from a real supervisord
// (Debian's) by test/support/record-supervisor.ts.

const recorded = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const response = (value: string) => `<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value>${value}</value>\n</param>\n</params>\n</methodResponse>\n`;

test('calls: method, typed parameters, text escaped', () => {
	assert.equal(
		encodeCall('supervisor.startProcess', ['jobs:<a&b>', true, 3, 1.5, null, [1], {offset: 0}]),
		'<?xml version="1.0"?>\n<methodCall><methodName>supervisor.startProcess</methodName><params>'
		+ '<param><value><string>jobs:&lt;a&amp;b&gt;</string></value></param>'
		+ '<param><value><boolean>1</boolean></value></param>'
		+ '<param><value><int>3</int></value></param>'
		+ '<param><value><double>1.5</double></value></param>'
		+ '<param><value><nil/></value></param>'
		+ '<param><value><array><data><value><int>1</int></value></data></array></value></param>'
		+ '<param><value><struct><member><name>offset</name><value><int>0</int></value></member></struct></value></param>'
		+ '</params></methodCall>\n',
	);
});

test('answers: every type, whitespace in strings kept, untyped values are strings', () => {
	const cases: Array<[string, unknown]> = [
		['<int>42</int>', 42],
		['<i4>-1</i4>', -1],
		['<double>0.25</double>', 0.25],
		['<boolean>1</boolean>', true],
		['<boolean>0</boolean>', false],
		['<string>  two  spaces &amp; more\n</string>', '  two  spaces & more\n'],
		['<string></string>', ''],
		['plain text', 'plain text'],
		['<nil/>', null],
		['<array><data>\n</data></array>', []],
		['<array><data>\n<value><int>1</int></value>\n<value><string>x</string></value>\n</data></array>', [1, 'x']],
		['<struct>\n<member>\n<name>a</name>\n<value><struct><member><name>b</name><value><int>2</int></value></member></struct></value>\n</member>\n</struct>', {a: {b: 2}}],
	];
	for (const [xml, expected] of cases) assert.deepEqual(decodeResponse(response(xml)), expected, xml);
});

test('a fault is a fault; an HTML page or garbage is not an answer', () => {
	assert.throws(() => decodeResponse(recorded('supervisor-fault-bad-name.xml')), (error: unknown) => error instanceof XmlRpcFault && error.code === 10 && error.faultString === 'BAD_NAME: vanished');
	assert.throws(() => decodeResponse('<html><head><title>401 Unauthorized</title></head></html>'), /not an XML-RPC answer/);
	assert.throws(() => decodeResponse(''), /not an XML-RPC answer/);
});

test('getAllProcessInfo recorded: programs with state, pid, times, group and exit status', () => {
	const programs = (decodeResponse(recorded('supervisor-all-process-info.xml')) as Array<Record<string, unknown>>).map(programFromInfo);
	const byName = Object.fromEntries(programs.map((program) => [program.fullName, program]));
	assert.deepEqual(Object.keys(byName).sort(), ['broken:broken', 'idle:idle', 'jobs:worker-a', 'web:web']);
	assert.equal(byName['broken:broken']!.state, 'FATAL');
	assert.equal(byName['broken:broken']!.exitStatus, 0);
	assert.equal(byName['broken:broken']!.pid, null);
	assert.equal(byName['web:web']!.state, 'RUNNING');
	assert.ok(byName['web:web']!.pid! > 1);
	assert.equal(byName['web:web']!.exitStatus, null, 'a running program has no exit status yet');
	assert.ok(byName['web:web']!.startedAt! > Date.UTC(2026, 0, 1));
	assert.equal(byName['idle:idle']!.state, 'STOPPED');
	assert.equal(byName['idle:idle']!.startedAt, null, 'never started');
	assert.equal(byName['jobs:worker-a']!.group, 'jobs');
});

test('program states: every name supervisord uses; an unknown one is UNKNOWN; spawn errors kept', () => {
	for (const state of ['STOPPED', 'STARTING', 'RUNNING', 'BACKOFF', 'STOPPING', 'EXITED', 'FATAL', 'UNKNOWN']) {
		assert.equal(programFromInfo({name: 'a', group: 'a', statename: state}).state, state);
	}
	assert.equal(programFromInfo({name: 'a', group: 'a', statename: 'WEIRD'}).state, 'UNKNOWN');
	const backoff = programFromInfo({name: 'a', group: 'g', statename: 'BACKOFF', spawnerr: 'can\'t find command \'x\'', exitstatus: 127, pid: 0});
	assert.deepEqual([backoff.fullName, backoff.spawnError, backoff.exitStatus, backoff.pid], ['g:a', 'can\'t find command \'x\'', null, null]);
});

test('supervisord in containers, from the process table: the main process, with its config', () => {
	const process = (pid: number, ppid: number, command: string, containerId: string | null, state = 'S') => ({pid, ppid, command, containerId, state});
	const found = supervisordsInContainers([
		process(10, 1, '/usr/bin/python3 /usr/bin/supervisord -c /etc/supervisord.conf', 'a'.repeat(64)),
		process(11, 10, '/usr/bin/python3 /usr/bin/supervisord -c /etc/supervisord.conf', 'a'.repeat(64)),
		process(20, 1, 'supervisord --configuration=/app/sv.conf -n', 'b'.repeat(64)),
		process(30, 1, 'python3 /usr/local/bin/supervisord', 'c'.repeat(64)),
		process(40, 1, '/usr/bin/python3 /usr/bin/supervisord -n -c /etc/supervisor/supervisord.conf', null),
		process(50, 1, 'supervisorctl status', 'd'.repeat(64)),
		process(60, 1, 'tail -f supervisord.log', 'e'.repeat(64)),
		process(70, 1, 'supervisord', 'f'.repeat(64), 'Z'),
	]);
	assert.deepEqual(found.map((entry) => [entry.pid, entry.config]), [[10, '/etc/supervisord.conf'], [20, '/app/sv.conf'], [30, null]]);
});
