// The alternate screen, entered at start and left on every exit path (quit, Ctrl-C, SIGTERM,
// crash): an operator must never be left with a dead terminal on a host that is on fire.

const enterAlternateScreen = '\u001B[?1049h\u001B[H';
const leaveAlternateScreen = '\u001B[?1049l';
const showCursor = '\u001B[?25h';

let active = false;

export function enterFullScreen(stdout: NodeJS.WriteStream = process.stdout): void {
	if (active) return;
	active = true;
	stdout.write(enterAlternateScreen);
}

/** Idempotent, synchronous, safe to call from 'exit' handlers. */
export function restoreTerminal(stdout: NodeJS.WriteStream = process.stdout, stdin: NodeJS.ReadStream = process.stdin): void {
	if (!active) return;
	active = false;
	try {
		if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
	} catch {
		// stdin already closed: nothing to restore there.
	}
	stdout.write(showCursor + leaveAlternateScreen);
}
