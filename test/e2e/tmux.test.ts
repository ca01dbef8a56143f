import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {docker, requireEngine} from '../support/engine.js';
import {cliPath, until} from '../support/run-cli.js';

// The real binary in a real terminal (tmux), driven by keys, read off the screen. CI is unset for
// fleettop itself: with CI=true Ink draws nothing until exit.

const session = `fleettop-e2e-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', args, {encoding: 'utf8'});
const screen = () => tmux('capture-pane', '-t', session, '-p');
/** The screen with its scrollback: a resize reflows earlier shell lines into history. */
const screenAndHistory = () => tmux('capture-pane', '-t', session, '-p', '-S', '-100');
const fleettopPid = () => execFileSync('pgrep', ['-P', tmux('display-message', '-t', session, '-p', '#{pane_pid}').trim()], {encoding: 'utf8'}).trim();
const keys = (...names: string[]) => tmux('send-keys', '-t', session, ...names);
const typed = (text: string) => tmux('send-keys', '-t', session, '-l', text);
const settle = () => new Promise((resolve) => setTimeout(resolve, 700));
const shows = (pattern: RegExp, what: string, ms = 15_000) => until(what, async () => (pattern.test(screen()) ? true : undefined), ms);

function startShell(width: number, height: number) {
	tmux('new-session', '-d', '-s', session, '-x', String(width), '-y', String(height), 'env -u CI PS1="$ " bash --norc --noprofile');
	keys('stty sane; clear; echo SHELL-BEFORE-FLEETTOP', 'Enter');
}

function launch(env = '') {
	keys(`${env} ${process.execPath} ${cliPath}; echo "EXIT=$?"; stty -a | grep -o -- '-\\?icanon' | head -1`, 'Enter');
}

function stop() {
	try {
		tmux('kill-session', '-t', session);
	} catch {
		// already gone
	}
}

test('keys in, screen out: move, filter, help, resize, quit', async (t) => {
	if (!requireEngine(t)) return;
	startShell(120, 32);
	try {
		launch();
		await shows(/lab-agent-1 +restarting|lab-agent-1 +running/, 'the containers pane');
		assert.match(screen(), /▾ lab-shop \(3, 3 in trouble\)/);
		assert.match(screen(), /j\/↓ move  Enter details  t tail  E trouble  o procs  b break loop  \/ filter  \? help  q quit/);
		// Diagnoses follow the first frame: they wait for inspects and the logs of the runs that died.
		await shows(/\d+ × exit 127 command not found/, 'the header grouping failures by cause');
		await shows(/lab-agent-1 .* command not found: python/, 'the diagnosis column');
		assert.doesNotMatch(screen(), /SHELL-BEFORE-FLEETTOP/, 'full screen: the shell is hidden');

		keys('G');
		await shows(/▶ lab-zombie-maker/, 'G to the last container', 5000);
		keys('g');
		await shows(/▶ lab-shop_db_1/, 'g to the first container', 5000);
		assert.match(screen(), /lab-shop_db_1: health check failing: test -w \/data\/pg/, 'the why line');
		keys('Enter');
		await shows(/lab-shop_db_1 — running, unhealthy/, 'Enter opens the detail view', 5000);
		assert.match(screen(), /● blocks 2 services: api, worker/);
		assert.match(screen(), /Esc\/q back/);
		keys('Escape');
		await shows(/▶ lab-shop_db_1 +running/, 'Esc returns to the list', 5000);
		keys('j');
		await settle();
		assert.doesNotMatch(screen(), /▶ lab-shop_db_1/);

		keys('/');
		typed('oom');
		await shows(/filter "oom": 1 of \d+ containers/, 'the filter', 5000);
		assert.match(screen(), /▶ lab-oom +oom-killed +137/);
		assert.doesNotMatch(screen(), /lab-agent-1/);
		keys('Enter');
		keys('Escape');
		await shows(/lab-agent-1/, 'Esc clears the filter', 5000);

		keys('?');
		await shows(/fleettop keys/, 'help', 5000);
		assert.match(screen(), /Next container/);
		keys('j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j');
		await shows(/Filter: name/, 'the help scrolled to the rest', 5000);
		keys('Escape');
		await settle();

		tmux('resize-window', '-t', session, '-x', '80', '-y', '24');
		await shows(/lab-agent-1/, 'redraw at 80x24', 5000);
		await settle();
		const lines = screen().split('\n');
		assert.ok(lines.every((line) => line.length <= 80));
		assert.match(lines[0]!, /^fleettop · \d+ containers/);
		assert.ok(lines.some((line) => /j\/↓ move/.test(line)), 'footer still visible at 80x24');

		keys('q');
		await shows(/EXIT=0/, 'quit', 5000);
		assert.match(screenAndHistory(), /SHELL-BEFORE-FLEETTOP/, 'the alternate screen was left: the shell is back');
		assert.doesNotMatch(screen(), /j\/↓ move/, 'no fleettop frame is left behind');
		assert.match(screen(), /EXIT=0\n\s*icanon/, 'the terminal is back in canonical mode');
	} finally {
		stop();
	}
});

test('SIGTERM, Ctrl-C and a crash all give the terminal back', async (t) => {
	if (!requireEngine(t)) return;
	startShell(100, 30);
	try {
		launch();
		await shows(/lab-agent-1/, 'the containers pane');
		execFileSync('kill', ['-TERM', fleettopPid()]);
		await shows(/EXIT=143\n\s*icanon/, 'exit on SIGTERM', 5000);
		assert.match(screen(), /SHELL-BEFORE-FLEETTOP[\s\S]*EXIT=143\n\s*icanon/);

		keys('clear; echo SHELL-BEFORE-FLEETTOP', 'Enter');
		launch();
		await shows(/lab-agent-1/, 'the containers pane again');
		keys('C-c');
		await shows(/EXIT=0\n\s*icanon/, 'exit on Ctrl-C', 5000);
		assert.match(screen(), /SHELL-BEFORE-FLEETTOP[\s\S]*EXIT=0\n\s*icanon/);

		keys('clear; echo SHELL-BEFORE-FLEETTOP', 'Enter');
		launch('FLEETTOP_TEST_CRASH_AFTER_MS=2500');
		// The exit code shows before stty has printed the terminal's mode: wait for both.
		await shows(/EXIT=1\n\s*icanon/, 'exit on a crash', 15_000);
		const after = screen();
		assert.match(after, /SHELL-BEFORE-FLEETTOP/);
		assert.match(after, /fleettop crashed: Error: crash requested/);
		assert.match(after, /EXIT=1\n\s*icanon/);
	} finally {
		stop();
	}
});

test('bulk stop-loop through the keyboard: filter, mark all, b, y — then re-arm', async (t) => {
	if (!requireEngine(t)) return;
	const agents = ['lab-agent-1', 'lab-agent-2', 'lab-agent-3'];
	const policies = () => agents.map((name) => docker('inspect', '-f', '{{.HostConfig.RestartPolicy.Name}}', name));
	const state = mkdtempSync(join(tmpdir(), 'fleettop-state-'));
	startShell(120, 34);
	try {
		launch(`XDG_STATE_HOME=${state}`);
		await shows(/lab-agent-1 .* command not found: python/, 'the diagnosed containers pane');
		keys('/');
		typed('agent');
		keys('Enter');
		await shows(/filter "agent": 3 of \d+ containers/, 'the filter', 5000);
		keys('a');
		await shows(/3 marked/, 'three marked', 5000);
		keys('b');
		await shows(/Break the restart loop of these 3 containers\?/, 'one confirmation listing them', 5000);
		assert.match(screen(), / {2}lab-agent-1\n {2}lab-agent-2\n {2}lab-agent-3/);
		keys('y');
		await shows(/stop-loop: 3 of 3 done/, 'the summary', 20_000);
		await shows(/lab-agent-3 +loop-stop/, 'shown as loop stopped', 10_000);
		assert.deepEqual(policies(), ['no', 'no', 'no']);
		const counts = () => agents.map((name) => docker('inspect', '-f', '{{.RestartCount}} {{.State.Status}}', name));
		const stopped = counts();
		await new Promise((resolve) => setTimeout(resolve, 3000));
		assert.deepEqual(counts(), stopped, 'no restart after stop-loop');
		assert.ok(stopped.every((entry) => entry.endsWith('exited')));

		keys('a');
		keys('B');
		await shows(/Re-arm the loop of these 3 containers\?/, 're-arm asks first', 5000);
		keys('y');
		await shows(/re-arm: 3 of 3 done/, 're-armed', 20_000);
		assert.deepEqual(policies(), ['always', 'always', 'always']);
		keys('q');
		await shows(/EXIT=0/, 'quit', 5000);
	} finally {
		stop();
		// Whatever happened above, the lab's loops must loop again for the tests after this one.
		policies().forEach((policy, index) => {
			if (policy !== 'always') docker('update', '--restart', 'always', agents[index]!);
		});
		for (const name of agents) docker('start', name);
	}
});

test('a container\'s escape sequences reach the log pane as text: no title, no clipboard, no clear', async (t) => {
	if (!requireEngine(t)) return;
	startShell(100, 30);
	try {
		launch();
		await shows(/lab-escapes/, 'the containers pane');
		keys('/');
		typed('escapes');
		keys('Enter');
		await shows(/▶ lab-escapes/, 'the filter', 5000);
		keys('t');
		await shows(/title set\n.*clipboard written\n.*screen cleared/, 'the log lines, as text', 15_000);
		assert.doesNotMatch(tmux('display-message', '-t', session, '-p', '#{pane_title}'), /pwned/, 'the title was not set');
		assert.match(screen(), /^fleettop · /, 'the screen was not cleared');
		keys('q');
		keys('q');
		await shows(/EXIT=0/, 'quit', 5000);
	} finally {
		stop();
	}
});

test('E shows the fleet\'s error lines; search, filter and save by keys', async (t) => {
	if (!requireEngine(t)) return;
	const state = mkdtempSync(join(tmpdir(), 'fleettop-e2e-logs-'));
	startShell(160, 40);
	try {
		launch(`XDG_STATE_HOME=${state}`);
		await shows(/lab-notifier/, 'the containers pane');
		keys('E');
		await shows(/trouble: error lines of \d+ failing containers · following/, 'the trouble log', 5000);
		await shows(/\nlab-[\w-]+ +\d\d:\d\d:\d\d \S/, 'error lines with their container\'s name', 20_000);
		// Which containers' lines are on the last page depends on the lab's timing: a filter decides.
		keys('f');
		typed('python: not found');
		await shows(/filter: python: not found█/, 'the filter being typed', 5000);
		keys('Enter');
		await shows(/lab-agent-\d +\d\d:\d\d:\d\d sh: python: not found/, 'the agents\' error lines', 5000);
		await shows(/filter "python: not found" · \d+ of \d+ lines/, 'the filter in the status line', 5000);
		assert.doesNotMatch(screen(), /ModuleNotFoundError|Permission denied/, 'only what the filter matches');
		keys('/');
		typed('python');
		keys('Enter');
		await shows(/"python" \d+ of \d+ matches \(n older, N newer\)/, 'the matches counted', 5000);
		keys('s');
		await shows(/saved \d+ lines to \S+\/fleettop\/logs\/trouble-error-lines/, 'where the log was saved', 5000);
		const dir = join(state, 'fleettop', 'logs');
		const files = execFileSync('ls', [dir], {encoding: 'utf8'}).trim().split('\n');
		assert.equal(files.length, 1);
		const saved = readFileSync(join(dir, files[0]!), 'utf8');
		assert.match(saved, /lab-agent-\d stderr sh: python: not found/);
		assert.match(saved, / lab-(?!agent)[\w-]+ stderr /, 'the whole buffer, not only what the filter shows');
		keys('q');
		keys('q');
		await shows(/EXIT=0/, 'quit', 5000);
	} finally {
		stop();
	}
});

test('supervisord by keys: S lists lab-supervisor\'s programs; stop and start one; its output in the log pane', async (t) => {
	if (!requireEngine(t)) return;
	const state = mkdtempSync(join(tmpdir(), 'fleettop-e2e-supervisor-'));
	startShell(160, 40);
	try {
		launch(`XDG_STATE_HOME=${state}`);
		await shows(/lab-supervisor/, 'the containers pane');
		keys('S');
		await shows(/lab-supervisor supervisord \(docker exec lab-supervisor\): RUNNING · 3 programs/, 'the supervisord view', 20_000);
		await shows(/FATAL +0 flaky +Exited too quickly/, 'the FATAL program', 5000);
		assert.match(screen(), /stderr: flaky: Error 111 connecting to 127\.0\.0\.1:6380\. Connection refused\./);
		// The rows: heading, flaky, its stderr, report, web (which runs for good).
		keys('G');
		await shows(/▶ RUNNING +\d+ +\S+ +web/, 'web selected', 5000);
		keys('s');
		await shows(/Stop web:web \(lab-supervisor\)\?/, 'the question', 5000);
		keys('y');
		await shows(/▶ STOPPED +web/, 'web stopped', 15_000);
		keys('u');
		await shows(/web:web: started/, 'web started', 15_000);
		await shows(/▶ RUNNING +\d+ +\S+ +web/, 'web running again', 15_000);
		keys('t');
		await shows(/output of web:web \(lab-supervisor\) · following/, 'its output', 5000);
		await shows(/web: served GET \//, 'its lines', 10_000);
		keys('q');
		await shows(/supervisord 1 · 3 programs/, 'back in the supervisord view', 5000);
		const audit = readFileSync(join(state, 'fleettop', 'audit.log'), 'utf8');
		assert.match(audit, /"container":"lab-supervisor".*"action":"supervisor stop web:web","outcome":"ok"/);
		assert.match(audit, /"action":"supervisor start web:web","outcome":"ok"/);
		keys('q');
		keys('q');
		await shows(/EXIT=0/, 'quit', 5000);
	} finally {
		stop();
	}
});
