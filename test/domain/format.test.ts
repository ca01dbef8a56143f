import assert from 'node:assert/strict';
import {test} from 'node:test';
import {formatBytes, formatDuration, formatPercent} from '../../source/domain/format.js';
import {sanitizeText} from '../../source/domain/sanitize.js';

test('bytes', () => {
	const cases: Array<[number, string]> = [[0, '0B'], [999, '999B'], [1536, '1.5K'], [16 * 1024 ** 2, '16M'], [25276063744, '24G'], [-5, '0B']];
	for (const [bytes, text] of cases) assert.equal(formatBytes(bytes), text, String(bytes));
});

test('durations fit five characters', () => {
	const cases: Array<[number, string]> = [[0, '0s'], [42_000, '42s'], [60_000, '1m'], [3_720_000, '1h2m'], [7_200_000, '2h'], [36_000_000 + 60_000, '10h'], [3 * 86_400_000, '3d'], [400 * 86_400_000, '57w']];
	for (const [ms, text] of cases) {
		assert.equal(formatDuration(ms), text, String(ms));
		assert.ok(text.length <= 5);
	}
});

test('percent', () => {
	assert.equal(formatPercent(0), '0.0%');
	assert.equal(formatPercent(3.14159), '3.1%');
	assert.equal(formatPercent(50.99), '51%');
	assert.equal(formatPercent(153.2), '153%');
});

test('untrusted text loses its control sequences', () => {
	const cases: Array<[string, string]> = [
		['plain-name', 'plain-name'],
		['\u001B]0;pwned title\u0007web', 'web'],
		['\u001B]52;c;ZXZpbA==\u0007x', 'x'],
		['\u001B[2J\u001B[Hclear', 'clear'],
		['\u001B[31mred\u001B[0m', 'red'],
		['bell\u0007 and c1 \u009B31mx', 'bell\uFFFD and c1 x'],
		['c1 osc \u009D0;t\u009C!', 'c1 osc \uFFFD0;t\uFFFD!'],
		['lone \u001B escape', 'lone scape'], // strip-ansi eats a lone ESC with what follows: ugly, but inert
		['tab\tand\nnewline', 'tab and newline'],
	];
	for (const [input, output] of cases) {
		assert.equal(sanitizeText(input), output, JSON.stringify(input));
		assert.ok(!/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(sanitizeText(input)));
	}
});
