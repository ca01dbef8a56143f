import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {containerCells, fitCell, layoutColumns, markerWidth} from '../../source/domain/columns.js';
import {buildRows, containerKeys, standaloneTitle} from '../../source/domain/rows.js';
import {scrollTop} from '../../source/domain/scroll.js';
import {fleetCounts} from '../../source/domain/summary.js';
import {troubleLevel} from '../../source/domain/trouble.js';
import {fixtureNow, labRecords, recordNamed} from '../support/fixtures.js';

const names = (rows: ReturnType<typeof buildRows>, records = labRecords()) =>
	rows.map((row) => (row.kind === 'group' ? `# ${row.title}` : records.find((record) => record.key === row.key)?.name));

test('grouped by compose project, standalone last, trouble first', () => {
	const rows = names(buildRows(labRecords(), ''));
	assert.equal(rows[0], '# lab-shop');
	assert.equal(rows[1], 'lab-shop_db_1', 'unhealthy before created');
	assert.deepEqual(rows.slice(2, 4).sort(), ['lab-shop_api_1', 'lab-shop_worker_1']);
	assert.equal(rows[4], `# ${standaloneTitle}`);
	const standalone = rows.slice(5);
	const firstHealthy = standalone.indexOf('lab-web');
	for (const looping of ['lab-agent-1', 'lab-pip-worker', 'lab-api-port', 'lab-oom', 'lab-qdrant']) {
		assert.ok(standalone.indexOf(looping) < firstHealthy, `${looping} sorts before healthy services`);
	}
});

test('trouble levels', () => {
	const cases: Array<[string, number]> = [
		['lab-agent-1', 4], // restarting, exit 127
		['lab-qdrant', 4], // reads running+healthy, yet its last run exited 101
		['lab-oom', 3],
		['lab-shop_db_1', 3], // unhealthy
		['lab-shop_api_1', 2], // created, never started
		['lab-web', 0],
	];
	for (const [name, level] of cases) assert.equal(troubleLevel(recordNamed(name)), level, name);
});

test('filter matches name, image and project, case-insensitively', () => {
	const cases: Array<[string, number]> = [['OOM', 1], ['lab-shop', 3], ['fleettop-lab/base', 18], ['agent', 3], ['nothing-like-this', 0]];
	for (const [filter, count] of cases) assert.equal(containerKeys(buildRows(labRecords(), filter)).length, count, filter);
	assert.deepEqual(buildRows(labRecords(), 'zzz'), []);
});

test('every row fits its width, from 80 columns up', () => {
	const records = labRecords();
	for (const width of [80, 100, 120, 200]) {
		const columns = layoutColumns(width);
		const total = markerWidth + columns.reduce((sum, column) => sum + column.width, 0) + columns.length - 1;
		assert.ok(total <= width, `layout ${total} > ${width}`);
		for (const record of records) {
			const cells = containerCells(record, undefined, fixtureNow);
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

test('fleet counts', () => {
	assert.equal(fleetCounts(labRecords()), '18 containers: 9 running, 6 restart-looping, 1 unhealthy, 1 failed, 2 created');
	assert.equal(fleetCounts([]), '0 containers');
});
