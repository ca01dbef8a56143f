import type {ContainerRecord} from '../container.js';

// Crash loops from `die` events and RestartCount, never from State: a looping container reads
// `running` most of the time. Docker's restart manager waits 100 ms, doubling after every run
// shorter than 10 s, up to one minute; a longer run resets the wait (moby restartmanager).

export interface LoopThresholds {
	/** Restarts within the window above which a container counts as looping (default 3 per hour). */
	warnPerHour: number;
	windowMs: number;
}

export const defaultLoopThresholds: LoopThresholds = {warnPerHour: 3, windowMs: 3_600_000};

export interface LoopInfo {
	looping: boolean;
	/** Restarts seen within the window (the rate per hour over a one-hour window). */
	restartsInWindow: number;
	perHour: number;
	/** First restart of the current loop that fleettop knows of; null when not looping. */
	since: number | null;
	/** When Docker will start it again, estimated from its backoff; null when not waiting. */
	nextRestartAt: number | null;
}

const firstDelayMs = 100;
const maxDelayMs = 60_000;
const resetAfterRunMs = 10_000;

function restartsPolicy(record: ContainerRecord): boolean {
	return record.restartPolicy !== '' && record.restartPolicy !== 'no';
}

export function estimateNextRestart(record: ContainerRecord): number | null {
	if (record.state !== 'restarting' || !record.finishedAt) return null;
	const ran = record.startedAt ? record.finishedAt - record.startedAt : 0;
	const delay = ran >= resetAfterRunMs ? firstDelayMs : Math.min(firstDelayMs * 2 ** Math.min(record.restartCount, 20), maxDelayMs);
	return record.finishedAt + delay;
}

/** Docker waits at least this long only when the runs before kept ending within ten seconds. */
const grownBackoffMs = 1000;

/**
 * The engine's own view of a loop, for when its exits are not known: a busy engine remembers only
 * its last 256 events (the lab's, about 25 s), so a loop at the one-minute backoff may show no
 * exit at all, and reads `running` for the second each run lasts. Restarted by the engine at
 * least twice since it was last started by hand (which resets RestartCount), after a wait its
 * backoff only reaches when runs keep dying young, and running for less than the ten seconds
 * after which Docker forgives a run.
 */
function runOfALoop(record: ContainerRecord, now: number): boolean {
	if (record.state !== 'running' || record.restartCount < 2 || record.startedAt === null || record.finishedAt === null) return false;
	return record.startedAt - record.finishedAt >= grownBackoffMs && now - record.startedAt < resetAfterRunMs;
}

/** A rate measured over less than this is too noisy to call a loop. */
const minimumSpanMs = 10 * 60_000;

/**
 * `observedSince`: from when exits are known (fleettop cannot see restarts before it connected
 * beyond the engine's short event memory); the rate is measured over the part of the window
 * that was observed, and never over less than ten minutes.
 */
export function analyzeLoop(record: ContainerRecord, now: number, thresholds: LoopThresholds = defaultLoopThresholds, observedSince = now - thresholds.windowMs): LoopInfo {
	const recent = record.exits.filter((exit) => exit.at >= now - thresholds.windowMs);
	// The last exit of a container that stays down was not followed by a restart.
	const down = record.state === 'exited' || record.state === 'dead';
	const restartsInWindow = Math.max(0, recent.length - (down && recent.length > 0 ? 1 : 0));
	const span = Math.min(thresholds.windowMs, Math.max(now - observedSince, minimumSpanMs));
	const perHour = (restartsInWindow * 3_600_000) / span;
	const restarting = record.state === 'restarting';
	const looping = restartsPolicy(record) && !down && (restarting || runOfALoop(record, now) || (restartsInWindow >= 2 && perHour > thresholds.warnPerHour));
	const nextRestartAt = estimateNextRestart(record);
	return {
		looping,
		restartsInWindow,
		perHour,
		since: looping ? (recent[0]?.at ?? record.finishedAt) : null,
		nextRestartAt: nextRestartAt !== null && nextRestartAt > now ? nextRestartAt : null,
	};
}
