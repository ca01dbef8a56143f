// Ink's Output class, named by the bundle only (source/bundle/build.mjs, source/ui/ink-line-cache.ts).
declare module 'ink-output' {
	const Output: unknown;
	export default Output;
}
