import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {App} from '../../source/app.js';
import type {LogEntry} from '../../source/domain/log-entry.js';
import {subjectId} from '../../source/domain/log-subject.js';
import {createActionRunner} from '../../source/store/action-runner.js';
import {applyBatch} from '../../source/store/actions.js';
import type {FleetStore} from '../../source/store/fleet-store.js';
import {createLogSaver} from '../../source/store/log-save.js';
import {logScreen} from '../../source/ui/log-screen.js';
import {labInputs, labStore} from '../support/fixtures.js';
import {settle, type} from '../support/ink-keys.js';

// The log pane on the recorded lab: lines as the lab's containers printed them.

const noEngine = async () => {
	throw new Error('no engine in this test');
};

function openApp(store: FleetStore, saveLog?: () => void) {
	const runner = createActionRunner(store, noEngine, noEngine);
	return render(<App store={store} actions={runner} saveLog={saveLog} />);
}

function select(store: FleetStore, name: string): string {
	const key = Object.values(store.getState().containers).find((record) => record.name === name)!.key;
	store.setState((state) => ({view: {...state.view, selectedKey: key}}));
	return key;
}

/** What the followers would have delivered for the open subject. */
function feed(store: FleetStore, entries: LogEntry[]): void {
	applyBatch(store, {logs: {subject: subjectId(store.getState().view.log!.subject), entries}});
}

/** The last run's lines as the lab printed them (lab-notifier: 6, a Python traceback). */
const recorded = (name: string): LogEntry[] => labInputs.evidence[name]!.lines.slice(-6).map((line) => ({kind: 'line', ...line}));
const exited: LogEntry = {kind: 'separator', text: '— exited 1 at 10:42:07 —', at: null};


test('t follows the selected container: stderr apart, restarts marked, k pauses, G follows, the buffer a ring', async () => {
	const store = labStore();
	select(store, 'lab-notifier');
	const {lastFrame, stdin} = openApp(store);
	await type(stdin, ['t']);
	assert.match(lastFrame()!, /log of lab-notifier · following/);
	assert.match(lastFrame()!, /\(nothing printed yet\)/);
	const earlier = Array.from({length: 30}, (_, index) => ({kind: 'line' as const, stream: 'stdout' as const, text: `notifier: waiting ${index}`, at: null}));
	feed(store, [...earlier, ...recorded('lab-notifier'), exited, ...recorded('lab-notifier')]);
	await settle();
	const frame = lastFrame()!;
	assert.match(frame, /— exited 1 at 10:42:07 —\n.*notifier: connecting to the queue/);
	assert.match(frame, /\d\d:\d\d:\d\d ModuleNotFoundError: No module named 'aiohttp'\n/);
	assert.match(frame, /43 lines/);
	await type(stdin, ['k']);
	assert.match(lastFrame()!, /log of lab-notifier · paused — G follows/);
	feed(store, [{kind: 'line', stream: 'stdout', text: 'a new line while paused', at: null}]);
	await settle();
	assert.doesNotMatch(lastFrame()!, /a new line while paused/, 'paused: the screen stays put');
	await type(stdin, ['G']);
	assert.match(lastFrame()!, /following[\s\S]*a new line while paused/);
	feed(store, Array.from({length: 2500}, (_, index) => ({kind: 'line' as const, stream: 'stdout' as const, text: `flood ${index}`, at: null})));
	assert.equal(store.getState().logs!.entries.length, 2000, 'the buffer is a ring: memory stays flat');
	await type(stdin, ['q']);
	assert.equal(store.getState().view.overlay, null);
});

