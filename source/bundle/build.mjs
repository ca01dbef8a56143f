// fleettop ships as one file: Node 20 spends over a second resolving and loading the few hundred
// modules of Ink, React and dockerode one by one, most of the time to a first frame (npm run bench).
import {chmod, readFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const leftOut = './source/bundle/left-out.cjs';
const outfile = 'dist/fleettop.js';

await build({
	absWorkingDir: root,
	entryPoints: ['cli.tsx'],
	outfile,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	// React's development build checks every render: several times the CPU, for nothing an
	// operator sees. Ink's React devtools are for developing Ink apps, not for running one.
	// Yoga's loader asks for `fetch` to read its own embedded WebAssembly, and merely asking makes
	// Node load undici (~150 ms at start); nothing else in the bundle uses it.
	define: {'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"', fetch: 'undefined'},
	alias: {
		// dockerode loads these at start for ssh:// engines and BuildKit builds, which fleettop
		// never uses: 1.5 MB of code to compile and ~12 MB of memory.
		ssh2: leftOut,
		'@grpc/grpc-js': leftOut,
		'@grpc/proto-loader': leftOut,
		protobufjs: leftOut,
		// Only imported when DEV=true, which the define above rules out.
		'react-devtools-core': leftOut,
		// Ink's Output class, whose frames fleettop assembles itself (source/ui/ink-line-cache.ts).
		'ink-output': './node_modules/ink/build/output.js',
	},
	// The CommonJS packages in the bundle expect these.
	banner: {
		js: [
			"import {createRequire as fleettopCreateRequire} from 'node:module';",
			"import {fileURLToPath as fleettopFileURLToPath} from 'node:url';",
			'const require = fleettopCreateRequire(import.meta.url);',
			'const __filename = fleettopFileURLToPath(import.meta.url);',
			"const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
		].join(' '),
	},
	plugins: [
		{
			// docker-modem formats every request's options with util.inspect (all depths, hidden
			// properties) for a debug line, even when nobody asked for debug output: 500 container
			// inspections at start cost ~20 ms of it. Formatted only when DEBUG=modem is set.
			name: 'modem-debug-when-asked',
			setup(bundle) {
				bundle.onLoad({filter: /[\\/]docker-modem[\\/]lib[\\/]modem\.js$/}, async (args) => {
					const source = await readFile(args.path, 'utf8');
					const patched = source.replace("debug('Sending: %s', util.inspect(", "debug.enabled && debug('Sending: %s', util.inspect(");
					if (patched === source) throw new Error('docker-modem changed: its request debug line is not where build.mjs expects it');
					return {contents: patched, loader: 'js'};
				});
			},
		},
		{
			// What Ink works out about each text every frame, remembered across frames and bounded
			// (source/ui/remembered-text.ts): its measureText kept every text forever; widest-line
			// and sanitize-ansi split and tokenized every row again each frame. Widths are measured
			// by source/domain/fast-string-width.ts, string-width's answers without its slow path.
			name: 'remembered-ink-text',
			setup(bundle) {
				const fromInk = (args) => /[\\/]ink[\\/]build$/.test(dirname(args.importer));
				bundle.onResolve({filter: /^\.\/measure-text\.js$/}, (args) => (fromInk(args) ? {path: join(root, 'source/ui/ink-measure-text.ts')} : undefined));
				bundle.onResolve({filter: /^widest-line$/}, (args) => (fromInk(args) ? {path: join(root, 'source/ui/ink-widest-line.ts')} : undefined));
				// Ink measures each character of a changed row; cli-truncate each truncated text.
				const measuresWidths = (args) => fromInk(args) || /[\\/]cli-truncate$/.test(dirname(args.importer));
				bundle.onResolve({filter: /^string-width$/}, (args) => (measuresWidths(args) ? {path: join(root, 'source/domain/fast-string-width.ts')} : undefined));
				bundle.onResolve({filter: /^\.\/sanitize-ansi\.js$/}, (args) =>
					fromInk(args) ? {path: join(dirname(args.importer), 'sanitize-ansi.js'), namespace: 'remembered'} : undefined,
				);
				bundle.onLoad({filter: /.*/, namespace: 'remembered'}, (args) => ({
					contents: [
						`import sanitizeAnsi from ${JSON.stringify(args.path)};`,
						`import {rememberedText} from ${JSON.stringify(join(root, 'source/ui/remembered-text.ts'))};`,
						'export default rememberedText(sanitizeAnsi);',
					].join('\n'),
					resolveDir: root,
					loader: 'js',
				}));
			},
		},
	],
	// Without comments the file is ASCII, which V8 keeps at one byte a character (6 MB less).
	minifyWhitespace: true,
	legalComments: 'none',
	logLevel: 'warning',
});
await chmod(`${root}/${outfile}`, 0o755);
