import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {BufferedLogEntry, LogEntry} from '../../source/domain/log-entry.js';
import {logFileName, logFileText} from '../../source/domain/log-file-text.js';
import {entryRows, findMatch, fitCells, layoutLog, scrollTarget, shownEntries, sourceColor, type LogDisplay} from '../../source/domain/log-layout.js';
import {compilePattern, isErrorLine, matchRanges} from '../../source/domain/log-pattern.js';
import {groupSubject, subjectId, troubleSubject} from '../../source/domain/log-subject.js';
import {appendLog, queueLogBatch} from '../../source/store/log-buffer.js';
import {labStore} from '../support/fixtures.js';

const line = (seq: number, text: string, extra: Partial<LogEntry> = {}): BufferedLogEntry => ({kind: 'line', stream: 'stdout', text, at: null, seq, ...extra}) as BufferedLogEntry;
const separator = (seq: number, text: string): BufferedLogEntry => ({kind: 'separator', text, at: null, seq});
const display: LogDisplay = {width: 20, wrap: false, timestamps: false, names: false, search: null, currentSeq: null};
const texts = (rows: Array<{segments: Array<{text: string}>}>) => rows.map((row) => row.segments.map((segment) => segment.text).join(''));

test('patterns: plain text is literal and ignores case, /…/ is a regex, a broken one says why', () => {
	const cases: Array<[string, string, boolean]> = [
		['error', 'ERROR: disk full', true],
		['a.b', 'axb', false],
		['a.b', 'a.b', true],
		['/a.b/', 'axb', true],
		['/^db:/', 'db: ready', true],
		['/^db:/', 'api: db: ready', false],
		['(x', 'f(x)', true],
	];
	for (const [pattern, text, expected] of cases) assert.equal(compilePattern(pattern).regex!.test(text), expected, `${pattern} on ${text}`);
	assert.deepEqual(compilePattern(''), {regex: null, error: null});
	const broken = compilePattern('/(x/');
	assert.equal(broken.regex, null);
	assert.match(broken.error!, /^not a regular expression: .*Unterminated group/);
	assert.deepEqual(matchRanges(compilePattern('o').regex!, 'foo bar'), [[1, 2], [2, 3]]);
	assert.deepEqual(matchRanges(compilePattern('/x*/').regex!, 'axxb'), [[1, 3]], 'empty matches are skipped');
});

test('error lines: the words operators look for', () => {
	const cases: Array<[string, boolean]> = [
		['ModuleNotFoundError: No module named \'aiohttp\'', true],
		['Traceback (most recent call last):', true],
		['sh: pip: not found', true],
		['sh: can\'t create /data/.write-test: Permission denied', true],
		['panic: runtime error', true],
		['FATAL: could not open', true],
		['connection refused', true],
		['Killed', true],
		['listening on 127.0.0.1:8080', false],
		['GET /health 200', false],
	];
	for (const [text, expected] of cases) assert.equal(isErrorLine(text), expected, text);
});

test('filter and stderr switch keep the restart marks', () => {
	const entries = [line(0, 'starting'), line(1, 'boom', {stream: 'stderr'}), separator(2, '— exited 1 —'), line(3, 'starting again')];
	assert.deepEqual(shownEntries(entries, compilePattern('start').regex, false).map((entry) => entry.seq), [0, 2, 3]);
	assert.deepEqual(shownEntries(entries, null, true).map((entry) => entry.seq), [1, 2]);
	assert.equal(shownEntries(entries, null, false), entries);
});

test('cells: cut with … or wrapped by display width; wide characters and emoji never split', () => {
	const plain = [{text: 'x'.repeat(12), tone: 'text' as const}];
	assert.deepEqual(texts(fitCells(plain, 12, false).map((segments) => ({segments}))), ['x'.repeat(12)]);
	assert.deepEqual(texts(fitCells(plain, 10, false).map((segments) => ({segments}))), ['xxxxxxxxx…']);
	assert.deepEqual(texts(fitCells(plain, 5, true).map((segments) => ({segments}))), ['xxxxx', 'xxxxx', 'xx']);
	const wide = [{text: '日本語のログ', tone: 'text' as const}];
	assert.deepEqual(texts(fitCells(wide, 5, true).map((segments) => ({segments}))), ['日本', '語の', 'ログ']);
	const emoji = [{text: 'ok 👩‍👩‍👧 done', tone: 'text' as const}];
	assert.deepEqual(texts(fitCells(emoji, 5, true).map((segments) => ({segments}))), ['ok 👩‍👩‍👧', ' done']);
	// Segments keep their tone across a cut.
	const rows = fitCells([{text: 'abc', tone: 'time'}, {text: 'defgh', tone: 'match'}], 4, true);
	assert.deepEqual(rows, [[{text: 'abc', tone: 'time'}, {text: 'd', tone: 'match'}], [{text: 'efgh', tone: 'match'}]]);
});

