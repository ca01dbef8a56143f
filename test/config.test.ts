import assert from 'node:assert/strict';
import {test} from 'node:test';
import {configPath, mergeFlags, parseConfig} from '../source/config-file.js';
import {ConfigError, parseCommand, parseDuration, parseEndpoint, resolveSettings} from '../source/config.js';

test('engine addresses', () => {
	const cases: Array<[string, object]> = [
		['unix:///var/run/docker.sock', {kind: 'unix', socketPath: '/var/run/docker.sock'}],
		['/run/podman/podman.sock', {kind: 'unix', socketPath: '/run/podman/podman.sock'}],
		['tcp://127.0.0.1:2375', {kind: 'tcp', host: '127.0.0.1', port: 2375, tls: false}],
		['tcp://docker.internal', {kind: 'tcp', host: 'docker.internal', port: 2375, tls: false}],
		['https://10.0.0.5', {kind: 'tcp', host: '10.0.0.5', port: 2376, tls: true}],
	];
	for (const [input, expected] of cases) {
		const endpoint = parseEndpoint(input) as unknown as Record<string, unknown>;
		assert.deepEqual(Object.fromEntries(Object.keys(expected).map((key) => [key, endpoint[key]])), expected, input);
	}
});

test('bad engine addresses explain themselves in one line', () => {
	for (const input of ['docker.sock', 'unix://relative.sock', 'tcp://host:99999', 'ftp://host', 'ssh://me@host']) {
		assert.throws(() => parseEndpoint(input), (error: Error) => error instanceof ConfigError && !error.message.includes('\n') && error.message.includes(input), input);
	}
});

test('durations', () => {
	const cases: Array<[string, number]> = [['1', 1000], ['2s', 2000], ['1.5s', 1500], ['500ms', 500], [' 3 ', 3000]];
	for (const [input, ms] of cases) assert.equal(parseDuration('interval', input, 200, 60_000), ms, input);
	for (const input of ['fast', '-1', '1m', '100ms', '61', '']) {
		assert.throws(() => parseDuration('interval', input, 200, 60_000), ConfigError, input);
	}
});

test('settings: flags win over DOCKER_HOST, defaults are sane', () => {
	const fromEnv = resolveSettings({}, {DOCKER_HOST: 'unix:///run/podman/podman.sock'});
	assert.equal(fromEnv.endpoint.label, 'unix:///run/podman/podman.sock');
	assert.equal(fromEnv.intervalMs, 1000);
	assert.equal(fromEnv.statsSource, 'auto');
	const fromFlag = resolveSettings({host: 'tcp://127.0.0.1:2375', interval: '2s', stats: 'api'}, {DOCKER_HOST: 'unix:///x.sock'});
	assert.equal(fromFlag.endpoint.label, 'tcp://127.0.0.1:2375');
	assert.equal(fromFlag.statsSource, 'api');
	assert.equal(resolveSettings({}, {}).endpoint.label, 'unix:///var/run/docker.sock');
	assert.throws(() => resolveSettings({stats: 'magic'}, {}), ConfigError);
	assert.throws(() => resolveSettings({json: true}, {}), /--once/);
});

