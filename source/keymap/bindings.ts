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
	| 'mark.toggle'
	| 'mark.shown'
	| 'mark.clear'
	| 'container.start'
	| 'container.stop'
	| 'container.restart'
	| 'container.kill'
	| 'container.pause'
	| 'container.unpause'
	| 'container.stopLoop'
	| 'container.rearm'
	| 'project.restart'
	| 'holder.request'
	| 'holder.term'
	| 'holder.kill'
	| 'results.close'
	| 'logs.open'
	| 'logs.group'
	| 'logs.trouble'
	| 'logs.up'
	| 'logs.down'
	| 'logs.pageUp'
	| 'logs.pageDown'
	| 'logs.first'
	| 'logs.follow'
	| 'logs.search'
	| 'logs.older'
	| 'logs.newer'
	| 'logs.filter'
	| 'logs.stderr'
	| 'logs.wrap'
	| 'logs.timestamps'
	| 'logs.save'
	| 'logs.close'
	| 'supervisors.open'
	| 'program.start'
	| 'program.stop'
	| 'program.restart'
	| 'program.tail'
	| 'logInput.accept'
	| 'logInput.cancel'
	| 'logInput.backspace'
	| 'host.toggle'
	| 'processes.open'
	| 'ports.open'
	| 'list.down'
	| 'list.up'
	| 'list.first'
	| 'list.last'
	| 'list.pageDown'
	| 'list.pageUp'
	| 'list.jump'
	| 'list.close'
	| 'list.sort'
	| 'confirm.yes'
	| 'confirm.no'
	| 'help.down'
	| 'help.up'
	| 'help.toggle'
	| 'help.close'
	| 'quit';

/** Where a binding applies: `always` works in every mode, `main` only when nothing is open. */
export type Scope = 'main' | 'filter' | 'detail' | 'logs' | 'logInput' | 'programs' | 'list' | 'confirm' | 'process' | 'results' | 'help' | 'always';

export interface Binding {
	keys: string[];
	action: ActionName;
	scope: Scope;
	label: string;
	/** Short word for the footer; bindings without one appear only in help. */
	footer?: string;
	/** Changes containers (or answers a question only actions ask): gone in --read-only mode. */
	changes?: boolean;
}

/** The table in effect: --read-only takes out every key that changes containers. */
export function activeBindings(readOnly: boolean, table: Binding[] = bindings): Binding[] {
	return readOnly ? table.filter((binding) => !binding.changes) : table;
}

