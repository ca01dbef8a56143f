/**
 * First visible row so that `selected` stays in view, moving the window as little as possible
 * from `previousTop` (the list does not jump when the selection moves inside it).
 */
export function scrollTop(selected: number, total: number, height: number, previousTop: number): number {
	if (height <= 0 || total <= height) return 0;
	let top = Math.min(Math.max(previousTop, 0), total - height);
	if (selected < top) top = selected;
	if (selected >= top + height) top = selected - height + 1;
	return top;
}
