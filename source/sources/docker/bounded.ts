// Docker 20.10 has been seen to never answer a call (during mass removals): every engine call
// that is not a stream goes through here, so a hung daemon costs a timeout, never a frozen UI.

export class EngineTimeoutError extends Error {
	constructor(readonly what: string, readonly ms: number) {
		super(`${what} timed out after ${ms / 1000}s`);
	}
}

export async function bounded<T>(what: string, ms: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
	const controller = new AbortController();
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => {
			controller.abort();
			reject(new EngineTimeoutError(what, ms));
		}, ms);
	});
	try {
		return await Promise.race([call(controller.signal), timeout]);
	} finally {
		clearTimeout(timer);
	}
}