test('report command and thresholds', () => {
	assert.deepEqual(parseCommand([]), {command: 'watch', project: null});
	assert.deepEqual(parseCommand(['report']), {command: 'report', project: null});
	assert.deepEqual(parseCommand(['restart', 'lab-shop']), {command: 'restart', project: 'lab-shop'});
	assert.throws(() => parseCommand(['restart']), /restart needs one compose project/);
	assert.throws(() => parseCommand(['reprot']), /unknown command 'reprot'/);
	assert.throws(() => parseCommand(['report', 'now']), ConfigError);

	const defaults = resolveSettings({}, {});
	assert.deepEqual([defaults.command, defaults.output, defaults.loopWarnPerHour, defaults.availabilityCritical], ['watch', null, 3, 80]);
	const report = resolveSettings({output: 'incident.md', loopWarn: '10', availability: '95.5'}, {}, {command: 'report', project: null});
	assert.deepEqual([report.command, report.output, report.loopWarnPerHour, report.availabilityCritical], ['report', 'incident.md', 10, 95.5]);
	const restart = resolveSettings({dryRun: true, wait: '5s'}, {}, {command: 'restart', project: 'lab-shop'});
	assert.deepEqual([restart.project, restart.dryRun, restart.waitMs], ['lab-shop', true, 5000]);
	const bad: Array<[Parameters<typeof resolveSettings>[0], 'watch' | 'report' | 'restart', RegExp]> = [
		[{loopWarn: 'lots'}, 'watch', /--loop-warn 'lots' is not a number/],
		[{loopWarn: '-1'}, 'watch', /--loop-warn '-1' is out of range/],
		[{availability: '120'}, 'watch', /--availability '120' is out of range: use 0 to 100/],
		[{output: 'x.md'}, 'watch', /--output is for reports/],
		[{output: ' '}, 'report', /--output needs a file name/],
		[{once: true, json: true}, 'report', /report writes Markdown/],
		[{dryRun: true}, 'watch', /--dry-run and --wait are for ordered restarts/],
		[{wait: 'soon'}, 'restart', /--wait 'soon' is not a duration/],
		[{readOnly: true}, 'restart', /--read-only: fleettop restart would change containers/],
	];
	for (const [flags, command, message] of bad) {
		assert.throws(() => resolveSettings(flags, {}, {command, project: command === 'restart' ? 'p' : null}), (error: Error) => error instanceof ConfigError && message.test(error.message) && !error.message.includes('\n'), String(message));
	}
});

test('the configuration file: same settings as the flags, flags win, read-only holds', () => {
	assert.equal(configPath({XDG_CONFIG_HOME: '/etc/xdg', HOME: '/root'}), '/etc/xdg/fleettop/config.json');
	assert.equal(configPath({HOME: '/home/op'}), '/home/op/.config/fleettop/config.json');
	assert.equal(configPath({FLEETTOP_CONFIG: '/srv/ft.json', HOME: '/root'}), '/srv/ft.json');
	assert.deepEqual(parseConfig('{"readOnly": true, "interval": "2s", "loopWarn": 6}', 'c.json'), {readOnly: true, interval: '2s', loopWarn: '6'});
	const bad: Array<[string, RegExp]> = [
		['{"readOnly": tru', /^c\.json is not valid JSON .*: fix it or move it away$/],
		['[1]', /must hold one JSON object/],
		['{"readonly": true}', /unknown setting "readonly" \(known: host, interval/],
		['{"readOnly": "yes"}', /"readOnly" must be true or false/],
		['{"interval": [2]}', /"interval" must be a string or a number/],
	];
	for (const [text, message] of bad) assert.throws(() => parseConfig(text, 'c.json'), (error: Error) => error instanceof ConfigError && message.test(error.message), text);

	const merged = mergeFlags({readOnly: true, interval: '2s', host: 'unix:///a.sock'}, {interval: '5', readOnly: false, once: false});
	assert.deepEqual([merged.interval, merged.host, merged.readOnly], ['5', 'unix:///a.sock', true]);
	assert.equal(mergeFlags({}, {readOnly: true}).readOnly, true);
	assert.equal(resolveSettings(mergeFlags({loopWarn: '6'}, {}), {}).loopWarnPerHour, 6);
	assert.throws(() => resolveSettings(mergeFlags({interval: 'often'}, {}), {}), /--interval 'often' is not a duration/);
});

test('host alert thresholds', () => {
	const defaults = resolveSettings({}, {});
	assert.deepEqual([defaults.cpuAlertPercent, defaults.memoryAlertPercent, defaults.loadAlertPerCore], [80, 90, 1.5]);
	const set = resolveSettings(mergeFlags({cpuAlert: '70'}, {loadAlert: '2'}), {});
	assert.deepEqual([set.cpuAlertPercent, set.loadAlertPerCore], [70, 2]);
	assert.throws(() => resolveSettings({memoryAlert: '150'}, {}), /--memory-alert '150' is out of range: use 1 to 100/);
});
