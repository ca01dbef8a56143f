import type {Listener, LogLine} from '../../evidence.js';
import {lastMatch, type Finding, type Rule, type RuleContext} from '../finding.js';

// "Address already in use" in every wording we know: Python errno 98, Node EADDRINUSE, Go and
// Redis "bind: address already in use", nginx "(98: Address already in use)", busybox "Address
// in use", and Docker's own "port is already allocated". Who holds the port comes from the host's
// listening sockets; when the message does not name the port, a port in the command line that
// something is listening on is the evidence instead.

const inUse = /address already in use|EADDRINUSE|\bAddress in use\b|port is already allocated|errno 98\b|\(98: /i;
const portInLine = /(?:port\s+|:)(\d{1,5})\b(?!.*:\d{1,5}\b)/i;

export function mentionsPortInUse(lines: LogLine[]): boolean {
	return lines.some((line) => inUse.test(line.text));
}

function validPort(text: string | undefined): number | null {
	const port = Number(text);
	return Number.isInteger(port) && port > 0 && port < 65536 ? port : null;
}

/** "/usr/bin/python3 -m http.server 8000" -> "python3": the cause stays short, the hint has it all. */
function programName(command: string): string {
	return command.split(' ')[0]!.split('/').at(-1) || command;
}

function holderText(listener: Listener, context: RuleContext): string {
	const holder = listener.holder;
	if (!holder) return 'a process fleettop cannot see (run as root to name it)';
	if (holder.containerId) {
		const name = context.containerName(holder.containerId) ?? holder.containerId.slice(0, 12);
		return `container ${name} (pid ${holder.pid} ${programName(holder.command)})`;
	}
	return `host pid ${holder.pid} ${programName(holder.command)} (user ${holder.user})`;
}

function listenersOn(port: number, context: RuleContext): Listener[] {
	return (context.listeners ?? []).filter((listener) => listener.port === port && listener.protocol.startsWith('tcp'));
}

const inUseWithPort = new RegExp(`(?:${inUse.source}).*${portInLine.source}`, 'i');

export const portInUse: Rule = (context) => {
	// Node prints the error, then its fields ("code: 'EADDRINUSE'"): prefer the line naming a port.
	const hit = lastMatch(context.lines, inUseWithPort) ?? lastMatch(context.lines, inUse);
	if (!hit) return null;
	let port = validPort(portInLine.exec(hit.line.text)?.[1]);
	let from = 'the log';
	if (port === null) {
		const candidates = (context.record.details?.command.match(/\b\d{2,5}\b/g) ?? []).map(validPort);
		port = candidates.find((candidate) => candidate !== null && listenersOn(candidate, context).length > 0) ?? null;
		from = 'the command line';
	}
	const base: Omit<Finding, 'cause' | 'hint'> = {rule: 'port-in-use', severity: 'critical', evidence: hit.line.text, group: 'address already in use'};
	if (port === null) {
		return {...base, cause: 'address already in use (port not named in the log)', hint: 'Find the port in its configuration, then who holds it: ss -ltnp.'};
	}
	const holders = listenersOn(port, context).filter((listener) => listener.holder?.containerId !== context.record.id);
	const holder = holders[0];
	if (!holder) {
		return {...base, cause: `port ${port} already in use`, hint: `Nothing listens on ${port} now (port from ${from}): it may have been a transient clash; check ss -ltnp.`};
	}
	const process = holder.holder && !holder.holder.containerId ? {pid: holder.holder.pid, command: holder.holder.command, user: holder.holder.user, port} : undefined;
	return {
		...base,
		...(process ? {process} : {}),
		cause: `port ${port} held by ${holderText(holder, context)}`,
		hint: !holder.holder
			? `Find the holder as root (ss -ltnp 'sport = :${port}'), stop it or change one of the ports.`
			: holder.holder.containerId
				? `${holderText(holder, context)} runs ${holder.holder.command}: stop it or change one of the ports (port from ${from}).`
				: `Stop the old process (x in fleettop, or kill ${holder.holder.pid}: ${holder.holder.command}) or move this service to another port.`,
	};
};