test('a row: timestamps, names in a stable colour, matches and the current one apart', () => {
	const entry = line(7, 'db: error, then error again', {at: Date.UTC(2026, 10, 22, 10, 42, 7), source: 'lab-db'} as Partial<LogEntry>);
	const [row] = entryRows(entry, {...display, width: 80, timestamps: true, names: true, search: compilePattern('error').regex, currentSeq: 7}, 8);
	assert.equal(row!.error, true);
	assert.deepEqual(row!.segments.map((segment) => [segment.tone, segment.text.trim()]), [
		['name', 'lab-db'], ['time', new Date(entry.at!).toTimeString().slice(0, 8)], ['text', 'db:'], ['current', 'error'], ['text', ', then'], ['current', 'error'], ['text', 'again'],
	]);
	assert.equal(row!.segments[0]!.color, sourceColor('lab-db'));
	assert.equal(sourceColor('lab-db'), sourceColor('lab-db'));
	assert.notEqual(sourceColor('lab-db'), 'red', 'red is stderr\'s');
});

test('layout: follows the end; paused at an entry, also when the ring dropped it or the filter hides it', () => {
	const entries = Array.from({length: 10}, (_, index) => line(index + 100, `line ${index}`));
	const following = layoutLog(entries, entries, null, 3, display);
	assert.deepEqual(texts(following.rows), ['line 7', 'line 8', 'line 9']);
	assert.equal(following.topSeq, 107);
	assert.equal(following.followTopSeq, 107);
	const paused = layoutLog(entries, entries, 102, 3, display);
	assert.deepEqual(texts(paused.rows), ['line 2', 'line 3', 'line 4']);
	assert.deepEqual(texts(layoutLog(entries, entries, 50, 3, display).rows), ['line 0', 'line 1', 'line 2'], 'dropped by the ring: the oldest kept');
	const odd = entries.filter((entry) => entry.seq % 2 === 1);
	assert.deepEqual(texts(layoutLog(entries, odd, 102, 2, display).rows), ['line 3', 'line 5'], 'hidden: the next one shown');
	assert.deepEqual(texts(layoutLog(entries, entries, 108, 3, display).rows), ['line 7', 'line 8', 'line 9'], 'on the last page: following');
	const wrapped = layoutLog([line(1, 'a'.repeat(50))], [line(1, 'a'.repeat(50))], null, 2, {...display, wrap: true});
	assert.deepEqual(texts(wrapped.rows), ['a'.repeat(20), 'a'.repeat(10)], 'the tail of a wrapped line');
});

test('scrolling: by entries, stopping at the oldest; reaching the last page follows again', () => {
	const entries = Array.from({length: 10}, (_, index) => line(index, `line ${index}`));
	const following = layoutLog(entries, entries, null, 3, display);
	assert.equal(scrollTarget(following, -1), 6);
	assert.equal(scrollTarget(following, -20), 0);
	assert.equal(scrollTarget(following, 1), null);
	assert.equal(scrollTarget(following, 'first'), 0);
	const paused = layoutLog(entries, entries, 5, 3, display);
	assert.equal(scrollTarget(paused, 1), 6);
	assert.equal(scrollTarget(paused, 2), null);
	assert.equal(scrollTarget(layoutLog([], [], null, 3, display), -1), null);
});

test('n and N: older and newer matches, wrapping round', () => {
	const cases: Array<[number[], number | null, 1 | -1, {seq: number; wrapped: boolean} | null]> = [
		[[], null, -1, null],
		[[3, 8, 12], null, -1, {seq: 12, wrapped: false}],
		[[3, 8, 12], 12, -1, {seq: 8, wrapped: false}],
		[[3, 8, 12], 3, -1, {seq: 12, wrapped: true}],
		[[3, 8, 12], 8, 1, {seq: 12, wrapped: false}],
		[[3, 8, 12], 12, 1, {seq: 3, wrapped: true}],
		[[3, 8, 12], 5, 1, {seq: 12, wrapped: false}],
	];
	for (const [matches, current, direction, expected] of cases) assert.deepEqual(findMatch(matches, current, direction), expected, `${current} ${direction}`);
	const entries = [line(0, 'ok'), line(1, 'error one'), separator(2, 'error in a mark'), line(3, 'error two')];
	assert.deepEqual(layoutLog(entries, entries, null, 5, {...display, search: compilePattern('error').regex}).matches, [1, 3], 'marks are not matches');
});

