import {join} from 'node:path';
import {render} from 'ink';
import {App} from './app.js';
import type {Settings} from './config.js';
import {createActionRunner} from './store/action-runner.js';
import {connectSources} from './store/connect.js';
import {createFleetStore, thresholdsFrom} from './store/fleet-store.js';
import {createLogSaver} from './store/log-save.js';
import {createProgramRunner} from './store/program-runner.js';
import {enterFullScreen, restoreTerminal} from './terminal.js';
import {keepInkLinesAcrossFrames} from './ui/ink-line-cache.js';

const signalNumbers: Record<string, number> = {SIGINT: 2, SIGTERM: 15, SIGHUP: 1};

export async function runInteractive(settings: Settings): Promise<number> {
	const store = createFleetStore({thresholds: thresholdsFrom(settings), readOnly: settings.readOnly});
	await keepInkLinesAcrossFrames();
	enterFullScreen();
	process.on('exit', () => restoreTerminal());

	const connection = connectSources(store, settings);
	const actions = createActionRunner(store, connection.act, connection.stopHostProcess);
	const saveLog = createLogSaver(store, join(settings.stateDir, 'logs'));
	// 60 frames a second at most: a key must not wait long behind a frame drawn for a log flood.
	const programs = createProgramRunner(store, connection.actOnProgram);
	const instance = render(<App store={store} actions={actions} programs={programs} saveLog={() => void saveLog()} />, {exitOnCtrlC: false, maxFps: 60});

	const shutDown = (code: number, message?: string) => {
		try {
			instance.unmount();
		} catch {
			// Ink may already be gone after a crash inside React.
		}
		connection.stop();
		restoreTerminal();
		if (message) process.stderr.write(message);
		process.exit(code);
	};
	for (const signal of Object.keys(signalNumbers)) {
		process.on(signal, () => shutDown(128 + (signalNumbers[signal] ?? 0)));
	}
	const crash = (error: unknown) =>
		shutDown(1, `fleettop crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nPlease report this with the lines above.\n`);
	process.on('uncaughtException', crash);
	process.on('unhandledRejection', crash);
	// Lets the end-to-end test prove that a crash restores the terminal.
	const crashAfter = Number(process.env['FLEETTOP_TEST_CRASH_AFTER_MS']);
	if (crashAfter > 0) setTimeout(() => {
		throw new Error('crash requested by FLEETTOP_TEST_CRASH_AFTER_MS');
	}, crashAfter);

	await instance.waitUntilExit();
	connection.stop();
	restoreTerminal();
	return 0;
}
