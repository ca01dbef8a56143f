// Ink's frames as tmux's control mode reports them. Ink wraps each frame it writes to a terminal in
// a synchronized update (ESC[?2026h … ESC[?2026l) and rewrites the whole frame each time, so the
// text between the two marks, without its escape sequences, is what the screen shows afterwards.
// Timing from these reports needs no capture-pane: a capture costs 25-50 ms under load, during
// which the bench would read nothing and every time it took would read that much later.
import stripAnsi from 'strip-ansi';

const frameStart = '\u001B[?2026h';
const frameEnd = '\u001B[?2026l';

/** The bytes of a `%output %<pane> <data>` line (tmux escapes bytes below 32 and `\` as octal), or null for other lines. */
export function controlOutput(line: string): string | null {
	const match = /^%output %\d+ (.*)$/s.exec(line);
	if (!match) return null;
	return match[1]!.replaceAll(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));
}

/** The screen's lines as a frame draws them: escape sequences gone, CR LF (the terminal's line discipline) as LF. */
export function frameText(frame: string): string {
	return stripAnsi(frame).replaceAll('\r\n', '\n');
}

/**
 * Feeds output as it comes, in pieces cut anywhere; calls `onFrame` with each complete frame's text.
 * Output outside a frame (the alternate screen switched, the cursor hidden) is not a frame and is dropped.
 */
export function createFrameReader(onFrame: (text: string) => void): (output: string) => void {
	let pending = '';
	let inFrame = false;
	return (output) => {
		pending += output;
		for (;;) {
			const mark = inFrame ? frameEnd : frameStart;
			const at = pending.indexOf(mark);
			if (at < 0) {
				// A mark may be cut between two pieces: keep what could be its beginning.
				if (!inFrame) pending = pending.slice(Math.max(0, pending.length - mark.length + 1));
				return;
			}
			if (inFrame) onFrame(frameText(pending.slice(0, at)));
			pending = pending.slice(at + mark.length);
			inFrame = !inFrame;
		}
	};
}
