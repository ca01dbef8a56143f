import {bindings as defaultBindings, type ActionName, type Binding, type Scope} from './bindings.js';

// Raw key -> action. Overlays come first: while help is open or a filter is being typed, the
// main list's keys do not fire ('q' typed into a filter is a letter, not quit).

/** The subset of Ink's `Key` the resolver reads. */
export interface InkKey {
	upArrow?: boolean;
	downArrow?: boolean;
	pageUp?: boolean;
	pageDown?: boolean;
	home?: boolean;
	end?: boolean;
	return?: boolean;
	escape?: boolean;
	backspace?: boolean;
	delete?: boolean;
	tab?: boolean;
	ctrl?: boolean;
	meta?: boolean;
}

export type Mode = 'main' | 'filter' | 'detail' | 'logs' | 'logInput' | 'programs' | 'confirm' | 'process' | 'results' | 'list' | 'help';

export type Resolution = {action: ActionName} | {action: 'filter.input' | 'logInput.input'; text: string} | null;

export function keyName(input: string, key: InkKey): string {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.return) return 'return';
	if (key.escape) return 'escape';
	// Terminals send DEL (0x7f) for Backspace, which Ink reports as `delete`.
	if (key.backspace || key.delete) return 'backspace';
	if (key.tab) return 'tab';
	if (key.ctrl && input) return `ctrl+${input.toLowerCase()}`;
	if (input === ' ') return 'space';
	return input;
}

/**
 * Keys that arrive together (typing ahead over a slow ssh link, key repeat, a paste) reach us as
 * one string: "jjj" is three moves, not one unknown key.
 */
export function keyNames(input: string, key: InkKey): string[] {
	const plain = !key.ctrl && !key.meta && !key.escape && !key.return && !key.tab;
	if (plain && [...input].length > 1) return [...input].map((char) => keyName(char, controlKeys[char] ?? {}));
	return [keyName(input, key)];
}

/** Control characters inside a chunk, as Ink would have reported them alone. */
const controlKeys: Record<string, InkKey> = {'\r': {return: true}, '\n': {return: true}, '\t': {tab: true}, '\u007F': {delete: true}, '\b': {backspace: true}};

/** The mode the view is in: an open overlay first, then a filter being typed. */
export function modeOf(view: {overlay: Exclude<Mode, 'main' | 'filter' | 'list' | 'logInput' | 'programs'> | 'restart' | 'processes' | 'ports' | 'supervisors' | 'programConfirm' | null; editingFilter: boolean; log?: {editing: string | null} | null}): Mode {
	// An ordered restart is confirmed with the same keys as any other action.
	if (view.overlay === 'restart' || view.overlay === 'programConfirm') return 'confirm';
	if (view.overlay === 'supervisors') return 'programs';
	if (view.overlay === 'processes' || view.overlay === 'ports') return 'list';
	if (view.overlay === 'logs' && view.log?.editing) return 'logInput';
	return view.overlay ?? (view.editingFilter ? 'filter' : 'main');
}

const scopesByMode: Record<Mode, Scope[]> = {
	help: ['help', 'always'],
	filter: ['filter', 'always'],
	detail: ['detail', 'always'],
	confirm: ['confirm', 'always'],
	process: ['process', 'always'],
	results: ['results', 'always'],
	list: ['list', 'always'],
	logs: ['logs', 'always'],
	logInput: ['logInput', 'always'],
	// The supervisord view is a list with program keys on top ('s' stops a program there).
	programs: ['programs', 'list', 'always'],
	main: ['main', 'always'],
};

/** The scopes whose keys work in a mode, first match wins. */
export function scopesOf(mode: Mode): Scope[] {
	return scopesByMode[mode];
}

export function resolveKey(name: string, mode: Mode, table: Binding[] = defaultBindings): Resolution {
	for (const scope of scopesByMode[mode]) {
		const binding = table.find((candidate) => candidate.scope === scope && candidate.keys.includes(name));
		if (binding) return {action: binding.action};
	}
	if (mode !== 'filter' && mode !== 'logInput') return null;
	const action = mode === 'filter' ? 'filter.input' : 'logInput.input';
	if (name === 'space') return {action, text: ' '};
	// Named keys (up, tab, …) are not text: typed characters arrive one at a time (keyNames).
	if ([...name].length === 1 && name >= ' ') return {action, text: name};
	return null;
}
