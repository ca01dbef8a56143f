import {programFromInfo, type SupervisorProgram} from '../../domain/supervisor.js';
import {sanitizeText} from '../../domain/sanitize.js';
import {postXml, SupervisorError, describeEndpoint, type SupervisorEndpoint} from './transport.js';
import {decodeResponse, encodeCall, XmlRpcFault, type XmlRpcValue} from './xmlrpc.js';

// supervisord's XML-RPC interface, the calls fleettop needs. There is no restart call (stop, then
// start), and supervisor.restart, which restarts supervisord itself, is deliberately not here.

export interface SupervisorClient {
	readonly where: string;
	/** supervisord's own state: RUNNING, RESTARTING, SHUTDOWN, FATAL. */
	state(): Promise<string>;
	programs(): Promise<SupervisorProgram[]>;
	/** Start or stop a program (group:name) or a whole group (group:*); resolves once done. */
	start(target: string): Promise<void>;
	stop(target: string): Promise<void>;
	/** The last `bytes` of a program's stdout or stderr log, as text. */
	tail(target: string, stream: 'stdout' | 'stderr', bytes: number): Promise<string>;
}

/** Sends one call over any transport: the exec relay for supervisord inside a container uses it too. */
export type XmlRpcPost = (body: string) => Promise<string>;

export function createSupervisorClient(endpoint: SupervisorEndpoint, timeoutMs: number): SupervisorClient {
	return clientOver(describeEndpoint(endpoint), (body) => postXml(endpoint, body, timeoutMs));
}

export function clientOver(where: string, post: XmlRpcPost): SupervisorClient {
	const call = async (method: string, params: XmlRpcValue[] = []): Promise<XmlRpcValue> => {
		const answer = await post(encodeCall(method, params));
		try {
			return decodeResponse(answer);
		} catch (error) {
			if (error instanceof XmlRpcFault) throw new SupervisorError('fault', `${method.replace('supervisor.', '')} ${params[0] ?? ''}: ${sanitizeText(error.faultString)}`.replace('  ', ' '));
			throw new SupervisorError('protocol', `supervisord at ${where}: ${(error as Error).message}`);
		}
	};
	const groupCall = (target: string, single: string, group: string) => (target.endsWith(':*') ? call(group, [target.slice(0, -2), true]) : call(single, [target, true]));
	return {
		where,
		async state() {
			const state = (await call('supervisor.getState')) as {statename?: string};
			return String(state.statename ?? 'UNKNOWN');
		},
		async programs() {
			const infos = (await call('supervisor.getAllProcessInfo')) as Array<Record<string, unknown>>;
			return infos.map((info) => programFromInfo(info));
		},
		async start(target) {
			await groupCall(target, 'supervisor.startProcess', 'supervisor.startProcessGroup');
		},
		async stop(target) {
			await groupCall(target, 'supervisor.stopProcess', 'supervisor.stopProcessGroup');
		},
		async tail(target, stream, bytes) {
			const method = stream === 'stdout' ? 'supervisor.tailProcessStdoutLog' : 'supervisor.tailProcessStderrLog';
			const [text] = (await call(method, [target, 0, bytes])) as [string, number, boolean];
			return text;
		},
	};
}
