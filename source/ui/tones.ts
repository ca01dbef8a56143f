import type {Severity} from '../domain/diagnosis/finding.js';
import type {Tone} from '../domain/trouble.js';

export const toneColor: Record<Tone, string | undefined> = {bad: 'red', warn: 'yellow', ok: 'green', dim: 'gray'};

/** Colour of a tone, or none for plain text. */
export function colorOf(tone: Tone | 'plain'): string | undefined {
	return tone === 'plain' ? undefined : toneColor[tone];
}

export const severityColor: Record<Severity, string> = {critical: 'red', warning: 'yellow', info: 'gray'};
