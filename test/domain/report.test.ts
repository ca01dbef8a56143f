import assert from 'node:assert/strict';
import {test} from 'node:test';
import {detailLines} from '../../source/domain/detail-lines.js';
import {buildReport, cell, code} from '../../source/domain/report.js';
import {fixtureNow, labStore} from '../support/fixtures.js';

const byName = (name: string) => {
	const state = labStore().getState();
	const record = Object.values(state.containers).find((candidate) => candidate.name === name)!;
	return {record, diagnosis: state.diagnoses[record.key]};
};

test('markdown escaping: code spans survive backticks, cells survive pipes', () => {
	const cases: Array<[string, string]> = [
		['sh: python: not found', '`sh: python: not found`'],
		['run `make`', '`` run `make` ``'],
		['`x`', '`` `x` ``'],
	];
	for (const [text, expected] of cases) assert.equal(code(text), expected, text);
	assert.equal(cell('a | b\nc \\ d'), 'a \\| b c \\\\ d');
});

test('the report from the recorded lab: summary, findings grouped by cause, containers, what to do', () => {
	const report = buildReport(labStore().getState());
	assert.match(report, /^# Incident report: /);
	assert.match(report, /22 containers · \d+\/22 available/);
	assert.match(report, /\| 3 \| exit 127 command not found \| critical \|/);
	assert.match(report, /- \*\*command not found: python\*\* \(3 containers\): lab-agent-1, lab-agent-2, lab-agent-3\n  - evidence: `sh: python: not found`\n  - what to do: /);
	assert.match(report, /- \*\*port 18091 held by host pid \d+ python3 \(user root\)\*\*: lab-api-port\n.*\n  - what to do: Stop the old process \(x in fleettop, or kill \d+: \/usr\/bin\/python3 -m http\.server 18091/);
	assert.match(report, /\| lab-oom \|  \| oom-killed, exit 137 \| out of memory at limit 16M \|/);
	assert.match(report, /- lab-shop \/ migrate \(profiles: manual/);
	const todo = report.slice(report.indexOf('## What to do'));
	assert.match(todo, /^## What to do\n\n1\. lab-agent-1, lab-agent-2, lab-agent-3 — command not found: python: /, 'the widest critical failure first');
	assert.doesNotMatch(report, /lab-web/, 'healthy containers are not findings');
});

test('detail lines: diagnosis with evidence, health log, restarts, configuration, dependencies', () => {
	const qdrant = byName('lab-qdrant');
	const text = detailLines(qdrant.record, qdrant.diagnosis, fixtureNow).map((line) => line.text).join('\n');
	assert.match(text, /^lab-qdrant — running, healthy, last exit 101, \d+ restarts/);
	assert.match(text, /● panic: Failed to open storage: Permission denied \(os error 13\)/);
	assert.match(text, /● health check cannot fail: true/);
	assert.match(text, /exit 101 — panic: Exit 101 is what a Rust program returns/);
	assert.match(text, /Last lines of the run that died \(exit 101 at \d\d:\d\d:\d\d\)\n.*out qdrant: loading collections\n.*err thread 'main' panicked[^\n]*\n\n/, 'only the run that died');
	assert.match(text, /check: true {3}\(cannot fail\)/);
	assert.match(text, /policy always, restart count \d+\n {2}\d\d:\d\d:\d\d \(\d+s ago\) exited 101/);
	assert.match(text, /command sh -c echo 'qdrant: loading collections'/);
	assert.match(text, /mount \/.*payload → \/lab \(read-only\)/);

	const worker = byName('lab-shop_worker_1');
	const lines = detailLines(worker.record, worker.diagnosis, fixtureNow);
	assert.ok(lines.some((line) => line.text === '  depends on api (service_started): created' && line.style === 'bad'));
	assert.ok(lines.some((line) => line.text === '  compose project lab-shop, service worker'));
	assert.equal(lines.filter((line) => line.style === 'heading').length, lines.filter((line, index) => line.style === 'heading' && lines[index - 1]?.text === '').length, 'a blank line before each section');

	const db = byName('lab-shop_db_1');
	const dbText = detailLines(db.record, db.diagnosis, fixtureNow).map((line) => line.text).join('\n');
	assert.match(dbText, /Last log lines\n.*db: could not open \/data\/pg: Permission denied {2}\(×\d+\)/, 'repeats collapse into one line');
});

test('detail lines of a stack trace start at the error, not at its last frames', () => {
	const gateway = byName('lab-gateway');
	const text = detailLines(gateway.record, gateway.diagnosis, fixtureNow).map((line) => line.text).join('\n');
	assert.match(text, /Last lines of the run that died[^\n]*\n(.*\n){0,2}.*err Error: listen EADDRINUSE: address already in use 127\.0\.0\.1:18092/);
	assert.match(text, /crash loop: \d+ restarts? in the window/);
});
