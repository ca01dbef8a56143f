import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {App} from '../../source/app.js';
import {applyBatch} from '../../source/store/actions.js';
import {ContainersPane} from '../../source/ui/containers-pane.js';
import {StatusLine} from '../../source/ui/status-line.js';
import {createActionRunner} from '../../source/store/action-runner.js';
import type {FleetStore} from '../../source/store/fleet-store.js';
import {fixtureNow, labStore} from '../support/fixtures.js';
import {until} from '../support/run-cli.js';

/** The runner the app gets, with the engine call replaced by a log of what was asked (the engine side is tested in integration). */
function recordingRunner(store: FleetStore, fail: string[] = []) {
	const calls: string[] = [];
	const runner = createActionRunner(
		store,
		async (key, action) => {
			const name = store.getState().containers[key]!.name;
			calls.push(`${action} ${name}`);
			if (fail.includes(name)) throw new Error(`${action} ${name}: the container is gone (removed meanwhile)`);
			return 'done';
		},
		async (target, escalate) => {
			calls.push(`${escalate ? 'kill' : 'term'} ${target.pid} for ${target.for}`);
			return `pid ${target.pid} stopped (SIGTERM)`;
		},
		{restartWaitMs: 200},
	);
	return {runner, calls};
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

function frameLines(frame: string | undefined): string[] {
	return (frame ?? '').split('\n');
}

test('the pane shows grouped rows, the selection and every column', () => {
	const state = labStore().getState();
	const {lastFrame} = render(
		<ContainersPane rows={state.rows} containers={state.containers} stats={state.stats} diagnoses={state.diagnoses} marks={[]} stoppedLoops={{}} outcomes={{}} selectedKey={state.view.selectedKey} now={fixtureNow} width={120} height={34} emptyText="none" />,
	);
	const lines = frameLines(lastFrame());
	assert.match(lines[0]!, /NAME +STATE +HEALTH +EXIT +RST +UP\/EXITED +CPU +MEM\/LIMIT +NET\/PORTS +DIAGNOSIS/);
	assert.match(lines[1]!, /▾ lab-shop \(3, 3 in trouble\)/);
	assert.match(lines[2]!, /^▶ lab-shop_db_1 +running +unhealthy/);
	assert.ok(lines.some((line) => /lab-oom +oom-killed +137 +0/.test(line)));
	assert.ok(lines.some((line) => /lab-agent-1 +restarting +127/.test(line)));
	assert.ok(lines.some((line) => /lab-cpu-burn +running .* 50% +3\.0M\/16M none/.test(line)));
	assert.ok(lines.some((line) => /lab-api-port .* host +↻\d+\/h port 18091 held by/.test(line)));
	assert.ok(lines.some((line) => /lab-uploads .* permission denied: \/data/.test(line)));
	assert.match(lines.at(-1)!, /lab-shop_db_1: health check failing: test -w \/data\/pg/, 'the why line explains the selection');
	for (const line of lines) assert.ok(line.length <= 120);
});

test('the pane scrolls to keep the selection visible', () => {
	const store = labStore();
	const state = store.getState();
	const last = state.rows.at(-1)!;
	assert.equal(last.kind, 'container');
	const {lastFrame} = render(
		<ContainersPane rows={state.rows} containers={state.containers} stats={state.stats} diagnoses={state.diagnoses} marks={[]} stoppedLoops={{}} outcomes={{}} selectedKey={last.kind === 'container' ? last.key : null} now={fixtureNow} width={80} height={8} emptyText="none" />,
	);
	const lines = frameLines(lastFrame());
	assert.equal(lines.length, 8);
	assert.match(lines.at(-2)!, /^▶ /);
});

test('keys move, filter, open help and quit through the keymap', async () => {
	const store = labStore();
	const {lastFrame, stdin} = render(<App store={store} actions={recordingRunner(store).runner} />);
	await settle();
	assert.match(lastFrame()!, /22 containers · \d+\/22 available \(\d+%\) · \d+ running, \d+ looping/);
	assert.match(lastFrame()!, /3 × exit 127 command not found/);
	assert.match(lastFrame()!, /j\/↓ move  Enter details  t tail  E trouble  o procs  b break loop  \/ filter  \? help  q quit/);
	const selected = () => store.getState().containers[store.getState().view.selectedKey ?? '']?.name;
	assert.equal(selected(), 'lab-shop_db_1');
	stdin.write('j');
	await settle();
	assert.notEqual(selected(), 'lab-shop_db_1');
	stdin.write('G');
	await settle();
	assert.equal(selected(), 'lab-zombie-maker');
	stdin.write('g');
	await settle();
	assert.equal(selected(), 'lab-shop_db_1');

	stdin.write('/');
	await settle();
	for (const char of 'oom') stdin.write(char);
	await settle();
	assert.match(lastFrame()!, /filter "oom": 1 of 22 containers/);
	assert.match(lastFrame()!, /▶ lab-oom/);
	stdin.write('\r');
	await settle();
	assert.equal(store.getState().view.editingFilter, false);
	stdin.write('\u001B');
	await settle();
	assert.equal(store.getState().view.filter, '');

	stdin.write('?');
	await settle();
	assert.match(lastFrame()!, /fleettop keys .*\(j\/k scroll\)/);
	assert.match(lastFrame()!, /Next container/);
	for (let i = 0; i < 12; i++) stdin.write('j');
	await settle();
	assert.match(lastFrame()!, /Filter: name/, 'the help scrolls to the rest');
	stdin.write('q');
	await settle();
	assert.doesNotMatch(lastFrame()!, /fleettop keys/, 'q closes help before it quits');
});

test('an engine problem is one red line that says what to do', () => {
	const {lastFrame} = render(
		<StatusLine
			engines={[{engine: 'local', endpoint: 'unix:///var/run/docker.sock', state: 'down', message: 'No Docker engine at unix:///var/run/docker.sock: start it', version: null, apiVersion: null, statsSource: null, historySince: null}]}
			filter=""
			shown={0}
			total={0}
			marks={0}
			notices={[]}
			progress={null}
		/>,
	);
	assert.equal(lastFrame(), '✖ No Docker engine at unix:///var/run/docker.sock: start it — retrying');
});

test('selection survives data updates and falls to a neighbour when its container goes', () => {
	const store = labStore();
	const keys = store.getState().rows.flatMap((row) => (row.kind === 'container' ? [row.key] : []));
	store.setState((state) => ({view: {...state.view, selectedKey: keys[5]!}}));
	applyBatch(store, {upserts: [{...store.getState().containers[keys[0]!]!, restartCount: 99}]});
	assert.equal(store.getState().view.selectedKey, keys[5]);
	applyBatch(store, {removals: [keys[5]!]});
	assert.equal(store.getState().view.selectedKey, keys[6]);
});

test('Enter opens the detail view with diagnosis, evidence, restarts and configuration; Esc returns', async () => {
	const store = labStore();
	const {lastFrame, stdin} = render(<App store={store} actions={recordingRunner(store).runner} />);
	await settle();
	stdin.write('/uploads'); // typed ahead, in one chunk
	await settle();
	stdin.write('\r');
	await settle();
	stdin.write('\r');
	await settle();
	const frame = lastFrame()!;
	assert.equal(store.getState().view.overlay, 'detail');
	assert.match(frame, /lab-uploads — restarting, exit 1, \d+ restarts/);
	assert.match(frame, /● permission denied: \/data\/\.write-test on volume \/var\/lib\/fleettop-lab\/uploads/);
	assert.match(frame, /evidence: sh: can't create \/data\/\.write-test: Permission denied/);
	assert.match(frame, /what to do: The process runs as 1000:1000: chown the volume source/);
	assert.match(frame, /exit 1 — application error/);
	assert.match(frame, /crash loop: \d+ restarts in the window/);
	assert.match(frame, /Last lines of the run that died/);
	assert.match(frame, /Esc\/q back/);
	const lines = store.getState().view.detailTop;
	stdin.write('j');
	await settle();
	assert.equal(store.getState().view.detailTop, lines + 1, 'j scrolls the detail view');
	assert.match(lastFrame()!, /↑ 1 lines above/);
	stdin.write('G'); // not a detail key: nothing happens
	stdin.write('\u001B');
	await settle();
	assert.equal(store.getState().view.overlay, null);
	assert.match(lastFrame()!, /▶ lab-uploads/);
});

test('the detail view of a blocked compose service and of the service blocking it', async () => {
	const store = labStore();
	const {lastFrame, stdin} = render(<App store={store} actions={recordingRunner(store).runner} />);
	await settle();
	stdin.write('\r');
	await settle();
	assert.match(lastFrame()!, /lab-shop_db_1 — running, unhealthy/);
	assert.match(lastFrame()!, /● blocks 2 services: api, worker/);
	for (let i = 0; i < 12; i++) stdin.write('j');
	await settle();
	assert.match(lastFrame()!, /check: test -w \/data\/pg/);
	stdin.write('\u001B');
	await settle();
	stdin.write('j');
	await settle();
	stdin.write('\r');
	await settle();
	const frame = lastFrame()!;
	assert.match(frame, /lab-shop_api_1 — created/);
	assert.match(frame, /● blocked by db \(unhealthy\)/);
	for (let i = 0; i < 20; i++) stdin.write('j');
	await settle();
	assert.match(lastFrame()!, /depends on db \(service_healthy\): unhealthy/);
	assert.match(lastFrame()!, /depended on by 1: worker/);
});

test('marks and one confirmation for a bulk stop-loop: skipped ones say why, one failure does not stop the rest', async () => {
	const store = labStore();
	const {runner, calls} = recordingRunner(store, ['lab-agent-2']);
	const {lastFrame, stdin} = render(<App store={store} actions={runner} />);
	await settle();
	stdin.write('/agent');
	await settle();
	stdin.write('\r');
	await settle();
	stdin.write('a'); // mark all the filter shows
	await settle();
	assert.match(lastFrame()!, /3 marked: actions apply to them/);
	assert.match(lastFrame()!, /▶•lab-agent-1/);
	stdin.write('\u001B'); // clear the filter: the marks stay
	await settle();
	stdin.write('g');
	await settle();
	stdin.write(' '); // mark lab-shop_db_1 too: it has no restart policy
	await settle();
	stdin.write('b');
	await settle();
	const asked = lastFrame()!;
	assert.match(asked, /Break the restart loop of these 3 containers\?/);
	assert.match(asked, /y\/Enter do it {3}n\/Esc cancel {3}\(restart policy set to "no", then stopped/);
	assert.match(asked, / {2}lab-agent-1\n {2}lab-agent-2\n {2}lab-agent-3/);
	assert.match(asked, /skipped lab-shop_db_1: no restart policy: it does not loop/);
	assert.deepEqual(calls, [], 'nothing happens before the yes');
	stdin.write('y');
	await settle();
	assert.deepEqual(calls.sort(), ['stop-loop lab-agent-1', 'stop-loop lab-agent-2', 'stop-loop lab-agent-3']);
	assert.match(lastFrame()!, /stop-loop: 2 of 3 done, 1 failed/);
	assert.match(lastFrame()!, / ✔lab-agent-1/, 'progress per container, on its row');
	assert.match(lastFrame()!, / ✖lab-agent-2/);
	assert.equal(store.getState().view.marks.length, 4, 'marks stay when something failed, to try again');

	stdin.write('A');
	await settle();
	assert.equal(store.getState().view.marks.length, 0);
	stdin.write('r');
	await settle();
	assert.match(lastFrame()!, /Restart lab-shop_api_1\?/, 'space marked db and moved on');
	stdin.write('n');
	await settle();
	assert.equal(store.getState().view.overlay, null);
	assert.equal(calls.length, 3, 'cancelled: nothing ran');
	stdin.write('u'); // start is safe: no question
	await settle();
	assert.deepEqual(calls.at(-1), 'start lab-shop_api_1');
	assert.match(lastFrame()!, /✔ lab-shop_api_1: done/);
});

test('--read-only: no action key works, the help has none, the header says so', async () => {
	const store = labStore();
	store.setState({readOnly: true});
	const {runner, calls} = recordingRunner(store);
	const {lastFrame, stdin} = render(<App store={store} actions={runner} />);
	await settle();
	assert.match(lastFrame()!, /^fleettop READ-ONLY/);
	for (const key of ['u', 's', 'r', 'K', 'p', 'P', 'b', 'B']) stdin.write(key);
	await settle();
	assert.deepEqual(calls, []);
	assert.equal(store.getState().view.overlay, null);
	stdin.write('?');
	await settle();
	assert.doesNotMatch(lastFrame()!, /Restart|restart loop|Kill|Start|Stop|Pause|Re-arm|When asked|ordered restart/);
	assert.match(lastFrame()!, /Mark \/ unmark/);
});

test('x offers to stop the host process holding a port, showing pid, user and command first', async () => {
	const store = labStore();
	const {runner, calls} = recordingRunner(store);
	const {lastFrame, stdin} = render(<App store={store} actions={runner} />);
	await settle();
	stdin.write('x'); // lab-shop_db_1: nothing holds a port of its
	await settle();
	assert.match(lastFrame()!, /no host process holds a port this container needs/);
	stdin.write('/api-port');
	await settle();
	stdin.write('\r');
	await settle();
	stdin.write('x');
	await settle();
	const asked = lastFrame()!;
	assert.match(asked, /Stop the host process holding port 18091, in the way of lab-api-port\?/);
	assert.match(asked, / {2}pid {5}\d+\n {2}user {4}root\n {2}command \/usr\/bin\/python3 -m http\.server 18091/);
	assert.match(asked, /y\/Enter SIGTERM {3}K SIGTERM, then SIGKILL after 5 s {3}n\/Esc cancel/);
	stdin.write('K');
	await settle();
	assert.match(calls.at(-1)!, /^kill \d+ for lab-api-port$/);
	assert.match(lastFrame()!, /✔ pid \d+ stopped/);
});

test('R restarts the selected container\'s compose project in order, after showing the plan', async () => {
	const store = labStore();
	const {runner, calls} = recordingRunner(store);
	const {lastFrame, stdin} = render(<App store={store} actions={runner} />);
	await settle();
	stdin.write('R');
	await settle();
	const asked = lastFrame()!;
	assert.match(asked, /Ordered restart of lab-shop: 3 services, each waited for up to 0.2s\?/);
	assert.match(asked, /1\. lab-shop_db_1 +restart, wait until healthy\n +2\. lab-shop_api_1 +start, wait until running \(after db\)/);
	stdin.write('y');
	// The recorded engine never reports a new run, so db never gets ready (0.2 s): its dependents wait.
	const results = await until('the results of the ordered restart', async () => (/0 of 3 ready/.test(lastFrame() ?? '') ? lastFrame()! : undefined), 10_000);
	assert.deepEqual(calls, ['restart lab-shop_db_1']);
	assert.match(results, /restart lab-shop: 0 of 3 ready/);
	assert.match(results, /failed {2}lab-shop_db_1: restarted, not healthy after 0\.2s \(running, unhealthy\) \(\d+\.\ds\)/);
	assert.match(results, /skipped lab-shop_api_1: not started: db is not ready \(0\.0s\)/);
	stdin.write('\u001B');
	await settle();
	assert.match(lastFrame()!, /✖lab-shop_db_1/, 'back on the list, the rows show the outcome');
});

test('o shows host processes and zombies with their containers, l the listening ports; Enter goes to the container', async () => {
	const store = labStore();
	const byName = (name: string) => Object.values(store.getState().containers).find((record) => record.name === name)!;
	const proc = (pid: number, ppid: number, state: string, command: string, containerId: string | null, cpuPercent: number) =>
		({pid, ppid, state, name: command.split(' ')[0]!, command, user: 'root', containerId, cpuPercent, cpuTicks: 0, startTicks: 0, rssBytes: 4096});
	const processes = [
		proc(3066, 3000, 'R', 'sh -c while :; do :; done', byName('lab-cpu-burn').id, 49.8),
		proc(2836, 2800, 'S', 'python3 /lab/zombies.py', byName('lab-zombie-maker').id, 0),
		proc(2900, 2836, 'Z', 'python3', null, 0),
		proc(1365, 1, 'S', 'dockerd --bridge=none', null, 2),
	];
	applyBatch(store, {processes: {processes, counts: {total: 4, running: 1, sleeping: 2, zombie: 1, other: 0}, scannedAt: fixtureNow, durationMs: 21}, now: fixtureNow});
	const {runner} = recordingRunner(store);
	const {lastFrame, stdin} = render(<App store={store} actions={runner} />);
	await settle();
	assert.match(lastFrame()!, /procs 4 \(1 running, 2 sleeping\) · 1 zombie: 1 lab-zombie-maker/, 'the host line counts zombies by container');
	stdin.write('o');
	await settle();
	const view = lastFrame()!;
	assert.match(view, /processes 4 · 1 running · 2 sleeping · 1 zombie · by CPU \(s sorts\) · scan 21 ms/);
	assert.match(view, /▶ +3066 root +50% +4\.0K lab-cpu-burn +sh -c while :; do :; done/);
	assert.match(view, /ZOMBIES \(1\)/);
	assert.match(view, /2900 +zombie +lab-zombie-maker +\[python3\] of pid 2836: python3 \/lab\/zomb/);
	stdin.write('s');
	await settle();
	assert.match(lastFrame()!, /by memory \(s sorts\)/);
	stdin.write('s');
	await settle();
	stdin.write('\r');
	await settle();
	assert.equal(store.getState().view.overlay, null);
	assert.equal(store.getState().containers[store.getState().view.selectedKey!]!.name, 'lab-cpu-burn');
	stdin.write('l');
	await settle();
	assert.match(lastFrame()!, /listening ports 2 \(host network namespace\)/);
	assert.match(lastFrame()!, /tcp +127\.0\.0\.1:18091 +\d+ root +host +\/usr\/bin\/python3 -m http\.serv/);
	assert.match(lastFrame()!, /tcp +127\.0\.0\.1:18092 +\d+ root +lab-gateway-old +httpd -f -p 127\.0\.0\.1:18092/);
	stdin.write('j');
	stdin.write('\r');
	await settle();
	assert.equal(store.getState().containers[store.getState().view.selectedKey!]!.name, 'lab-gateway-old');
});
