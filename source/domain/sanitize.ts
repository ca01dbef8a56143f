import stripAnsi from 'strip-ansi';

// Text from containers (names, labels, images, log lines) is untrusted: a crafted label could
// set the terminal title, write the clipboard (OSC 52) or clear the screen. strip-ansi removes
// well-formed escape sequences; whatever control bytes remain (a lone ESC, BEL, C1 controls,
// a truncated sequence) are replaced so nothing reaches the terminal with its effect intact.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export function sanitizeText(text: string): string {
	return stripAnsi(text).replace(controlCharacters, '\uFFFD').replace(/[\t\n]/g, ' ');
}
