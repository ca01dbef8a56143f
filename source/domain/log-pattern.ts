// Search and filter patterns of the log pane: plain text, or /a regex/; case never matters.

export interface LogPattern {
	/** Null when there is nothing to match (empty text or a broken regex). */
	regex: RegExp | null;
	/** Why a /regex/ could not be used, in words. */
	error: string | null;
}

const noPattern: LogPattern = {regex: null, error: null};

export function compilePattern(text: string): LogPattern {
	if (!text) return noPattern;
	const slashed = /^\/(.+)\/$/.exec(text);
	try {
		return {regex: new RegExp(slashed ? slashed[1]! : text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), error: null};
	} catch (error) {
		return {regex: null, error: `not a regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`};
	}
}

export function matches(pattern: RegExp, text: string): boolean {
	pattern.lastIndex = 0;
	return pattern.test(text);
}

/** Where the pattern matches in the text, as [start, end) pairs; empty matches are skipped. */
export function matchRanges(pattern: RegExp, text: string): Array<[number, number]> {
	const ranges: Array<[number, number]> = [];
	for (const match of text.matchAll(pattern)) {
		if (match[0].length > 0) ranges.push([match.index, match.index + match[0].length]);
		if (ranges.length >= 100) break;
	}
	return ranges;
}

// The words operators scan a log for; "not found" and "denied" as in "command not found",
// "permission denied".
const errorWords = /error|exception|traceback|fatal|panic|not found|denied|refused|killed/i;

export function isErrorLine(text: string): boolean {
	return errorWords.test(text);
}
