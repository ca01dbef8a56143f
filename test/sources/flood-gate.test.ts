import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {LogLine} from '../../source/domain/evidence.js';
import {countLines, createFloodGate, skippedText} from '../../source/sources/docker/flood-gate.js';
import {createDemuxer} from '../../source/sources/docker/log-frames.js';

function frame(stream: 1 | 2, text: string): Buffer {
	const payload = Buffer.from(text);
	const header = Buffer.alloc(8);
	header[0] = stream;
	header.writeUInt32BE(payload.length, 4);
	return Buffer.concat([header, payload]);
}

test('flood gate: a share per 100 ms window, history let through, skipped lines counted', () => {
	let now = 0;
	const gate = createFloodGate(100, 3, () => now);
	const taken = () => Array.from({length: 20}, () => gate.take()).filter(Boolean).length;
	assert.equal(taken(), 3 + 10, 'the history, then 10 lines in this window (100 a second)');
	assert.equal(gate.open(), false);
	now += 99;
	assert.equal(taken(), 0);
	now += 1;
	assert.equal(gate.open(), true);
	assert.equal(taken(), 10);
	gate.skip(5);
	gate.skip(7);
	assert.equal(gate.drainSkipped(), 12);
	assert.equal(gate.drainSkipped(), 0);
	assert.equal(countLines(Buffer.from('a\nb\n\nc')), 3);
	assert.equal(skippedText(12345, 4000), '… 12 345 lines skipped: the log prints more than 4 000 a second …');
});

test('demuxer with a gate: frames past the rate are counted, not decoded, and no line comes out garbled', () => {
	let now = 0;
	const gate = createFloodGate(20, 0, () => now);
	const lines: LogLine[] = [];
	const demuxer = createDemuxer(false, (line) => lines.push(line), gate);
	// Two lines a frame; the gate lets 2 a window through.
	for (let index = 0; index < 10; index++) demuxer.push(frame(1, `a${index}\nb${index}\n`));
	assert.deepEqual(lines.map((line) => line.text), ['a0', 'b0']);
	assert.equal(gate.drainSkipped(), 18);
	now += 100;
	// A frame cut mid-line while the gate was shut: the rest of that line is not a line of its own.
	const shutGate = createFloodGate(10, 0, () => now);
	const kept: LogLine[] = [];
	const cut = createDemuxer(true, (line) => kept.push(line), shutGate);
	cut.push(Buffer.from('one\n'));
	cut.push(Buffer.from('two\nthr'));
	now += 100;
	cut.push(Buffer.from('ee\nfour\n'));
	cut.end();
	assert.deepEqual(kept.map((line) => line.text), ['one', 'four']);
	assert.equal(shutGate.drainSkipped(), 1, '"two" counted; "three" was cut in half and is dropped');
});
