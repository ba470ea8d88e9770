/**
 * Rendering a compiled ticket body, with no template engine and no schema, so the
 * browser can run exactly what the build runs. render.ts compiles a body with
 * Mustache's parser (standalone tag lines are dropped there); this walks the result.
 *
 * Values are looked up in one flat table built from the fields, whatever sections
 * are open: a value can never shadow a field name. Only `{{.}}` sees the list item.
 */
import { activeBlock, ownValue, type FieldSpec, type FormValues } from './fields';
import { bodyNames, printedText, type NameValue } from './names';

/** One piece of a compiled body: literal text, a printed name, or a section (inverted or not) around more pieces. */
export type BodyNode = string | ['print', string] | ['section' | 'inverted', string, BodyNode[]];

// Private-use characters that mark, inside the walked output, where a printed value
// starts and where its own line breaks are, so the layout pass can indent them.
const VALUE_START = '\uE000';
const VALUE_BREAK = '\uE001';

/** Writes the ticket text for compiled body nodes and the form's values: plain text, values exactly as typed, ending in one newline. */
export function renderBody(nodes: readonly BodyNode[], fields: readonly FieldSpec[], values: FormValues): string {
	const names: Record<string, NameValue> = Object.create(null);
	const holes: Record<string, string> = Object.create(null);
	for (const field of fields) {
		for (const named of bodyNames(field, ownValue(values, field.name))) {
			names[named.name] = named.value;
			holes[named.name] = named.placeholder;
		}
	}
	return finishText(walk(nodes, names, holes, undefined));
}

/** Turns walked text, values marked by markValue, into the final layout: value lines indented, blank runs and trailing spaces tidied. */
export function finishText(marked: string): string {
	return tidy(layOut(marked));
}

// Follows Mustache's rules: a section runs once per list item, once for any other
// truthy value, and not at all for '', false, 0 or an empty list; inverted is the opposite.
function walk(nodes: readonly BodyNode[], names: Record<string, NameValue>, holes: Record<string, string>, item: NameValue | undefined): string {
	let out = '';
	for (const node of nodes) {
		if (typeof node === 'string') {
			out += node;
			continue;
		}
		const value = node[1] === '.' ? item : names[node[1]];
		if (node[0] === 'print') {
			// An empty value prints its bracketed placeholder, so an unfinished ticket never reads as a finished one.
			if (value === '' && holes[node[1]] !== undefined) out += markValue(holes[node[1]]!);
			else if (value !== undefined) out += markValue(printedText(value));
		} else if (node[0] === 'inverted') {
			if (!value || (Array.isArray(value) && value.length === 0)) out += walk(node[2], names, holes, item);
		} else if (Array.isArray(value)) {
			for (const each of value) out += walk(node[2], names, holes, each);
		} else if (value) {
			out += walk(node[2], names, holes, value === true ? item : value);
		}
	}
	return out;
}

/** Makes typed text safe for a plain-text layout: one kind of line break, no invisible control characters. */
export function cleanText(text: string): string {
	// C0 controls and bidirectional overrides are invisible yet can move or hide the
	// text around them; the private-use markers must only ever come from markValue.
	return text
		.replace(/\r\n?|[\v\f\u0085\u2028\u2029]/g, '\n')
		.replace(/[\u0000-\u0008\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\uE000\uE001]/g, '');
}

/** Marks a printed value so finishText can indent its later lines under its first. */
export function markValue(text: string): string {
	return VALUE_START + cleanText(text).replaceAll('\n', VALUE_BREAK);
}

/**
 * Puts each line break of a printed value back, indenting the following line to
 * where the value began: "Notes: first" continues under "first", "- item" under
 * "item". A value can then never start a line of its own that reads as part of
 * the template.
 */
function layOut(marked: string): string {
	let out = '';
	let lineStart = 0;
	let indent = '';
	for (const char of marked) {
		if (char === VALUE_START) {
			indent = Array.from(out.slice(lineStart), (c) => (c === '\t' ? '\t' : ' ')).join('');
		} else if (char === VALUE_BREAK) {
			out += '\n';
			lineStart = out.length;
			out += indent;
		} else {
			out += char;
			if (char === '\n') lineStart = out.length;
		}
	}
	return out;
}

/** No trailing spaces, at most one blank line in a row, no blank lines at the start, exactly one newline at the end. */
function tidy(text: string): string {
	const lines = text.split('\n').map((line) => line.replace(/\s+$/, ''));
	return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '').replace(/\n*$/, '')}\n`;
}

/** A precondition as the browser needs it: when every condition holds, the ticket is not written and `reason` is shown. */
export interface Block {
	when: readonly string[];
	reason: string;
	steps: readonly number[];
}

/** A template compiled for writing: its kind, its head (a new ticket's subject, or the `{{reference}}` of an update), preconditions and body. */
export interface CompiledTicket {
	kind: 'new' | 'update';
	head: BodyNode[];
	blocks: readonly Block[];
	body: BodyNode[];
}

/** What the form writes: the head (subject of a new ticket, reference of an update) and the body, or only the precondition that stops it. */
export type WrittenTicket = { kind: 'new' | 'update'; blocked: Block } | { kind: 'new' | 'update'; head: string; body: string; blocked?: undefined };

/** Writes a compiled ticket for the form's values; a precondition that holds leaves no head and no body. */
export function writeTicket(ticket: CompiledTicket, fields: readonly FieldSpec[], values: FormValues): WrittenTicket {
	const blocked = activeBlock(ticket.blocks, values);
	if (blocked) return { kind: ticket.kind, blocked };
	return { kind: ticket.kind, head: renderBody(ticket.head, fields, values).replace(/\s+/g, ' ').trim(), body: renderBody(ticket.body, fields, values) };
}
