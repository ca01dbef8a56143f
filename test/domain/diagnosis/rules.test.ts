import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {ContainerRecord} from '../../../source/domain/container.js';
import type {Listener} from '../../../source/domain/evidence.js';
import type {Rule, RuleContext} from '../../../source/domain/diagnosis/finding.js';
import {buildFailure} from '../../../source/domain/diagnosis/rules/build-failure.js';
import {cannotFail, failingHealthcheck, healthcheckCannotFail} from '../../../source/domain/diagnosis/rules/health.js';
import {missingModule} from '../../../source/domain/diagnosis/rules/missing-module.js';
import {notFound} from '../../../source/domain/diagnosis/rules/not-found.js';
import {outOfMemory} from '../../../source/domain/diagnosis/rules/out-of-memory.js';
import {crashMessage} from '../../../source/domain/diagnosis/rules/panic.js';
import {permissionDenied} from '../../../source/domain/diagnosis/rules/permission-denied.js';
import {portInUse} from '../../../source/domain/diagnosis/rules/port-in-use.js';
import {aRecord, logLines, tableNow} from '../../support/records.js';

// Every rule against log excerpts as real programs print them (most from the lab, the rest from
// the programs named), including lines that must not match.

interface Case {
	name: string;
	lines?: string[];
	record?: ContainerRecord;
	listeners?: Listener[];
	/** Expected cause, or null when the rule must not fire. */
	cause: RegExp | null;
	evidence?: RegExp;
}

function check(rule: Rule, cases: Case[]) {
	for (const entry of cases) {
		const context: RuleContext = {
			record: entry.record ?? aRecord(),
			lines: logLines(...(entry.lines ?? [])),
			listeners: entry.listeners ?? null,
			containerName: (id) => (id === 'f00d' ? 'gateway-old' : null),
		};
		const finding = rule(context);
		if (entry.cause === null) {
			assert.equal(finding, null, `${entry.name}: expected no finding, got ${finding?.cause}`);
			continue;
		}
		assert.ok(finding, `${entry.name}: expected a finding`);
		assert.match(finding.cause, entry.cause, entry.name);
		if (entry.evidence) assert.match(finding.evidence ?? '', entry.evidence, `${entry.name} evidence`);
		assert.ok(finding.hint.length > 10, `${entry.name} says what to do`);
	}
}

const hostHolder: Listener = {protocol: 'tcp', address: '127.0.0.1', port: 18091, holder: {pid: 4912, command: '/usr/bin/python3 -m http.server 18091', user: 'root', containerId: null}};
const containerHolder: Listener = {protocol: 'tcp', address: '127.0.0.1', port: 18092, holder: {pid: 14882, command: 'httpd -f -p 127.0.0.1:18092', user: 'root', containerId: 'f00d'}};
const hidden: Listener = {protocol: 'tcp6', address: '::', port: 8080, holder: null};

test('address already in use: the port and who holds it', () => {
	check(portInUse, [
		{name: 'python errno 98, port from the command line', record: aRecord({}, {command: 'python3 -m http.server 18091 --bind 127.0.0.1'}), listeners: [hostHolder], lines: ['Traceback (most recent call last):', 'err: OSError: [Errno 98] Address already in use'], cause: /^port 18091 held by host pid 4912 python3 \(user root\)$/, evidence: /Errno 98/},
		{name: 'node EADDRINUSE, then its error fields', listeners: [containerHolder], lines: ['err: Error: listen EADDRINUSE: address already in use 127.0.0.1:18092', "err:   code: 'EADDRINUSE',", 'err:   port: 18092', 'err: }'], cause: /^port 18092 held by container gateway-old \(pid 14882 httpd\)$/, evidence: /listen EADDRINUSE/},
		{name: 'go', listeners: [hidden], lines: ['err: 2026/11/22 10:00:00 listen tcp :8080: bind: address already in use'], cause: /^port 8080 held by a process fleettop cannot see/},
		{name: 'nginx', lines: ['err: nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)'], cause: /^port 80 already in use$/},
		{name: 'busybox httpd names no port: the command line does', record: aRecord({}, {command: 'httpd -f -p 127.0.0.1:18092'}), listeners: [containerHolder], lines: ['err: httpd: bind: Address in use'], cause: /^port 18092 held by container gateway-old/},
		{name: 'redis', lines: ['err: Warning: Could not create server TCP listening socket *:6379: bind: Address already in use'], cause: /^port 6379 already in use$/},
		{name: 'docker publish', lines: ['err: driver failed programming external connectivity on endpoint web: Bind for 0.0.0.0:8080 failed: port is already allocated'], cause: /^port 8080 already in use$/},
		{name: 'no port anywhere', lines: ['err: OSError: [Errno 98] Address already in use'], cause: /port not named/},
		{name: 'a container holding its own port is not the culprit', record: aRecord({id: 'f00d'}), listeners: [containerHolder], lines: ['err: Error: listen EADDRINUSE: address already in use 127.0.0.1:18092'], cause: /^port 18092 already in use$/},
		{name: 'unrelated', lines: ['listening on 0.0.0.0:8080'], cause: null},
	]);
});

