import assert from 'node:assert/strict';
import {test} from 'node:test';
import {controlOutput, createFrameReader} from './ink-frames.js';

// The bench times keys by these frames: a frame missed or merged would time the wrong one.

test('a %output line gives the bytes tmux escaped; other lines give nothing', () => {
	assert.equal(controlOutput(String.raw`%output %0 \033[2mup\033[22m a\134b\015\012`), '\u001B[2mup\u001B[22m a\\b\r\n');
	assert.equal(controlOutput('%output %12 plain text'), 'plain text');
	assert.equal(controlOutput('%begin 1796353409 30 0'), null);
	assert.equal(controlOutput('%exit'), null);
});

const bsu = '\u001B[?2026h';
const esu = '\u001B[?2026l';
const first = `${bsu}\u001B[2K\u001B[1A\u001B[2Kfleettop · 3 containers\r\n\u001B[7m▶ web\u001B[27m running\r\n${esu}`;
const second = `${bsu}\u001B[2K\u001B[1Afleettop · 3 containers\r\n  web running\r\n▶ db exited 1\r\n${esu}`;
const output = `\u001B[?1049h\u001B[?25l${first}stray${second}\u001B[?1049l`;

const framesOf = (pieces: string[]) => {
	const frames: string[] = [];
	const read = createFrameReader((text) => frames.push(text));
	for (const piece of pieces) read(piece);
	return frames;
};

test('each frame is read once, as the screen shows it, however the output is cut', () => {
	const expected = ['fleettop · 3 containers\n▶ web running\n', 'fleettop · 3 containers\n  web running\n▶ db exited 1\n'];
	assert.deepEqual(framesOf([output]), expected);
	for (let cut = 1; cut < output.length; cut++) {
		assert.deepEqual(framesOf([output.slice(0, cut), output.slice(cut)]), expected, `cut at ${cut}`);
	}
	assert.deepEqual(framesOf([...output]), expected, 'one character at a time');
});

test('an unfinished frame is not a frame yet', () => {
	assert.deepEqual(framesOf([first, second.slice(0, -esu.length)]), ['fleettop · 3 containers\n▶ web running\n']);
});
