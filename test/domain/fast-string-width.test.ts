import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import fastStringWidth from '../../source/domain/fast-string-width.js';

// fastStringWidth must answer exactly as string-width, which it replaces in the bundle.

const cases: Array<[string, string]> = [
	['empty', ''],
	['ASCII', 'lab-api   running   0.5%'],
	['what fleettop draws', '▶ lab-api · exit 1 … ↻3/h ▾ ███▅▁▁▁ 0:8.7% ⚠ ✔ ✘ ─│┌'],
	['styled', '\u001B[31m● down\u001B[39m · \u001B[1mbold\u001B[22m'],
	['C1 control sequence introducer', '\u009B31mred\u009B0m ·'],
	['Latin-1 and a soft hyphen', 'café naïve Straße co\u00ADop ©®±×÷'],
	['combining accent: one cell for two characters', 'cafe\u0301 ·'],
	['variation selector makes an emoji wide', '⚠\uFE0F warning ·'],
	['zero-width joiner sequence', '👩‍💻 · dev'],
	['wide characters', '漢字 · 全角'],
	['Hangul jamo join', '\u1100\u1161 ·'],
	['fullwidth forms', 'ｱﾞ · ＡＢ'],
	['Devanagari with a vowel sign', 'क्षि ·'],
	['control characters', 'tab\there\u0007bell ·'],
	['a lone surrogate', 'bad \uD800 ·'],
	['an emoji from the astral planes', 'ok 🚀 ·'],
	['emoji-presentation symbols in the fast range', '⌚ ⏰ ☔ ⚡ ⬛ ⭐ ·'],
	['ambiguous width symbols', '± § ¶ ° ─ ═ ▲ ○ ◎ ★'],
];

test('widths as string-width gives them: styles, wide characters, clusters, controls', () => {
	for (const [what, text] of cases) assert.equal(fastStringWidth(text), stringWidth(text), `${what}: ${JSON.stringify(text)}`);
	assert.equal(fastStringWidth('漢字', {ambiguousIsNarrow: false}), stringWidth('漢字', {ambiguousIsNarrow: false}), 'options go to string-width');
	assert.equal(fastStringWidth('\u001B[31m', {countAnsiEscapeCodes: true}), stringWidth('\u001B[31m', {countAnsiEscapeCodes: true}));
});

test('every character up to U+2BFF, alone and between others, measures as string-width measures it', () => {
	const characters = Array.from({length: 0x2c00}, (_, code) => String.fromCharCode(code));
	for (const character of characters) {
		for (const text of [character, `a${character}b`, `${character}${character}`, `·${character}↻`]) assert.equal(fastStringWidth(text), stringWidth(text), JSON.stringify(text));
	}
	// Everything at once, in two orders: any character that joined its neighbour would show here.
	const printable = characters.filter((character) => !/\p{Cc}/u.test(character));
	assert.equal(fastStringWidth(printable.join('')), stringWidth(printable.join('')));
	assert.equal(fastStringWidth([...printable].reverse().join('')), stringWidth([...printable].reverse().join('')));
});