test('buffer: a ring with stable seqs; interleaved history put in time order', () => {
	const add = (texts: string[], at: number[] = []) => texts.map((text, index) => ({kind: 'line' as const, stream: 'stdout' as const, text, at: at[index] ?? null}));
	let log = appendLog(null, {subject: 'a', entries: add(['one', 'two'])}, 3);
	log = appendLog(log, {subject: 'a', entries: add(['three', 'four'])}, 3);
	assert.deepEqual(log.entries.map((entry) => [entry.seq, entry.kind === 'line' && entry.text]), [[1, 'two'], [2, 'three'], [3, 'four']]);
	assert.equal(appendLog(log, {subject: 'b', entries: add(['other'])}, 3).entries.length, 1, 'another subject starts over');
	assert.equal(appendLog(log, {subject: 'a', entries: [], reset: true}, 3).entries.length, 0);
	let merged = appendLog(null, {subject: 'g', entries: add(['api 1', 'api 3'], [1, 3]), interleave: true});
	merged = appendLog(merged, {subject: 'g', entries: add(['db 2', 'db 4'], [2, 4]), interleave: true});
	assert.deepEqual(merged.entries.map((entry) => entry.kind === 'line' && entry.text), ['api 1', 'db 2', 'api 3', 'db 4']);
	const error = appendLog(log, {subject: 'a', entries: [], error: 'the container is gone'});
	assert.equal(error.error, 'the container is gone');
	const waiting = queueLogBatch(undefined, 'a', add(['x']));
	assert.equal(queueLogBatch(waiting, 'a', add(['y'])), waiting, 'added in place');
	assert.equal(waiting.entries.length, 2);
	assert.equal(queueLogBatch(waiting, 'b', add(['z'])).entries.length, 1);
	const flood = queueLogBatch(undefined, 'a', []);
	for (let index = 0; index < 100; index++) queueLogBatch(flood, 'a', add(Array.from({length: 100}, () => 'f')));
	assert.ok(flood.entries.length <= 4000, 'what waits for a publish is bounded too');
});

test('saved text: the whole buffer, full times, names and streams, control characters neutralized', () => {
	const at = Date.UTC(2026, 10, 22, 10, 42, 7, 5);
	const text = logFileText([
		{kind: 'line', stream: 'stdout', text: 'ready', at, source: 'lab-db'},
		{kind: 'line', stream: 'stderr', text: 'bad \u001B]52;c;ZXZpbA==\u0007 clip', at: null},
		{kind: 'separator', text: '— exited 1 at 10:42:07 —', at},
	], 'log of lab-db', at);
	assert.equal(text, [
		'# fleettop: log of lab-db, saved 2026-11-22T10:42:07.005Z, 3 entries',
		'2026-11-22T10:42:07.005Z lab-db stdout ready',
		'- stderr bad  clip',
		'2026-11-22T10:42:07.005Z — exited 1 at 10:42:07 —',
		'',
	].join('\n'));
	assert.equal(logFileName('trouble: error lines of 3 failing containers', at), 'trouble-error-lines-of-3-failing-containers-2026-11-22T10-42-07-005Z.log');
	assert.equal(logFileName('../../etc/passwd', at), 'etc-passwd-2026-11-22T10-42-07-005Z.log');
});

test('subjects: marked containers, else the compose project; trouble is every failing container, worst first', () => {
	const state = labStore().getState();
	const keyOf = (name: string) => Object.values(state.containers).find((record) => record.name === name)!.key;
	const nameOf = (key: string) => state.containers[key]!.name;
	const marked = groupSubject(state.containers, [keyOf('lab-oom'), keyOf('lab-gateway')], null)!;
	assert.deepEqual(marked.kind === 'group' && [marked.title, marked.keys.map(nameOf)], ['2 marked', ['lab-gateway', 'lab-oom']]);
	const project = groupSubject(state.containers, [], keyOf('lab-shop_db_1'))!;
	assert.equal(project.kind === 'group' && project.title, 'project lab-shop');
	assert.ok(project.kind === 'group' && project.keys.length >= 3 && project.keys.every((key) => state.containers[key]!.project === 'lab-shop'));
	assert.equal(groupSubject(state.containers, [], keyOf('lab-oom')), null, 'not in a project, nothing marked');
	const trouble = troubleSubject(state.containers, state.diagnoses)!;
	const names = trouble.kind === 'trouble' ? trouble.keys.map(nameOf) : [];
	assert.ok(names.includes('lab-notifier') && names.includes('lab-oom') && names.includes('lab-uploads'), names.join(' '));
	assert.ok(!names.includes('lab-web'), 'a healthy container is not trouble');
	assert.notEqual(subjectId(marked), subjectId(project));
});
