import {Text} from 'ink';
import type {Binding, Scope} from '../keymap/bindings.js';
import {footerHints} from '../keymap/describe.js';

export interface FooterProps {
	editingFilter: boolean;
	filter: string;
	/** Whose keys to hint: the list's or the open view's. */
	scope: Scope | Scope[];
	bindings: Binding[];
}

export function Footer({editingFilter, filter, scope, bindings}: FooterProps) {
	if (editingFilter) {
		return (
			<Text wrap="truncate">
				<Text color="yellow">/</Text>
				{filter}
				<Text inverse> </Text>
				<Text dimColor>{'   Enter keep · Esc clear'}</Text>
			</Text>
		);
	}
	return <Text dimColor wrap="truncate">{footerHints(scope, bindings)}</Text>;
}
