import {bindings as defaultBindings, type Binding, type Scope} from './bindings.js';

// The help screen and the footer, generated from the bindings table.

const keyLabels: Record<string, string> = {
	up: '↑', down: '↓', pageup: 'PgUp', pagedown: 'PgDn', home: 'Home', end: 'End',
	return: 'Enter', escape: 'Esc', backspace: 'Backspace', tab: 'Tab', space: 'Space',
};

export function keyLabel(name: string): string {
	if (name.startsWith('ctrl+')) return `Ctrl-${name.slice(5).toUpperCase()}`;
	return keyLabels[name] ?? name;
}

const sectionTitles: Record<Scope, string> = {
	main: 'Containers',
	filter: 'While typing a filter',
	detail: 'In a container\'s details',
	list: 'In the processes and ports views',
	logs: 'In the log',
	logInput: 'While typing a log search or filter',
	programs: 'In the supervisord view (and the list keys)',
	confirm: 'When asked to confirm',
	process: 'When asked to stop a host process',
	results: 'In the results of an ordered restart',
	help: 'In this help',
	always: 'Anywhere',
};

export interface HelpSection {
	title: string;
	entries: Array<{keys: string; label: string}>;
}

export function helpSections(table: Binding[] = defaultBindings): HelpSection[] {
	const order: Scope[] = ['main', 'detail', 'logs', 'logInput', 'programs', 'list', 'confirm', 'process', 'results', 'filter', 'help', 'always'];
	return order
		.map((scope) => ({
			title: sectionTitles[scope],
			entries: table.filter((binding) => binding.scope === scope).map((binding) => ({keys: binding.keys.map(keyLabel).join(' '), label: binding.label})),
		}))
		.filter((section) => section.entries.length > 0);
}

/** "j/↓ move  / filter  ? help  q quit": the first key of each binding that has a footer word. */
/** The footer of a mode: the hints of each of its scopes (the supervisord view adds the list's). */
export function footerHints(scope: Scope | Scope[], table: Binding[] = defaultBindings): string {
	const scopes: Scope[] = Array.isArray(scope) ? scope : [scope];
	return table
		.filter((binding) => scopes.includes(binding.scope) && binding.footer)
		.map((binding) => `${binding.keys.slice(0, 2).map(keyLabel).join('/')} ${binding.footer}`)
		.join('  ');
}

export interface HelpLine {
	kind: 'title' | 'entry';
	keys: string;
	label: string;
}

/** The help as lines in `columns` columns of equal height (sections may continue in the next). */
export function helpGrid(sections: HelpSection[], columns: number): HelpLine[][] {
	const lines: HelpLine[] = sections.flatMap((section) => [
		{kind: 'title' as const, keys: '', label: section.title},
		...section.entries.map((entry) => ({kind: 'entry' as const, keys: entry.keys, label: entry.label})),
	]);
	const perColumn = Math.ceil(lines.length / Math.max(columns, 1));
	return Array.from({length: Math.max(columns, 1)}, (_, index) => lines.slice(index * perColumn, (index + 1) * perColumn));
}
