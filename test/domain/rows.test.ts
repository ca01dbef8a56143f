import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {containerCells, fitCell, layoutColumns, markerWidth} from '../../source/domain/columns.js';
import {buildRows, containerKeys, standaloneTitle} from '../../source/domain/rows.js';
import {scrollTop} from '../../source/domain/scroll.js';
import {troubleLevel} from '../../source/domain/trouble.js';
import {fixtureNow, labRecords, labStore, recordNamed} from '../support/fixtures.js';

const names = (rows: ReturnType<typeof buildRows>, records = labRecords()) =>
	rows.map((row) => (row.kind === 'group' ? `# ${row.title}` : records.find((record) => record.key === row.key)?.name));

const diagnoses = () => labStore().getState().diagnoses;

test('grouped by compose project, standalone last, trouble first', () => {
	const rows = names(buildRows(labRecords(), '', diagnoses()));
	assert.equal(rows[0], '# lab-shop');
	assert.equal(rows[1], 'lab-shop_db_1', 'unhealthy before created');
	assert.deepEqual(rows.slice(2, 4).sort(), ['lab-shop_api_1', 'lab-shop_worker_1']);
	assert.equal(rows[4], `# ${standaloneTitle}`);
	const standalone = rows.slice(5);
	const firstHealthy = standalone.indexOf('lab-web');
	for (const looping of ['lab-agent-1', 'lab-pip-worker', 'lab-api-port', 'lab-gateway', 'lab-notifier', 'lab-uploads', 'lab-oom', 'lab-qdrant']) {
		assert.ok(standalone.indexOf(looping) < firstHealthy, `${looping} sorts before healthy services`);
	}
});

test('trouble levels', () => {
	const cases: Array<[string, number]> = [
		['lab-agent-1', 4], // restarting, exit 127
		['lab-qdrant', 4], // reads running+healthy, yet it exits 101 every 20 s
		['lab-gateway-old', 0], // holds the port, but is fine itself
		['lab-oom', 3],
		['lab-shop_db_1', 3], // unhealthy
		['lab-shop_api_1', 2], // created, never started
		['lab-web', 0],
	];
	const all = diagnoses();
	for (const [name, level] of cases) {
		const record = recordNamed(name);
		assert.equal(troubleLevel(record, all[record.key]), level, name);
	}
});

test('filter matches name, image and project, case-insensitively', () => {
	const cases: Array<[string, number]> = [['OOM', 1], ['lab-shop', 3], ['fleettop-lab/base', 22], ['agent', 3], ['nothing-like-this', 0], ['command not found', 3], ['missing module', 1]];
	for (const [filter, count] of cases) assert.equal(containerKeys(buildRows(labRecords(), filter, diagnoses())).length, count, filter);
	assert.deepEqual(buildRows(labRecords(), 'zzz', {}), []);
});

test('every row fits its width, from 80 columns up; the diagnosis column comes when it has room', () => {
	const records = labRecords();
	const all = diagnoses();
	for (const width of [80, 100, 108, 109, 120, 200]) {
		const columns = layoutColumns(width);
		const total = markerWidth + columns.reduce((sum, column) => sum + column.width, 0) + columns.length - 1;
		assert.ok(total <= width, `layout ${total} > ${width}`);
		assert.equal(columns.some((column) => column.id === 'diagnosis'), width >= 109, `diagnosis column at ${width}`);
		for (const record of records) {
			const cells = containerCells(record, undefined, fixtureNow, all[record.key]);
			for (const column of columns) assert.equal(stringWidth(fitCell(cells[column.id], column.width, column.align)), column.width);
		}
	}
});

test('cells say what an operator needs', () => {
	const oom = containerCells(recordNamed('lab-oom'), undefined, fixtureNow);
	assert.equal(oom.state, 'oom-killed');
	assert.equal(oom.exit, '137');
	assert.match(oom.age, /ago$/);
	const portHolder = containerCells(recordNamed('lab-api-port'), undefined, fixtureNow);
	assert.equal(portHolder.network, 'host');
	assert.equal(portHolder.state, 'restarting');
	const burner = containerCells(recordNamed('lab-cpu-burn'), {cpuPercent: 50.3, memoryBytes: 344064, memoryLimitBytes: 16 * 1024 ** 2, pids: 1, sampledAt: fixtureNow}, fixtureNow);
	assert.equal(burner.cpu, '50%');
	assert.equal(burner.memory, '336K/16M');
	assert.equal(fitCell('a-very-long-container-name', 10, 'left'), 'a-very-lo…');
	assert.equal(fitCell('7', 4, 'right'), '   7');
});

test('the window follows the selection without jumping', () => {
	const cases: Array<[number, number, number, number, number]> = [
		// selected, total, height, previousTop -> top
		[0, 5, 10, 0, 0],
		[9, 30, 10, 0, 0],
		[10, 30, 10, 0, 1],
		[5, 30, 10, 8, 5],
		[29, 30, 10, 0, 20],
		[12, 30, 10, 25, 12],
	];
	for (const [selected, total, height, previous, top] of cases) assert.equal(scrollTop(selected, total, height, previous), top, JSON.stringify({selected, previous}));
});

test('the diagnosis cell says why', () => {
	const all = diagnoses();
	const cell = (name: string) => containerCells(recordNamed(name), undefined, fixtureNow, all[recordNamed(name).key]).diagnosis;
	assert.match(cell('lab-agent-1'), /^↻\d+\/h command not found: python$/);
	assert.match(cell('lab-shop_api_1'), /^blocked by db \(unhealthy\)/);
	assert.equal(cell('lab-web'), '');
	const agent = recordNamed('lab-agent-1');
	const stopped = containerCells({...agent, state: 'exited'}, undefined, fixtureNow, all[agent.key], true);
	assert.equal(stopped.state, 'loop-stop');
	assert.match(stopped.diagnosis, /^loop stopped \(B re-arms\) · /);
});
