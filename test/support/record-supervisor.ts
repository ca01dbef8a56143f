// Records supervisord answers for the XML-RPC table tests (test/fixtures/supervisor-*.xml):
// TSX_TSCONFIG_PATH=tsconfig.check.json node --import tsx test/support/record-supervisor.ts
import {writeFileSync} from 'node:fs';
import {startSupervisord} from './supervisord.js';
import {postXml} from '../../source/sources/supervisor/transport.js';
import {encodeCall} from '../../source/sources/supervisor/xmlrpc.js';
const s = await startSupervisord(`[program:web]\ncommand=sleep 1000\n\n[program:idle]\ncommand=sleep 1000\nautostart=false\n\n[program:broken]\ncommand=sh -c 'echo "boom" >&2; exit 0'\nstartsecs=2\nstartretries=1\n\n[program:worker-a]\ncommand=sleep 1000\n\n[group:jobs]\nprograms=worker-a\n`);
await new Promise((r) => setTimeout(r, 9000));
const ep = {kind: 'unix' as const, path: s.socket};
writeFileSync(new URL('../fixtures/supervisor-all-process-info.xml', import.meta.url), await postXml(ep, encodeCall('supervisor.getAllProcessInfo', []), 5000));
writeFileSync(new URL('../fixtures/supervisor-fault-bad-name.xml', import.meta.url), await postXml(ep, encodeCall('supervisor.startProcess', ['vanished', true]), 5000));
await s.stop();
