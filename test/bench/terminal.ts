// A program in a real terminal (tmux) for the benchmarks, so that a time measured is what an
// operator waits for: from a key sent (or the start) to the frame that shows its effect arriving
// at the terminal, read from tmux's control mode as it happens.
import {execFileSync, spawn} from 'node:child_process';
import {createInterface} from 'node:readline';
import {controlOutput, createFrameReader} from './ink-frames.js';

export interface Terminal {
	/** The pid of the program in the pane (tmux starts it through `env`, which execs it). */
	pid(): number;
	/** The screen as tmux has it (capture-pane). */
	screen(): string;
	keys(...keys: string[]): void;
	/** Types text literally. */
	type(text: string): void;
	/**
	 * Ms from `since` (default: now) until the frame that made the screen match reached the
	 * terminal; 0 or the time to the call if the screen matched already.
	 */
	waitFor(pattern: RegExp | ((screen: string) => boolean), timeoutMs: number, since?: number): Promise<number>;
	close(): void;
}

const tmux = (...args: string[]) => execFileSync('tmux', args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});

interface Waiter {
	matches(screen: string): boolean;
	since: number;
	resolve(ms: number): void;
}

export function openTerminal(name: string, command: string, size = {columns: 160, rows: 50}): Terminal {
	const session = `${name}-${process.pid}`;
	tmux('new-session', '-d', '-s', session, '-x', String(size.columns), '-y', String(size.rows), command);
	const screen = () => {
		try {
			return tmux('capture-pane', '-t', session, '-p');
		} catch {
			return ''; // The session is gone: the program ended.
		}
	};
	const waiters = new Set<Waiter>();
	const shown = (text: string, at: number) => {
		for (const waiter of waiters) {
			if (!waiter.matches(text)) continue;
			waiters.delete(waiter);
			waiter.resolve(Math.max(0, at - waiter.since));
		}
	};
	let lastFrame: string | null = null;
	let outputAt = 0;
	const read = createFrameReader((text) => {
		lastFrame = text;
		shown(text, outputAt);
	});
	// A program that draws no Ink frames (`docker stats`), or Ink before its first: the screen is
	// asked after each write, and a time read this way is late by as long as a capture takes.
	let captureQueued = false;
	const capture = () => {
		captureQueued = false;
		if (lastFrame === null && waiters.size > 0) shown(screen(), outputAt);
	};
	// A control-mode client reports each write to the pane as a %output line, as it happens.
	const control = spawn('tmux', ['-C', 'attach-session', '-t', session], {stdio: ['pipe', 'pipe', 'ignore']});
	createInterface({input: control.stdout}).on('line', (line) => {
		const output = controlOutput(line);
		if (output === null) return;
		outputAt = performance.now();
		read(output);
		if (lastFrame === null && !captureQueued) {
			captureQueued = true;
			setImmediate(capture);
		}
	});
	return {
		pid: () => Number(tmux('display-message', '-t', session, '-p', '#{pane_pid}').trim()),
		screen,
		keys: (...keys) => void tmux('send-keys', '-t', session, ...keys),
		type: (text) => void tmux('send-keys', '-t', session, '-l', text),
		waitFor(pattern, timeoutMs, since = performance.now()) {
			const matches = typeof pattern === 'function' ? pattern : (text: string) => pattern.test(text);
			return new Promise((resolve, reject) => {
				// The last frame is the screen, and reading it costs nothing; before any frame, ask tmux.
				if (matches(lastFrame ?? screen())) return resolve(Math.max(0, performance.now() - since));
				const timer = setTimeout(() => {
					waiters.delete(waiter);
					reject(new Error(`the screen never showed ${pattern}:\n${screen()}`));
				}, timeoutMs);
				const waiter: Waiter = {
					matches,
					since,
					resolve(ms) {
						clearTimeout(timer);
						resolve(ms);
					},
				};
				waiters.add(waiter);
			});
		},
		close() {
			control.stdin.end();
			control.kill();
			try {
				tmux('kill-session', '-t', session);
			} catch {
				// Already gone.
			}
		},
	};
}