test('scrolling back by line and page, g to the oldest, forward to the end follows again', async () => {
	const store = labStore();
	select(store, 'lab-web');
	const {lastFrame, stdin} = openApp(store);
	await type(stdin, ['t']);
	feed(store, Array.from({length: 200}, (_, index) => ({kind: 'line' as const, stream: 'stdout' as const, text: `GET /item/${index} 200`, at: null})));
	await settle();
	assert.match(lastFrame()!, /GET \/item\/199 200\n/);
	await type(stdin, ['g']);
	assert.match(lastFrame()!, /paused[\s\S]*\n\s*GET \/item\/0 200\n/);
	await type(stdin, ['j', 'j']);
	assert.match(lastFrame()!, /paused[^\n]*\n\s*GET \/item\/2 200\n/);
	await type(stdin, ['\u001B[6~']);
	assert.doesNotMatch(lastFrame()!, /GET \/item\/2 200\n/, 'a page forward');
	for (let index = 0; index < 20; index++) stdin.write('\u001B[6~');
	await settle();
	assert.match(lastFrame()!, /following[\s\S]*GET \/item\/199 200\n/, 'the last page follows again');
	await type(stdin, ['\u001B[5~']);
	assert.match(lastFrame()!, /paused/);
});

test('/ searches: the newest match first, n older, N newer, wrapping round with a notice', async () => {
	const store = labStore();
	select(store, 'lab-agent-1');
	const {lastFrame, stdin} = openApp(store);
	await type(stdin, ['t']);
	feed(store, recorded('lab-agent-1'));
	await type(stdin, ['/']);
	await type(stdin, [...'not found']);
	assert.match(lastFrame()!, /\/not found█/);
	await type(stdin, ['\r']);
	const matches = store.getState().logs!.entries.filter((entry) => entry.kind === 'line' && entry.text.includes('not found')).map((entry) => entry.seq);
	assert.equal(store.getState().view.log!.current, matches.at(-1));
	assert.match(lastFrame()!, new RegExp(`"not found" ${matches.length} of ${matches.length} matches \\(n older, N newer\\)`));
	const highlighted = logScreen(store.getState().logs, store.getState().view.log!, 100, 20).rows.flatMap((row) => row.segments).filter((segment) => segment.tone !== 'text' && segment.tone !== 'time');
	assert.deepEqual(highlighted.map((segment) => `${segment.tone} ${segment.text}`), [...matches.slice(0, -1).map(() => 'match not found'), 'current not found']);
	await type(stdin, ['n']);
	assert.equal(store.getState().view.log!.current, matches.at(-2));
	assert.match(lastFrame()!, new RegExp(`${matches.length - 1} of ${matches.length} matches`));
	await type(stdin, ['N', 'N']);
	assert.equal(store.getState().view.log!.current, matches[0]);
	assert.match(lastFrame()!, /search wrapped round to the oldest match/);
	await type(stdin, ['/', ...'no such text', '\r']);
	assert.match(lastFrame()!, /no line matches "no such text"/);
	await type(stdin, ['/', ...'pythonx', '\u007F', '\r']);
	assert.equal(store.getState().view.log!.search, 'python', 'Backspace deletes');
	await type(stdin, ['/', 'q', '\u001B']);
	assert.equal(store.getState().view.overlay, 'logs', 'q typed into a search is a letter; Esc leaves the search as it was');
	assert.equal(store.getState().view.log!.search, 'python');
	await type(stdin, ['/', '\r']);
	assert.equal(store.getState().view.log!.search, '', 'Enter on nothing clears the search');
});

test('f filters (text or /regex/, a broken one says so), e shows stderr only, separators stay', async () => {
	const store = labStore();
	select(store, 'lab-notifier');
	const {lastFrame, stdin} = openApp(store);
	await type(stdin, ['t']);
	feed(store, [...recorded('lab-notifier'), exited, ...recorded('lab-notifier')]);
	await type(stdin, ['f', ...'/^notifier/', '\r']);
	let body = lastFrame()!;
	assert.equal(body.match(/notifier: connecting to the queue/g)?.length, 2);
	assert.doesNotMatch(body, /Traceback/);
	assert.match(body, /— exited 1 at 10:42:07 —/);
	assert.match(body, /filter "\/\^notifier\/" · 3 of 13 lines/);
	await type(stdin, ['f', ...'/(/', '\r']);
	assert.match(lastFrame()!, /filter not a regular expression/);
	assert.match(lastFrame()!, /\(no line matches\)|— exited 1/);
	await type(stdin, ['f', '\r']);
	assert.equal(store.getState().view.log!.filter, '', 'an empty filter clears it');
	await type(stdin, ['e']);
	body = lastFrame()!;
	assert.doesNotMatch(body, /notifier: connecting/);
	assert.match(body, /Traceback[\s\S]*ModuleNotFoundError/);
	assert.match(body, /stderr only · 11 of 13 lines/);
});

