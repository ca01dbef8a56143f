/**
 * Consecutive repeats as one item with a count (the last of them kept): a retry loop's log is
 * one message many times.
 */
export function collapseRepeats<T>(items: T[], same: (a: T, b: T) => boolean): Array<{entry: T; count: number}> {
	const collapsed: Array<{entry: T; count: number}> = [];
	for (const entry of items) {
		const last = collapsed.at(-1);
		if (last && same(last.entry, entry)) {
			last.count++;
			last.entry = entry;
		} else {
			collapsed.push({entry, count: 1});
		}
	}
	return collapsed;
}
