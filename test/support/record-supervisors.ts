// Records what fleettop sees of the lab's supervisord (lab-supervisor, through docker exec) for
// the supervisord view's tests: test/fixtures/lab-supervisors.json.
// TSX_TSCONFIG_PATH=tsconfig.check.json node --import tsx test/support/record-supervisors.ts
import {writeFileSync} from 'node:fs';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {resolveSettings} from '../../source/config.js';
import {connectSources} from '../../source/store/connect.js';
import {createFleetStore} from '../../source/store/fleet-store.js';

const state = mkdtempSync(join(tmpdir(), 'fleettop-record-'));
const store = createFleetStore();
const connection = connectSources(store, resolveSettings({}, {XDG_STATE_HOME: state, HOME: state}), {oneShot: true});
await connection.ready;
const supervisors = Object.values(store.getState().supervisors).map((status) => ({...status, containerKey: status.label, id: status.label}));
writeFileSync(new URL('../fixtures/lab-supervisors.json', import.meta.url), `${JSON.stringify(supervisors, null, '\t')}\n`);
connection.stop();
process.exit(0);
