#!/usr/bin/env -S node --max-semi-space-size=2 --max-old-space-size=512 --v8-pool-size=1
// Node's memory settings, measured at 500 containers (npm run bench); flags must be given at
// start, hence the shebang:
// - V8's young generation may otherwise grow to 32 MB and stay: 2 MB costs no CPU here and keeps
//   fleettop ~50 MB smaller.
// - A heap limit of 512 MB (13 times the live heap at 500 containers) also caps how far V8 lets
//   garbage pile up before a full collection: 1.4 times the live heap instead of up to 4. Peak RSS
//   130-146 -> 102 MB, same CPU.
// - One V8 worker thread, not four: 6 MB less (their stacks and malloc arenas), same CPU.
import meow from 'meow';
import {mergeFlags, readConfig} from './source/config-file.js';
import {ConfigError, parseCommand, resolveSettings} from './source/config.js';

const cli = meow(
	`
	Usage
	  $ fleettop [options]          watch the fleet
	  $ fleettop report [options]   write a Markdown incident report of the fleet now
	  $ fleettop restart PROJECT    restart a compose project in depends_on order

	Options
	  --host URL        Engine to watch: unix:///path/to.sock or tcp://host:2375
	                    (default: $DOCKER_HOST, else unix:///var/run/docker.sock;
	                    Podman: unix:///run/podman/podman.sock)
	  --interval T      Refresh interval for stats and the host, e.g. 1, 2s, 500ms (default 1s)
	  --timeout T       Give up on an engine call after T (default 5s)
	  --stats SOURCE    auto | cgroup | api: where container CPU/memory come from (default auto:
	                    cgroup files for a local engine, the Engine API otherwise)
	  --once            Print one snapshot of the fleet and exit
	  --json            With --once: print the snapshot as JSON (shape in the README)
	  --output FILE     With report: write the report to FILE instead of stdout
	  --loop-warn N     A container restarting more than N times an hour is looping (default 3)
	  --availability P  Alert when less than P % of what should run is up and healthy (default 80)
	  --cpu-alert P     Critical alert when host CPU stays above P % for 5 minutes (default 80)
	  --memory-alert P  Critical alert when more than P % of memory is used (default 90)
	  --load-alert X    Warning when the 1-minute load per core exceeds X (default 1.5)
	  --read-only       Watch only: no key restarts, stops or changes anything
	  --supervisor URL  The host's supervisord: unix:///path/to.sock or http://user:pass@host:port
	                    (default: the running one's config, else the usual socket paths)
	  --dry-run         With restart: print the plan, change nothing
	  --wait T          With restart: how long each service may take to get ready (default 60s)
	  --help            Show this help
	  --version         Show the version

	Configuration: the same settings in $XDG_CONFIG_HOME/fleettop/config.json
	(~/.config/fleettop/config.json, or $FLEETTOP_CONFIG), e.g. {"readOnly": true, "interval": "2s"};
	flags win, and read-only from either holds.

	Keys: press ? inside fleettop.
`,
	{
		importMeta: import.meta,
		flags: {
			host: {type: 'string'},
			interval: {type: 'string'},
			timeout: {type: 'string'},
			stats: {type: 'string'},
			once: {type: 'boolean'},
			json: {type: 'boolean'},
			output: {type: 'string'},
			loopWarn: {type: 'string'},
			availability: {type: 'string'},
			readOnly: {type: 'boolean'},
			cpuAlert: {type: 'string'},
			memoryAlert: {type: 'string'},
			loadAlert: {type: 'string'},
			dryRun: {type: 'boolean'},
			wait: {type: 'string'},
			supervisor: {type: 'string'},
		},
	},
);

const knownFlags = new Set(['host', 'interval', 'timeout', 'stats', 'once', 'json', 'output', 'loopWarn', 'loop-warn', 'availability', 'readOnly', 'read-only', 'cpuAlert', 'cpu-alert', 'memoryAlert', 'memory-alert', 'loadAlert', 'load-alert', 'dryRun', 'dry-run', 'wait', 'supervisor', 'help', 'version']);

async function main(): Promise<number> {
	const unknown = Object.keys(cli.unnormalizedFlags).find((flag) => !knownFlags.has(flag));
	if (unknown) throw new ConfigError(`unknown flag --${unknown}: see fleettop --help`);
	const settings = resolveSettings(mergeFlags(readConfig(process.env), cli.flags), process.env, parseCommand(cli.input));
	if (settings.command === 'restart') {
		const {runRestart} = await import('./source/restart-command.js');
		return runRestart(settings, process.stdout, process.stderr);
	}
	// Each mode loads only its own modules: they are most of the time to a first frame.
	if (settings.once || settings.command === 'report') {
		const {runOnce} = await import('./source/once.js');
		return runOnce(settings, process.stdout, process.stderr);
	}
	if (!process.stdout.isTTY || !process.stdin.isTTY) {
		throw new ConfigError('fleettop needs a terminal; for scripts use fleettop --once --json');
	}
	const {runInteractive} = await import('./source/interactive.js');
	const code = await runInteractive(settings);
	// The terminal is back: engine calls still in flight (each bounded by --timeout) must not hold
	// the shell for seconds.
	process.exit(code);
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		if (error instanceof ConfigError) {
			process.stderr.write(`fleettop: ${error.message}\n`);
			process.exitCode = 2;
			return;
		}
		process.stderr.write(`fleettop: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exitCode = 1;
	},
);