export const bindings: Binding[] = [
	{keys: ['j', 'down'], action: 'cursor.down', scope: 'main', label: 'Next container', footer: 'move'},
	{keys: ['k', 'up'], action: 'cursor.up', scope: 'main', label: 'Previous container'},
	{keys: ['g', 'home'], action: 'cursor.first', scope: 'main', label: 'First container'},
	{keys: ['G', 'end'], action: 'cursor.last', scope: 'main', label: 'Last container'},
	{keys: ['pagedown', 'ctrl+d'], action: 'cursor.pageDown', scope: 'main', label: 'Page down'},
	{keys: ['pageup', 'ctrl+u'], action: 'cursor.pageUp', scope: 'main', label: 'Page up'},
	{keys: ['return'], action: 'detail.open', scope: 'main', label: 'Details: why it fails', footer: 'details'},
	{keys: ['t'], action: 'logs.open', scope: 'main', label: 'Tail its log, live across restarts', footer: 'tail'},
	{keys: ['T'], action: 'logs.group', scope: 'main', label: 'Logs of the marked containers interleaved, or of its compose project'},
	{keys: ['E'], action: 'logs.trouble', scope: 'main', label: 'Trouble: error lines of every failing container', footer: 'trouble'},
	{keys: ['h'], action: 'host.toggle', scope: 'main', label: 'Host pane on two lines or one'},
	{keys: ['o'], action: 'processes.open', scope: 'main', label: 'Host processes, zombies, and their containers', footer: 'procs'},
	{keys: ['l'], action: 'ports.open', scope: 'main', label: 'Listening ports and who holds them'},
	{keys: ['S'], action: 'supervisors.open', scope: 'main', label: 'supervisord programs, on the host and in containers'},
	{keys: ['space'], action: 'mark.toggle', scope: 'main', label: 'Mark / unmark, for bulk actions'},
	{keys: ['a'], action: 'mark.shown', scope: 'main', label: 'Mark all shown (what the filter matches)'},
	{keys: ['A'], action: 'mark.clear', scope: 'main', label: 'Clear the marks'},
	{keys: ['u'], action: 'container.start', scope: 'main', label: 'Start (up)', changes: true},
	{keys: ['s'], action: 'container.stop', scope: 'main', label: 'Stop (asks first)', changes: true},
	{keys: ['r'], action: 'container.restart', scope: 'main', label: 'Restart (asks first)', changes: true},
	{keys: ['K'], action: 'container.kill', scope: 'main', label: 'Kill (asks first)', changes: true},
	{keys: ['p'], action: 'container.pause', scope: 'main', label: 'Pause (asks first)', changes: true},
	{keys: ['P'], action: 'container.unpause', scope: 'main', label: 'Unpause', changes: true},
	{keys: ['b'], action: 'container.stopLoop', scope: 'main', label: 'Break a restart loop (asks first)', footer: 'break loop', changes: true},
	{keys: ['B'], action: 'container.rearm', scope: 'main', label: 'Re-arm a broken loop (asks first)', changes: true},
	{keys: ['R'], action: 'project.restart', scope: 'main', label: 'Restart its compose project in depends_on order (asks first)', changes: true},
	{keys: ['x'], action: 'holder.request', scope: 'main', label: 'Stop the host process holding its port (asks first)', changes: true},
	{keys: ['y', 'return'], action: 'holder.term', scope: 'process', label: 'SIGTERM, wait 5 s', changes: true},
	{keys: ['K'], action: 'holder.kill', scope: 'process', label: 'SIGTERM, then SIGKILL after 5 s', changes: true},
	{keys: ['n', 'escape', 'q'], action: 'confirm.no', scope: 'process', label: 'Cancel', changes: true},
	{keys: ['escape', 'return', 'q'], action: 'results.close', scope: 'results', label: 'Close the results', footer: 'close', changes: true},
	{keys: ['y', 'return'], action: 'confirm.yes', scope: 'confirm', label: 'Do it', changes: true},
	{keys: ['n', 'escape', 'q'], action: 'confirm.no', scope: 'confirm', label: 'Cancel', changes: true},
	{keys: ['/'], action: 'filter.start', scope: 'main', label: 'Filter: name, image, project, cause', footer: 'filter'},
	{keys: ['escape'], action: 'filter.clear', scope: 'main', label: 'Clear the filter'},
	{keys: ['return'], action: 'filter.accept', scope: 'filter', label: 'Keep the filter and go back to the list'},
	{keys: ['escape'], action: 'filter.cancel', scope: 'filter', label: 'Clear the filter and go back to the list'},
	{keys: ['backspace'], action: 'filter.backspace', scope: 'filter', label: 'Delete the last character'},
	{keys: ['j', 'down'], action: 'detail.down', scope: 'detail', label: 'Scroll down'},
	{keys: ['k', 'up'], action: 'detail.up', scope: 'detail', label: 'Scroll up'},
	{keys: ['pagedown', 'ctrl+d'], action: 'detail.pageDown', scope: 'detail', label: 'Page down'},
	{keys: ['pageup', 'ctrl+u'], action: 'detail.pageUp', scope: 'detail', label: 'Page up'},
	{keys: ['escape', 'q'], action: 'detail.close', scope: 'detail', label: 'Back to the list', footer: 'back'},
	{keys: ['k', 'up'], action: 'logs.up', scope: 'logs', label: 'Scroll back (pauses following)'},
	{keys: ['j', 'down'], action: 'logs.down', scope: 'logs', label: 'Scroll forward'},
	{keys: ['pageup', 'ctrl+u'], action: 'logs.pageUp', scope: 'logs', label: 'Page back'},
	{keys: ['pagedown', 'ctrl+d'], action: 'logs.pageDown', scope: 'logs', label: 'Page forward'},
	{keys: ['g', 'home'], action: 'logs.first', scope: 'logs', label: 'Oldest line kept'},
	{keys: ['G', 'end'], action: 'logs.follow', scope: 'logs', label: 'Follow the end again', footer: 'follow'},
	{keys: ['/'], action: 'logs.search', scope: 'logs', label: 'Search: text, or /regex/ (empty clears)', footer: 'search'},
	{keys: ['n'], action: 'logs.older', scope: 'logs', label: 'Older match'},
	{keys: ['N'], action: 'logs.newer', scope: 'logs', label: 'Newer match'},
	{keys: ['f'], action: 'logs.filter', scope: 'logs', label: 'Filter: only matching lines, text or /regex/ (empty clears)', footer: 'filter'},
	{keys: ['e'], action: 'logs.stderr', scope: 'logs', label: 'Only stderr, or everything', footer: 'stderr'},
	{keys: ['w'], action: 'logs.wrap', scope: 'logs', label: 'Wrap long lines, or cut them', footer: 'wrap'},
	{keys: ['c'], action: 'logs.timestamps', scope: 'logs', label: 'Timestamps on or off'},
	{keys: ['s'], action: 'logs.save', scope: 'logs', label: 'Save the whole buffer to a file', footer: 'save'},
	{keys: ['escape', 'q'], action: 'logs.close', scope: 'logs', label: 'Back to the containers', footer: 'back'},
	{keys: ['return'], action: 'logInput.accept', scope: 'logInput', label: 'Search or filter with what is typed', footer: 'apply'},
	{keys: ['escape'], action: 'logInput.cancel', scope: 'logInput', label: 'Leave it as it was', footer: 'cancel'},
	{keys: ['backspace'], action: 'logInput.backspace', scope: 'logInput', label: 'Delete the last character'},
	{keys: ['u'], action: 'program.start', scope: 'programs', label: 'Start the program or group', changes: true},
	{keys: ['s'], action: 'program.stop', scope: 'programs', label: 'Stop it (asks first)', footer: 'stop', changes: true},
	{keys: ['r'], action: 'program.restart', scope: 'programs', label: 'Restart it: stop, then start (asks first)', footer: 'restart', changes: true},
	{keys: ['t'], action: 'program.tail', scope: 'programs', label: 'Its stdout and stderr in the log pane', footer: 'output'},
	{keys: ['j', 'down'], action: 'list.down', scope: 'list', label: 'Next row'},
	{keys: ['k', 'up'], action: 'list.up', scope: 'list', label: 'Previous row'},
	{keys: ['g', 'home'], action: 'list.first', scope: 'list', label: 'First row'},
	{keys: ['G', 'end'], action: 'list.last', scope: 'list', label: 'Last row'},
	{keys: ['pagedown', 'ctrl+d'], action: 'list.pageDown', scope: 'list', label: 'Page down'},
	{keys: ['pageup', 'ctrl+u'], action: 'list.pageUp', scope: 'list', label: 'Page up'},
	{keys: ['return'], action: 'list.jump', scope: 'list', label: 'Go to the row\'s container', footer: 'go to container'},
	{keys: ['s'], action: 'list.sort', scope: 'list', label: 'Processes by CPU or by memory'},
	{keys: ['o'], action: 'processes.open', scope: 'list', label: 'Processes'},
	{keys: ['l'], action: 'ports.open', scope: 'list', label: 'Listening ports'},
	{keys: ['escape', 'q'], action: 'list.close', scope: 'list', label: 'Back to the containers', footer: 'back'},
	{keys: ['?'], action: 'help.toggle', scope: 'main', label: 'Show this help', footer: 'help'},
	{keys: ['j', 'down'], action: 'help.down', scope: 'help', label: 'Scroll down'},
	{keys: ['k', 'up'], action: 'help.up', scope: 'help', label: 'Scroll up'},
	{keys: ['escape', '?', 'q'], action: 'help.close', scope: 'help', label: 'Close the help'},
	{keys: ['q'], action: 'quit', scope: 'main', label: 'Quit', footer: 'quit'},
	{keys: ['ctrl+c'], action: 'quit', scope: 'always', label: 'Quit from anywhere'},
];
