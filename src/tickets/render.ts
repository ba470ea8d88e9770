import Mustache from 'mustache';
import { ownValue, type FieldSpec, type FormValues } from './fields';
import { bodyNames, printedText, type NameValue } from './names';
import { plainLines } from './template';

/** What rendering needs of a template; an entry of the tickets collection (`data` + `body`) fits it. */
export interface TicketTemplate {
	data: { fields: readonly FieldSpec[] };
	body: string;
}

// Private-use characters that mark, inside Mustache's output, where a printed value
// starts and where its own line breaks are, so the layout pass can indent them.
const VALUE_START = '\uE000';
const VALUE_BREAK = '\uE001';

/**
 * Looks names up in one flat table built from the fields, whatever sections are open.
 * Mustache's own lookup would also search inside a pushed string or object, so a
 * value could shadow a field name; here only `{{.}}` sees the pushed item.
 */
class TicketContext extends Mustache.Context {
	readonly #names: Readonly<Record<string, NameValue>>;

	constructor(names: Readonly<Record<string, NameValue>>, item?: unknown, parent?: TicketContext) {
		super(item, parent);
		this.#names = names;
	}

	override push(item: unknown): TicketContext {
		return new TicketContext(this.#names, item, this);
	}

	override lookup(name: string): unknown {
		return name === '.' ? this.view : this.#names[name];
	}
}

/** Writes the ticket text for a template and the form's values: plain text, values exactly as typed, ending in one newline. */
export function renderTicket(template: TicketTemplate, values: FormValues): string {
	const names: Record<string, NameValue> = Object.create(null);
	for (const field of template.data.fields) {
		for (const named of bodyNames(field, ownValue(values, field.name))) names[named.name] = named.value;
	}
	const marked = Mustache.render(plainLines(template.body), new TicketContext(names), undefined, {
		tags: ['{{', '}}'],
		escape: (value: NameValue) => markValue(printedText(value)),
	});
	return tidy(layOut(marked));
}

/** Makes typed text safe for a plain-text layout: one kind of line break, no invisible control characters. */
export function cleanText(text: string): string {
	// C0 controls and bidirectional overrides are invisible yet can move or hide the
	// text around them; the private-use markers must only ever come from markValue.
	return text
		.replace(/\r\n?|[\v\f\u0085\u2028\u2029]/g, '\n')
		.replace(/[\u0000-\u0008\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\uE000\uE001]/g, '');
}

function markValue(text: string): string {
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
