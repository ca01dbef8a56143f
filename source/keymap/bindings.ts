// Every key fleettop answers to, as data: the resolver, the help screen and the footer all read
// this table, so a key cannot work without being documented or be documented without working.

export type ActionName =
	| 'cursor.down'
	| 'cursor.up'
	| 'cursor.first'
	| 'cursor.last'
	| 'cursor.pageDown'
	| 'cursor.pageUp'
	| 'filter.start'
	| 'filter.clear'
	| 'filter.accept'
	| 'filter.cancel'
	| 'filter.backspace'
	| 'detail.open'
	| 'detail.close'
	| 'detail.down'
	| 'detail.up'
	| 'detail.pageDown'
	| 'detail.pageUp'
	| 'help.toggle'
	| 'help.close'
	| 'quit';

/** Where a binding applies: `always` works in every mode, `main` only when nothing is open. */
export type Scope = 'main' | 'filter' | 'detail' | 'help' | 'always';

export interface Binding {
	keys: string[];
	action: ActionName;
	scope: Scope;
	label: string;
	/** Short word for the footer; bindings without one appear only in help. */
	footer?: string;
	/** Changes containers: needs confirmation (none yet; actions arrive with the actions issue). */
	dangerous?: boolean;
}

export const bindings: Binding[] = [
	{keys: ['j', 'down'], action: 'cursor.down', scope: 'main', label: 'Select the next container', footer: 'move'},
	{keys: ['k', 'up'], action: 'cursor.up', scope: 'main', label: 'Select the previous container'},
	{keys: ['g', 'home'], action: 'cursor.first', scope: 'main', label: 'Select the first container'},
	{keys: ['G', 'end'], action: 'cursor.last', scope: 'main', label: 'Select the last container'},
	{keys: ['pagedown', 'ctrl+d'], action: 'cursor.pageDown', scope: 'main', label: 'Page down'},
	{keys: ['pageup', 'ctrl+u'], action: 'cursor.pageUp', scope: 'main', label: 'Page up'},
	{keys: ['return'], action: 'detail.open', scope: 'main', label: 'Details: why it fails, logs, health, restarts', footer: 'details'},
	{keys: ['/'], action: 'filter.start', scope: 'main', label: 'Filter by name, image or compose project', footer: 'filter'},
	{keys: ['escape'], action: 'filter.clear', scope: 'main', label: 'Clear the filter'},
	{keys: ['return'], action: 'filter.accept', scope: 'filter', label: 'Keep the filter and go back to the list'},
	{keys: ['escape'], action: 'filter.cancel', scope: 'filter', label: 'Clear the filter and go back to the list'},
	{keys: ['backspace'], action: 'filter.backspace', scope: 'filter', label: 'Delete the last character'},
	{keys: ['j', 'down'], action: 'detail.down', scope: 'detail', label: 'Scroll down'},
	{keys: ['k', 'up'], action: 'detail.up', scope: 'detail', label: 'Scroll up'},
	{keys: ['pagedown', 'ctrl+d', 'space'], action: 'detail.pageDown', scope: 'detail', label: 'Page down'},
	{keys: ['pageup', 'ctrl+u'], action: 'detail.pageUp', scope: 'detail', label: 'Page up'},
	{keys: ['escape', 'q'], action: 'detail.close', scope: 'detail', label: 'Back to the list', footer: 'back'},
	{keys: ['?'], action: 'help.toggle', scope: 'main', label: 'Show this help', footer: 'help'},
	{keys: ['escape', '?', 'q'], action: 'help.close', scope: 'help', label: 'Close the help'},
	{keys: ['q'], action: 'quit', scope: 'main', label: 'Quit', footer: 'quit'},
	{keys: ['ctrl+c'], action: 'quit', scope: 'always', label: 'Quit from anywhere'},
];
