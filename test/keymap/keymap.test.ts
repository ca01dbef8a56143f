import assert from 'node:assert/strict';
import {test} from 'node:test';
import {bindings} from '../../source/keymap/bindings.js';
import {footerHints, helpGrid, helpSections} from '../../source/keymap/describe.js';
import {keyName, keyNames, modeOf, resolveKey, type Mode} from '../../source/keymap/resolve.js';

test('raw keys get one name', () => {
	const cases: Array<[string, object, string]> = [
		['j', {}, 'j'],
		['G', {}, 'G'],
		['', {downArrow: true}, 'down'],
		['', {pageDown: true}, 'pagedown'],
		['', {home: true}, 'home'],
		['', {return: true}, 'return'],
		['', {escape: true}, 'escape'],
		['', {delete: true}, 'backspace'],
		['c', {ctrl: true}, 'ctrl+c'],
		[' ', {}, 'space'],
	];
	for (const [input, key, name] of cases) assert.equal(keyName(input, key), name, name);
	// Keys that arrive in one chunk are each a key.
	assert.deepEqual(keyNames('jjj', {}), ['j', 'j', 'j']);
	assert.deepEqual(keyNames('/o o', {}), ['/', 'o', 'space', 'o']);
	assert.deepEqual(keyNames('ab\r\u007Fc\t', {}), ['a', 'b', 'return', 'backspace', 'c', 'tab']);
	assert.deepEqual(keyNames('', {downArrow: true}), ['down']);
	assert.deepEqual(keyNames('c', {ctrl: true}), ['ctrl+c']);
	assert.deepEqual([modeOf({overlay: null, editingFilter: false}), modeOf({overlay: null, editingFilter: true}), modeOf({overlay: 'detail', editingFilter: true})], ['main', 'filter', 'detail']);
	assert.equal(modeOf({overlay: 'logs', editingFilter: false, log: {editing: null}}), 'logs');
	assert.equal(modeOf({overlay: 'logs', editingFilter: true, log: {editing: 'search'}}), 'logInput');
});

test('keys resolve by mode, overlays first', () => {
	const cases: Array<[string, Mode, string | null]> = [
		['j', 'main', 'cursor.down'],
		['down', 'main', 'cursor.down'],
		['G', 'main', 'cursor.last'],
		['pageup', 'main', 'cursor.pageUp'],
		['/', 'main', 'filter.start'],
		['q', 'main', 'quit'],
		['?', 'main', 'help.toggle'],
		['q', 'help', 'help.close'],
		['j', 'help', 'help.down'],
		['x', 'help', null],
		['q', 'filter', 'filter.input'],
		['?', 'filter', 'filter.input'],
		['return', 'filter', 'filter.accept'],
		['escape', 'filter', 'filter.cancel'],
		['ctrl+c', 'filter', 'quit'],
		['ctrl+c', 'help', 'quit'],
		['x', 'main', 'holder.request'],
		['z', 'main', null],
		['K', 'process', 'holder.kill'],
		['escape', 'process', 'confirm.no'],
		['return', 'main', 'detail.open'],
		['j', 'detail', 'detail.down'],
		['pagedown', 'detail', 'detail.pageDown'],
		['escape', 'detail', 'detail.close'],
		['q', 'detail', 'detail.close'],
		['/', 'detail', null],
		['space', 'filter', 'filter.input'],
		['up', 'filter', null],
		['t', 'main', 'logs.open'],
		['T', 'main', 'logs.group'],
		['E', 'main', 'logs.trouble'],
		['s', 'logs', 'logs.save'],
		['s', 'main', 'container.stop'],
		['/', 'logs', 'logs.search'],
		['n', 'logs', 'logs.older'],
		['N', 'logs', 'logs.newer'],
		['f', 'logs', 'logs.filter'],
		['q', 'logs', 'logs.close'],
		['q', 'logInput', 'logInput.input'],
		['n', 'logInput', 'logInput.input'],
		['return', 'logInput', 'logInput.accept'],
		['escape', 'logInput', 'logInput.cancel'],
		['backspace', 'logInput', 'logInput.backspace'],
		['tab', 'logInput', null],
	];
	for (const [name, mode, action] of cases) assert.equal(resolveKey(name, mode)?.action ?? null, action, `${name} in ${mode}`);
	assert.deepEqual(resolveKey('a', 'filter'), {action: 'filter.input', text: 'a'});
	assert.deepEqual(resolveKey('space', 'filter'), {action: 'filter.input', text: ' '});
});

test('no key is bound twice in one scope', () => {
	const seen = new Set<string>();
	for (const binding of bindings) {
		for (const key of binding.keys) {
			const id = `${binding.scope}:${key}`;
			assert.ok(!seen.has(id), `${id} bound twice`);
			seen.add(id);
		}
	}
});

test('help lists every binding; the footer names the main keys', () => {
	const labels = helpSections().flatMap((section) => section.entries.map((entry) => entry.label));
	for (const binding of bindings) assert.ok(labels.includes(binding.label), binding.label);
	assert.equal(footerHints('main'), 'j/↓ move  Enter details  t tail  E trouble  o procs  b break loop  / filter  ? help  q quit');
});

test('help lines spread over columns of equal height', () => {
	const sections = helpSections();
	const lines = sections.reduce((sum, section) => sum + section.entries.length + 1, 0);
	assert.equal(helpGrid(sections, 1)[0]!.length, lines);
	const grid = helpGrid(sections, 3);
	assert.equal(grid.length, 3);
	assert.ok(grid.every((column) => column.length <= Math.ceil(lines / 3)), 'columns of equal height');
	assert.deepEqual(grid.flat().filter((line) => line.kind === 'entry').map((line) => line.label), sections.flatMap((section) => section.entries.map((entry) => entry.label)), 'nothing lost, order kept');
});
