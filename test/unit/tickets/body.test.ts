import Mustache from 'mustache';
import { describe, expect, test } from 'vitest';
import { finishText, markValue, renderBody, writeTicket } from '../../../src/tickets/body';
import { ticketFile } from '../../../src/tickets/download-name';
import { ownValue, type FieldSpec, type FormValues } from '../../../src/tickets/fields';
import { bodyNames, printedText, type NameValue } from '../../../src/tickets/names';
import { compileBody, renderTicket } from '../../../src/tickets/render';
import { plainLines } from '../../../src/tickets/template';
import { fixtureJson, loadTicket, templateFiles } from './load';

/**
 * Mustache's own renderer with the flat name table and the value marks, as the
 * engine ran before bodies were compiled. The compiled walk must agree with it on
 * every template, so moving the renderer to the browser changed no ticket.
 */
class FlatContext extends Mustache.Context {
	readonly #names: Readonly<Record<string, NameValue>>;

	constructor(names: Readonly<Record<string, NameValue>>, item?: unknown, parent?: FlatContext) {
		super(item, parent);
		this.#names = names;
	}

	override push(item: unknown): FlatContext {
		return new FlatContext(this.#names, item, this);
	}

	override lookup(name: string): unknown {
		return name === '.' ? this.view : this.#names[name];
	}
}

/** Mustache's writer, printing an empty value as its placeholder the way the compiled walk does. */
class HoleWriter extends Mustache.Writer {
	constructor(private readonly holes: Readonly<Record<string, string>>) {
		super();
	}

	override escapedValue(token: Parameters<Mustache.Writer['escapedValue']>[0], context: Mustache.Context, config: Parameters<Mustache.Writer['escapedValue']>[2]): string {
		const value = context.lookup(token[1]);
		const hole = this.holes[token[1]];
		return value === '' && hole !== undefined ? markValue(hole) : super.escapedValue(token, context, config);
	}
}

/** The ticket as Mustache's own renderer writes it, with the same value marks and the same final layout. */
function mustacheTicket(body: string, fields: readonly FieldSpec[], values: FormValues): string {
	const names: Record<string, NameValue> = Object.create(null);
	const holes: Record<string, string> = Object.create(null);
	for (const field of fields) {
		for (const named of bodyNames(field, ownValue(values, field.name))) {
			names[named.name] = named.value;
			holes[named.name] = named.placeholder;
		}
	}
	const marked = new HoleWriter(holes).render(plainLines(body), new FlatContext(names), undefined, {
		tags: ['{{', '}}'],
		escape: (value: NameValue) => markValue(printedText(value)),
	});
	return finishText(marked);
}

/** A value of each kind, varied by a seed, so sections are taken and skipped in many combinations. */
function sampleValues(fields: readonly FieldSpec[], seed: number): FormValues {
	const values: FormValues = {};
	fields.forEach((field, index) => {
		const pick = (seed + index * 7) % 4;
		switch (field.kind) {
			case 'yesno':
				values[field.name] = pick === 0 ? null : pick % 2 === 1;
				break;
			case 'choice':
				values[field.name] = pick === 0 ? '' : (field.options?.[pick % (field.options?.length ?? 1)]?.value ?? '');
				break;
			case 'list':
				values[field.name] = pick === 0 ? [] : ['first item', 'second\nwith a second line', '<b>{{.}}</b>'].slice(0, pick);
				break;
			case 'daterange':
				values[field.name] = pick === 0 ? { start: '', end: '' } : { start: '2025-06-02', end: pick === 1 ? '' : '2025-08-29' };
				break;
			default:
				values[field.name] = pick === 0 ? '' : pick === 1 ? `${field.name} value` : `line one\nline two {{${field.name}}} <i>`;
		}
	});
	return values;
}

describe('the compiled body', () => {
	const ids = templateFiles().map((file) => file.replace(/\.md$/, ''));

	test.each(ids)('%s renders as Mustache itself renders it, for many combinations of answers', (id) => {
		const { data, body } = loadTicket(id);
		for (let seed = 0; seed < 24; seed++) {
			const values = sampleValues(data.fields, seed);
			expect(renderBody(compileBody(body), data.fields, values), `seed ${seed}`).toBe(mustacheTicket(body, data.fields, values));
		}
	});

	test('survives JSON, as the page embeds it, and still gives the golden ticket', () => {
		const template = loadTicket('val-request');
		const nodes = JSON.parse(JSON.stringify(compileBody(template.body)));
		const values = { ...(fixtureJson('val-request.form.json') as FormValues) };
		expect(renderBody(nodes, template.data.fields, values)).toBe(renderTicket(template, values));
	});

	test('drops notes for writers and refuses tags that the template check refuses', () => {
		expect(compileBody('a{{! note }}b\n{{! whole line }}\nc')).toEqual(['ab\nc']);
		expect(() => compileBody('{{> other}}')).toThrow(/not supported/);
		expect(() => compileBody('{{{raw}}}')).toThrow(/not supported/);
	});

	test('a section around a filled text runs once; {{.}} outside a list prints nothing', () => {
		const fields: FieldSpec[] = [{ name: 'note', kind: 'text' }];
		expect(renderBody(compileBody('{{#note}}[{{note}}]{{/note}}'), fields, { note: 'x' })).toBe('[x]\n');
		expect(renderBody(compileBody('a{{.}}b'), fields, {})).toBe('ab\n');
	});
});

describe('a whole ticket', () => {
	const fields: FieldSpec[] = [
		{ name: 'ticket', kind: 'ticket', required: true },
		{ name: 'ok', kind: 'yesno', required: true },
	];
	const update = { kind: 'update' as const, head: compileBody('{{ticket}}'), blocks: [{ when: ['ok.no'], reason: 'Not yet.', steps: [12] }], body: compileBody('OK: {{ok}}') };

	test('an update carries its ticket reference, and the download puts it above the body', () => {
		const written = writeTicket(update, fields, { ticket: 'FHSD-1', ok: true });
		expect(written).toEqual({ kind: 'update', head: 'FHSD-1', body: 'OK: Yes\n' });
		expect(ticketFile(written)).toBe('Ticket: FHSD-1\n\nOK: Yes\n');
		expect(writeTicket(update, fields, {})).toMatchObject({ head: '[ticket]', body: 'OK: [not answered]\n' });
	});

	test('a new ticket carries its subject on one line, and the download starts with it', () => {
		const fresh = { kind: 'new' as const, head: compileBody('About {{ticket}}\n'), blocks: [], body: compileBody('Body') };
		const written = writeTicket(fresh, fields, { ticket: '12' });
		expect(written).toEqual({ kind: 'new', head: 'About 12', body: 'Body\n' });
		expect(ticketFile(written)).toBe('Subject: About 12\n\nBody\n');
	});

	test('a precondition that holds leaves no body and nothing to download', () => {
		const written = writeTicket(update, fields, { ticket: 'FHSD-1', ok: false });
		expect(written).toEqual({ kind: 'update', blocked: update.blocks[0] });
		expect(ticketFile(written)).toBeUndefined();
	});
});
