import type {Tone} from '../domain/trouble.js';

export const toneColor: Record<Tone, string | undefined> = {bad: 'red', warn: 'yellow', ok: 'green', dim: 'gray'};
