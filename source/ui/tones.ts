import type {Severity} from '../domain/diagnosis/finding.js';
import type {Tone} from '../domain/trouble.js';

export const toneColor: Record<Tone, string | undefined> = {bad: 'red', warn: 'yellow', ok: 'green', dim: 'gray'};

export const severityColor: Record<Severity, string> = {critical: 'red', warning: 'yellow', info: 'gray'};