test('w wraps long lines instead of cutting them; c hides the timestamps', async () => {
	const store = labStore();
	select(store, 'lab-web');
	const {lastFrame, stdin} = openApp(store);
	await type(stdin, ['t']);
	const long = `${'x'.repeat(150)}END`;
	feed(store, [{kind: 'line', stream: 'stdout', text: long, at: Date.UTC(2026, 10, 22, 10, 42, 7)}]);
	await settle();
	assert.doesNotMatch(lastFrame()!, /END/);
	assert.match(lastFrame()!, /x…\n/);
	await type(stdin, ['w']);
	assert.match(lastFrame()!, /xEND\n/);
	assert.match(lastFrame()!, /\d\d:\d\d:\d\d x/);
	await type(stdin, ['c']);
	assert.doesNotMatch(lastFrame()!, /\d\d:\d\d:\d\d x/);
});

test('T interleaves the marked containers with their names; E shows the error lines of every failing one', async () => {
	const store = labStore();
	const {lastFrame, stdin} = openApp(store);
	select(store, 'lab-notifier');
	await type(stdin, [' ']);
	select(store, 'lab-agent-1');
	await type(stdin, [' ', 'T']);
	assert.match(lastFrame()!, /2 marked \(2 interleaved\) · following/);
	feed(store, [{...recorded('lab-agent-1')[1]!, source: 'lab-agent-1'}, {...recorded('lab-notifier')[5]!, source: 'lab-notifier'}] as LogEntry[]);
	await settle();
	assert.match(lastFrame()!, /lab-agent-1 +\d\d:\d\d:\d\d sh: python: not found/);
	assert.match(lastFrame()!, /lab-notifier +\d\d:\d\d:\d\d ModuleNotFoundError/);
	await type(stdin, ['q', 'E']);
	assert.match(lastFrame()!, /trouble: error lines of \d+ failing containers · following/);
	assert.equal(store.getState().view.log!.subject.kind, 'trouble');
	await type(stdin, ['q', 'A']);
	select(store, 'lab-oom');
	await type(stdin, ['T']);
	assert.match(lastFrame()!, /mark containers \(Space\) or select one of a compose project/);
	assert.equal(store.getState().view.overlay, null);
});

test('s saves the whole buffer to a file only its owner reads, and says where', async () => {
	const store = labStore();
	select(store, 'lab-notifier');
	const dir = join(mkdtempSync(join(tmpdir(), 'fleettop-logs-')), 'logs');
	const save = createLogSaver(store, dir);
	let saving: Promise<void> = Promise.resolve();
	const {lastFrame, stdin} = openApp(store, () => (saving = save()));
	await type(stdin, ['t', 's']);
	await saving;
	await settle();
	assert.match(lastFrame()!, /nothing to save yet/);
	feed(store, recorded('lab-notifier'));
	await type(stdin, ['f', ...'Traceback', '\r', 's']);
	await saving;
	await settle();
	const path = /saved 6 lines to (\S+)/.exec(lastFrame()!.replace(/\n/g, ''))?.[1];
	assert.ok(path?.startsWith(dir), lastFrame());
	const saved = readFileSync(path!.slice(0, path!.indexOf('.log') + 4), 'utf8');
	assert.match(saved, /^# fleettop: log of lab-notifier, saved .*, 6 entries\n/);
	assert.match(saved, /stdout notifier: connecting to the queue\n/, 'the whole buffer, not what the filter shows');
	assert.equal(statSync(path!.slice(0, path!.indexOf('.log') + 4)).mode & 0o777, 0o600);
});