test('command or file not found', () => {
	check(notFound, [
		{name: 'busybox sh', record: aRecord({exitCode: 127}), lines: ["agent 1: starting", 'err: sh: python: not found'], cause: /^command not found: python$/},
		{name: 'dash', record: aRecord({exitCode: 127}), lines: ['err: /bin/sh: 1: python: not found'], cause: /^command not found: python$/},
		{name: 'bash', record: aRecord({exitCode: 127}), lines: ['err: bash: line 1: gunicorn: command not found'], cause: /^command not found: gunicorn$/},
		{name: 'engine exec error (State.Error)', record: aRecord({exitCode: 127}), lines: ['err: OCI runtime create failed: container_linux.go:380: starting container process caused: exec: "python": executable file not found in $PATH: unknown'], cause: /^command not found: python$/},
		{name: 'python script path', record: aRecord({exitCode: 2}), lines: ["err: python3: can't open file '/app/main.py': [Errno 2] No such file or directory"], cause: /^file not found: \/app\/main\.py$/},
		{name: 'node script path', lines: ["err: Error: Cannot find module '/app/server.js'"], cause: /^file not found: \/app\/server\.js$/},
		{name: 'exit 127 and no log', record: aRecord({exitCode: 127}), cause: /command not found \(exit 127\)/},
		{name: 'a log line merely mentioning "not found"', lines: ['GET /favicon.ico 404 not found'], cause: null},
	]);
});

test('missing module', () => {
	check(missingModule, [
		{name: 'python 3 (lab-notifier)', lines: ['notifier: connecting to the queue', 'err: Traceback (most recent call last):', 'err:   File "/lab/notifier.py", line 3, in <module>', "err: ModuleNotFoundError: No module named 'aiohttp'"], cause: /^missing module: aiohttp$/},
		{name: 'python 2', lines: ['err: ImportError: No module named yaml'], cause: /^missing module: yaml$/},
		{name: 'node package', lines: ["err: Error: Cannot find module 'express'", 'err: Require stack:'], cause: /^missing module: express$/},
		{name: 'a node path is a missing file, not a module', lines: ["err: Error: Cannot find module '/app/server.js'"], cause: null},
	]);
});

test('dependency build failure at start', () => {
	const pip = [
		'Collecting psutil==5.9.8',
		'  Building wheel for psutil (pyproject.toml): started',
		'err:   error: subprocess-exited-with-error',
		"      gcc -Wsign-compare -DNDEBUG -g -fwrapv -O3 -Wall -fPIC -c psutil/_psutil_common.c",
		"err:       error: command 'gcc' failed: No such file or directory",
		'err:       psutil/_psutil_common.c:9:10: fatal error: Python.h: No such file or directory',
		'err:   ERROR: Failed building wheel for psutil',
		'err: ERROR: Could not build wheels for psutil, which is required to install pyproject.toml-based projects',
	];
	check(buildFailure, [
		{name: 'lab pip worker: no gcc, no headers', lines: pip, cause: /^pip cannot build psutil: no C compiler \(gcc\), no Python headers \(Python\.h\)$/, evidence: /command 'gcc' failed/},
		{name: 'musl', lines: ['err: /usr/include/linux/limits.h: No such file', 'err:   ERROR: Failed building wheel for uvloop'], cause: /^pip cannot build uvloop: musl libc headers missing$/},
		{name: 'only the failure', lines: ['err: ERROR: Could not build wheels for numpy, which is required'], cause: /^pip cannot build numpy$/},
		{name: 'a successful build', lines: ['Successfully built psutil', 'Successfully installed psutil-5.9.8'], cause: null},
	]);
});

test('permission denied on a path, with the volume it is on', () => {
	const uploads = aRecord({}, {user: '1000:1000', mounts: [{source: '/var/lib/fleettop-lab/uploads', destination: '/data', readOnly: false}]});
	const readOnly = aRecord({}, {mounts: [{source: '/srv/config', destination: '/etc/app', readOnly: true}]});
	check(permissionDenied, [
		{name: 'lab-uploads (busybox sh)', record: uploads, lines: ['uploads: storing files in /data', "err: sh: can't create /data/.write-test: Permission denied"], cause: /^permission denied: \/data\/\.write-test on volume \/var\/lib\/fleettop-lab\/uploads$/},
		{name: 'python', lines: ["err: PermissionError: [Errno 13] Permission denied: '/var/lib/app/state.db'"], cause: /^permission denied: \/var\/lib\/app\/state\.db$/},
		{name: 'node', lines: ["err: Error: EACCES: permission denied, open '/app/logs/app.log'"], cause: /^permission denied: \/app\/logs\/app\.log$/},
		{name: 'read-only mount', record: readOnly, lines: ["err: mkdir: can't create directory '/etc/app/cache': Permission denied"], cause: /on volume \/srv\/config \(read-only\)$/},
		{name: 'no path: left to the crash message', lines: ["err: thread 'main' panicked at 'Failed to open storage: Permission denied (os error 13)'"], cause: null},
	]);
});

