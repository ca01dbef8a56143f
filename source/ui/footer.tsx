import {Text} from 'ink';
import {footerHints} from '../keymap/describe.js';

export interface FooterProps {
	editingFilter: boolean;
	filter: string;
}

export function Footer({editingFilter, filter}: FooterProps) {
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
	return <Text dimColor wrap="truncate">{footerHints('main')}</Text>;
}
