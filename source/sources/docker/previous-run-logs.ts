import type Docker from 'dockerode';
import type {ContainerRecord} from '../../domain/container.js';
import type {ContainerEvidence, LogLine} from '../../domain/evidence.js';
import {createDemuxer} from './log-frames.js';

// The last lines of the run that died. A looping container may already run again and have
// printed nothing useful yet, so the tail ends where the failed run finished (`until` =
// State.FinishedAt); otherwise it is the tail of the log.

export const evidenceTail = 40;

export function wantsEvidence(record: ContainerRecord): boolean {
	if (!record.inspected) return false;
	if (record.oomKilled || record.state === 'restarting' || record.state === 'dead') return true;
	if (record.health === 'unhealthy') return true;
	return record.exitCode !== null && record.exitCode !== 0;
}

/** Changes when there is a new run to read: the same run is read once. */
export function evidenceVersion(record: ContainerRecord): string {
	return `${record.startedAt}:${record.finishedAt}:${record.health === 'unhealthy'}`;
}

/**
 * Where the failed run's lines end: a loop may have started its next run by the time the logs
 * are read. Null reads the current tail: an unhealthy service that merely outlived an engine
 * restart is read where it is now (a running container's exit code comes from `die` events).
 */
function failedRunEnd(record: ContainerRecord): number | null {
	const failed = record.oomKilled || (record.exitCode !== null && record.exitCode !== 0);
	return failed ? record.finishedAt : null;
}

export async function readPreviousRunLogs(docker: Docker, record: ContainerRecord, signal: AbortSignal): Promise<ContainerEvidence> {
	const until = failedRunEnd(record);
	const buffer = await docker.getContainer(record.id).logs({
		stdout: true,
		stderr: true,
		timestamps: true,
		tail: evidenceTail,
		follow: false,
		// Seconds with a fraction; a millisecond later so the run's last line is included.
		...(until === null ? {} : {until: ((until + 1) / 1000).toFixed(3)}),
		abortSignal: signal,
	});
	const lines: LogLine[] = [];
	const demuxer = createDemuxer(Boolean(record.details?.tty), (line) => lines.push(line));
	demuxer.push(Buffer.isBuffer(buffer) ? buffer : Buffer.from(String(buffer)));
	demuxer.end();
	return {finishedAt: record.finishedAt, lines: lines.slice(-evidenceTail), error: null};
}
