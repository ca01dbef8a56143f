import {XMLParser} from 'fast-xml-parser';

// XML-RPC as supervisord speaks it. Requests are small and written here; answers are parsed with
// fast-xml-parser (the npm `xmlrpc` package is unmaintained since 2016).

export type XmlRpcValue = string | number | boolean | null | XmlRpcValue[] | {[name: string]: XmlRpcValue};

/** supervisord said no: a fault with its code and text (BAD_NAME, NOT_RUNNING, …). */
export class XmlRpcFault extends Error {
	constructor(readonly code: number, readonly faultString: string) {
		super(faultString);
	}
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function encodeValue(value: XmlRpcValue): string {
	if (value === null) return '<nil/>';
	if (typeof value === 'boolean') return `<boolean>${value ? 1 : 0}</boolean>`;
	if (typeof value === 'number') return Number.isInteger(value) ? `<int>${value}</int>` : `<double>${value}</double>`;
	if (typeof value === 'string') return `<string>${escapeXml(value)}</string>`;
	if (Array.isArray(value)) return `<array><data>${value.map((item) => `<value>${encodeValue(item)}</value>`).join('')}</data></array>`;
	return `<struct>${Object.entries(value).map(([name, item]) => `<member><name>${escapeXml(name)}</name><value>${encodeValue(item)}</value></member>`).join('')}</struct>`;
}

export function encodeCall(method: string, params: XmlRpcValue[]): string {
	const encoded = params.map((param) => `<param><value>${encodeValue(param)}</value></param>`).join('');
	return `<?xml version="1.0"?>\n<methodCall><methodName>${escapeXml(method)}</methodName><params>${encoded}</params></methodCall>\n`;
}

const parser = new XMLParser({
	parseTagValue: false,
	trimValues: false,
	processEntities: true,
	isArray: (name) => name === 'value' || name === 'member',
});

type Node = {[tag: string]: unknown} | string;

/** A <value> node: its one typed child, or its text (a string when untyped). */
function decodeValue(node: Node): XmlRpcValue {
	if (typeof node === 'string') return node;
	const typed = Object.keys(node).find((key) => key !== '#text');
	if (!typed) return typeof node['#text'] === 'string' ? node['#text'] : '';
	const content = node[typed] as Node;
	const text = typeof content === 'string' ? content : typeof content === 'object' && content !== null ? String((content as {'#text'?: string})['#text'] ?? '') : '';
	switch (typed) {
		case 'int':
		case 'i4':
		case 'i8':
		case 'double':
			return Number(text.trim());
		case 'boolean':
			return text.trim() === '1';
		case 'string':
			return text;
		case 'nil':
			return null;
		case 'array': {
			const data = (content as {data?: {value?: Node[]} | string}).data;
			return typeof data === 'object' && data?.value ? data.value.map(decodeValue) : [];
		}
		case 'struct': {
			const members = (content as {member?: Array<{name: string; value: Node[]}>}).member ?? [];
			return Object.fromEntries(members.map((member) => [String(member.name).trim(), decodeValue(member.value[0]!)]));
		}
		default:
			throw new Error(`unexpected XML-RPC type <${typed}>`);
	}
}

/** The answer's value; a fault becomes an XmlRpcFault; anything that is not XML-RPC throws. */
export function decodeResponse(xml: string): XmlRpcValue {
	let document: {methodResponse?: {params?: {param?: {value: Node[]}}; fault?: {value: Node[]}}};
	try {
		document = parser.parse(xml);
	} catch (error) {
		throw new Error(`not an XML-RPC answer: ${(error as Error).message.split('\n')[0]}`);
	}
	const response = document.methodResponse;
	if (!response) throw new Error('not an XML-RPC answer');
	if (response.fault) {
		const fault = decodeValue(response.fault.value[0]!) as {faultCode?: number; faultString?: string};
		throw new XmlRpcFault(Number(fault.faultCode), String(fault.faultString ?? 'fault'));
	}
	const value = response.params?.param?.value[0];
	if (value === undefined) throw new Error('an XML-RPC answer without a value');
	return decodeValue(value);
}
