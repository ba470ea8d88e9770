import Mustache from 'mustache';
import type { FieldSpec, FormValues } from './fields';
import { renderBody, writeTicket, type BodyNode, type CompiledTicket, type WrittenTicket } from './body';
import { plainLines } from './template';
import { useTimeFormats } from './names';
import { formatDay, formatTime } from '../text/time';

// At build time and in tests the formatters are at hand; the browser hands them over when a form needs them.
useTimeFormats({ day: formatDay, moment: formatTime });

export { cleanText } from './body';

/** What rendering needs of a template; an entry of the tickets collection (`data` + `body`) fits it. */
export interface TicketTemplate {
	data: { fields: readonly FieldSpec[] };
	body: string;
}

/** What writing a whole ticket needs of a template: the body, and the kind, subject or reference and preconditions. */
export interface FullTemplate {
	data: TicketTemplate['data'] & {
		kind: 'new' | 'update';
		subject?: string | undefined;
		reference?: string | undefined;
		blocks?: readonly { when: readonly string[]; reason: string; steps: readonly number[] }[] | undefined;
	};
	body: string;
}

// Mustache's token tuples: type, value, start, end, then for sections the nested tokens.
type Token = [type: string, value: string, start: number, end: number, children?: Token[]];

/** Parses a checked template body into the nodes body.ts renders, at build time. */
export function compileBody(body: string): BodyNode[] {
	// Only Mustache's parser is used, so the build and the browser share one renderer
	// and the browser never loads Mustache.
	const compile = (tokens: Token[]): BodyNode[] =>
		tokens.flatMap((token): BodyNode[] => {
			const [type, value, , , children = []] = token;
			if (type === 'text') return [value];
			if (type === 'name') return [['print', value]];
			if (type === '#') return [['section', value, compile(children)]];
			if (type === '^') return [['inverted', value, compile(children)]];
			if (type === '!') return [];
			// checkTemplate refuses the other tags, so only an unchecked body gets here.
			throw new Error(`The template tag type "${type}" (${value}) is not supported in ticket bodies.`);
		});
	// Neighbouring texts (around a dropped note) are joined, so the page embeds fewer pieces.
	const join = (nodes: BodyNode[]): BodyNode[] =>
		nodes.reduce<BodyNode[]>((out, node) => {
			const last = out.at(-1);
			if (typeof node === 'string' && typeof last === 'string') out[out.length - 1] = last + node;
			else out.push(typeof node === 'string' ? node : node[0] === 'print' ? node : [node[0], node[1], join(node[2])]);
			return out;
		}, []);
	return join(compile(Mustache.parse(plainLines(body), ['{{', '}}']) as unknown as Token[]));
}

/** Writes the ticket text for a template and the form's values: plain text, values exactly as typed, ending in one newline. */
export function renderTicket(template: TicketTemplate, values: FormValues): string {
	return renderBody(compileBody(template.body), template.data.fields, values);
}

/** Compiles a checked template for the browser: body and subject as nodes, with its kind, reference and preconditions. */
export function compileTicket(template: FullTemplate): CompiledTicket {
	const { kind, subject, reference, blocks = [] } = template.data;
	return { kind, head: compileBody(kind === 'new' ? (subject ?? '') : `{{${reference}}}`), blocks, body: compileBody(template.body) };
}

/** Writes a whole ticket (subject or reference, and body, or the precondition that stops it) for a template and the form's values. */
export function writeTemplate(template: FullTemplate, values: FormValues): WrittenTicket {
	return writeTicket(compileTicket(template), template.data.fields, values);
}