test('out of memory', () => {
	check(outOfMemory, [
		{name: 'kernel OOM kill at the limit (lab-oom)', record: aRecord({exitCode: 137, oomKilled: true, memoryLimit: 16 * 1024 * 1024}), cause: /^out of memory at limit 16M$/, evidence: /OOMKilled=true/},
		{name: 'no limit', record: aRecord({exitCode: 137, oomKilled: true}), cause: /the host ran out/},
		{name: 'node heap', lines: ['err: FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory'], cause: /^ran out of memory$/},
		{name: 'python MemoryError', lines: ['err: MemoryError'], cause: /^ran out of memory$/},
		{name: 'exit 0 with the word in the log', record: aRecord({exitCode: 0}), lines: ['retrying after out of memory earlier'], cause: null},
		{name: 'plain SIGKILL', record: aRecord({exitCode: 137}), cause: null},
	]);
});

test('crash messages: panics and uncaught exceptions', () => {
	check(crashMessage, [
		{name: 'rust panic (lab-qdrant)', record: aRecord({exitCode: 101}), lines: ['qdrant: loading collections', "err: thread 'main' panicked at 'Failed to open storage: Permission denied (os error 13)'"], cause: /^panic: Failed to open storage: Permission denied \(os error 13\)$/},
		{name: 'rust 1.73+ panic format', record: aRecord({exitCode: 101}), lines: ["err: thread 'main' panicked at src/main.rs:4:5:", 'err: boom'], cause: /^panic: boom \(src\/main\.rs:4:5\)$/},
		{name: 'go panic', record: aRecord({exitCode: 2}), lines: ['err: panic: runtime error: invalid memory address or nil pointer dereference', 'err: [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a1b2c]'], cause: /^panic: runtime error: invalid memory address/},
		{name: 'python exception', lines: ['err: Traceback (most recent call last):', 'err: ValueError: invalid literal for int() with base 10: \'x\''], cause: /^exception: ValueError: invalid literal/},
		{name: 'a clean exit', record: aRecord({exitCode: 0}), lines: ['err: ValueError: handled and logged'], cause: null},
	]);
});

test('health checks: failing probes and checks that cannot fail', () => {
	const cases: Array<[string[] | null, boolean]> = [
		[['CMD', 'true'], true],
		[['CMD', '/bin/true'], true],
		[['CMD-SHELL', 'true'], true],
		[['CMD-SHELL', 'exit 0'], true],
		[['CMD-SHELL', 'curl -f http://localhost/ || true'], true],
		[['CMD-SHELL', 'curl -f http://localhost/ || exit 0'], true],
		[['CMD-SHELL', 'curl -f http://localhost/'], false],
		[['CMD-SHELL', 'test -w /data/pg'], false],
		[['CMD', 'true-ish-check'], false],
		[['NONE'], false],
		[null, false],
	];
	for (const [test, expected] of cases) assert.equal(cannotFail(test), expected, JSON.stringify(test));

	const qdrant = aRecord({state: 'running', health: 'healthy', exitCode: 101, restartPolicy: 'always'}, {healthcheck: ['CMD-SHELL', 'true']});
	check(healthcheckCannotFail, [
		{name: 'healthy while it crashes', record: qdrant, cause: /^health check cannot fail: true$/},
		{name: 'a real check', record: aRecord({}, {healthcheck: ['CMD-SHELL', 'wget -q -O /dev/null http://127.0.0.1:8080/']}), cause: null},
	]);
	assert.equal(healthcheckCannotFail({record: qdrant, lines: [], listeners: null, containerName: () => null})?.severity, 'warning', 'on a crashing container it is a warning');
	assert.equal(healthcheckCannotFail({record: {...qdrant, exitCode: null}, lines: [], listeners: null, containerName: () => null})?.severity, 'info', 'on a healthy one, a note');

	const db = aRecord({state: 'running', health: 'unhealthy', exitCode: null}, {healthcheck: ['CMD-SHELL', 'test -w /data/pg'], healthLog: [{at: tableNow - 2000, exitCode: 1, output: ''}, {at: tableNow, exitCode: 1, output: 'pg: not writable'}]});
	check(failingHealthcheck, [
		{name: 'lab db', record: db, cause: /^health check failing: test -w \/data\/pg$/, evidence: /^probe exit 1: pg: not writable$/},
		{name: 'healthy', record: {...db, health: 'healthy'}, cause: null},
	]);
});
