import {formatBytes} from '../format.js';

// Exit codes in words an operator can act on. Docker's own codes (125-127) and 128+N signals
// follow `docker run`'s documentation; everything else is the application's own business.

export interface ExitExplanation {
	code: number;
	/** Short, for a table cell: "command not found". */
	label: string;
	/** One sentence: what it means and where to look. */
	meaning: string;
}

const signals: Record<number, string> = {
	1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 4: 'SIGILL', 5: 'SIGTRAP', 6: 'SIGABRT', 7: 'SIGBUS', 8: 'SIGFPE',
	9: 'SIGKILL', 10: 'SIGUSR1', 11: 'SIGSEGV', 12: 'SIGUSR2', 13: 'SIGPIPE', 14: 'SIGALRM', 15: 'SIGTERM',
};

const fixed: Record<number, Omit<ExitExplanation, 'code'>> = {
	0: {label: 'exited normally', meaning: 'The main process finished successfully; a service that should keep running has nothing left to do.'},
	1: {label: 'application error', meaning: 'The application reported a general error: the cause is in its last log lines.'},
	2: {label: 'misuse / bad arguments', meaning: 'The shell or program rejected its arguments or configuration (exit 2): check the command and its flags.'},
	101: {label: 'panic', meaning: 'Exit 101 is what a Rust program returns when it panics: the panic message is in the log.'},
	125: {label: 'docker run failed', meaning: 'The engine could not run the container (exit 125): see the engine error, often a bad option or a port already allocated.'},
	126: {label: 'not executable', meaning: 'The command was found but cannot be executed (exit 126): a permission bit, a wrong architecture or a directory.'},
	127: {label: 'command not found', meaning: 'The command or script does not exist in the image (exit 127): check the entrypoint, the command and PATH.'},
	134: {label: 'aborted (SIGABRT)', meaning: 'The process aborted itself (SIGABRT), usually a failed assertion or a fatal library error.'},
	139: {label: 'segfault (SIGSEGV)', meaning: 'The process crashed on invalid memory access (SIGSEGV): a native bug or an incompatible library.'},
	143: {label: 'terminated (SIGTERM)', meaning: 'The process was asked to stop (SIGTERM), by docker stop, an orchestrator or a person.'},
};

export function explainExit(code: number, oomKilled: boolean, memoryLimit: number | null): ExitExplanation {
	if (code === 137 || (oomKilled && code !== 0)) {
		if (oomKilled) {
			const limit = memoryLimit ? ` at its limit of ${formatBytes(memoryLimit)}` : ' (no container limit: the host ran out)';
			return {code, label: 'out of memory', meaning: `The kernel killed it for using too much memory${limit}: raise the limit or fix the leak.`};
		}
		return {code, label: 'killed (SIGKILL)', meaning: 'It was killed with SIGKILL (exit 137) without an OOM record: docker kill, a stop that timed out, or the host.'};
	}
	const known = fixed[code];
	if (known) return {code, ...known};
	if (code > 128 && code <= 128 + 64) {
		const signal = signals[code - 128] ?? `signal ${code - 128}`;
		return {code, label: `killed by ${signal}`, meaning: `The process ended on ${signal} (exit ${code} = 128 + ${code - 128}).`};
	}
	if (code < 0 || code > 255) return {code, label: 'engine error', meaning: `Exit ${code} is outside 0-255: the engine lost the process (e.g. it was restarted).`};
	return {code, label: 'application error', meaning: `Exit ${code} is the application's own code: nothing more is known, its last log lines may say.`};
}
