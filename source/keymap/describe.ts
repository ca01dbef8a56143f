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
	const order: Scope[] = ['main', 'detail', 'confirm', 'process', 'results', 'filter', 'help', 'always'];
	return order
		.map((scope) => ({
			title: sectionTitles[scope],
			entries: table.filter((binding) => binding.scope === scope).map((binding) => ({keys: binding.keys.map(keyLabel).join(' '), label: binding.label})),
		}))
		.filter((section) => section.entries.length > 0);
}

/** "j/↓ move  / filter  ? help  q quit": the first key of each binding that has a footer word. */
export function footerHints(scope: Scope, table: Binding[] = defaultBindings): string {
	return table
		.filter((binding) => binding.scope === scope && binding.footer)
		.map((binding) => `${binding.keys.slice(0, 2).map(keyLabel).join('/')} ${binding.footer}`)
		.join('  ');
}

/** Lines a section takes on screen: its title and one per entry. */
const sectionLines = (section: HelpSection) => section.entries.length + 1;

/** A section taller than a column goes on in the next one, titled "… (more)". */
function splitTall(section: HelpSection, height: number): HelpSection[] {
	const per = Math.max(height - 1, 1);
	if (section.entries.length <= per) return [section];
	const parts: HelpSection[] = [];
	for (let start = 0; start < section.entries.length; start += per) {
		parts.push({title: start === 0 ? section.title : `${section.title} (more)`, entries: section.entries.slice(start, start + per)});
	}
	return parts;
}

/**
 * Sections spread over as few columns as fit `height` lines, filled in order; a section is split
 * only when it is taller than a column (so the help fits 80x24 without cutting anything off).
 */
export function helpColumns(sections: HelpSection[], height: number): HelpSection[][] {
	const columns: HelpSection[][] = [[]];
	let used = 0;
	for (const section of sections.flatMap((entry) => splitTall(entry, height))) {
		const current = columns[columns.length - 1]!;
		if (current.length > 0 && used + sectionLines(section) > height) {
			columns.push([section]);
			used = sectionLines(section);
		} else {
			current.push(section);
			used += sectionLines(section);
		}
	}
	return columns;
}
