import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { QUESTION_KINDS, ticketSchema } from '../../../src/tickets/schema';
import { loadTicket, templateFiles } from './load';

const STEPS_DIR = fileURLToPath(new URL('../../../content/process/steps/', import.meta.url));

/** The step numbers the process has, read from the step files' frontmatter. */
function stepNumbers(): Set<number> {
	return new Set(
		readdirSync(STEPS_DIR)
			.filter((file) => file.endsWith('.md'))
			.map((file) => Number(/^number:\s*(\d+)/m.exec(readFileSync(`${STEPS_DIR}${file}`, 'utf8'))?.[1])),
	);
}

describe('no template answers a question for the sender', () => {
	const steps = stepNumbers();

	test.each(templateFiles())('%s: every yes/no or choice default cites a plan step and its words', (file) => {
		const { data } = loadTicket(file.replace(/\.md$/, ''));
		for (const field of data.fields) {
			if (!QUESTION_KINDS.includes(field.kind)) continue;
			// A question is always asked: required, or required when a condition holds.
			expect(field.required || field.required_when !== undefined, `${field.name} is asked`).toBe(true);
			if (field.default === undefined) continue;
			expect(field.default_from, `${field.name} has a default, so it cites the plan`).toBeDefined();
			expect(steps.has(field.default_from!.step), `${field.name} cites step ${field.default_from!.step}, which exists`).toBe(true);
			expect(field.default_from!.words.trim().length, `${field.name} quotes the plan's words`).toBeGreaterThan(3);
		}
	});

	test('today only the configuration approach of the VAL request has a default, cited from step 5', () => {
		const defaults = templateFiles().flatMap((file) =>
			loadTicket(file.replace(/\.md$/, ''))
				.data.fields.filter((field) => QUESTION_KINDS.includes(field.kind) && field.default !== undefined)
				.map((field) => [file, field.name, field.default_from]),
		);
		expect(defaults).toEqual([['val-request.md', 'config_approach', { step: 5, words: 'Typically, our approach is…' }]]);
	});

	test('the schema refuses a yes/no or choice default without a citation, and an unasked question', () => {
		const base = { title: 'T', summary: 'S.', steps: [5], order: 1, from: 'customer', kind: 'new', subject: 'S' };
		const uncited = ticketSchema.safeParse({ ...base, fields: [{ name: 'sas', label: 'SAS', kind: 'yesno', required: true, default: false }] });
		expect(uncited.success).toBe(false);
		expect(uncited.error?.issues[0]?.message).toMatch(/no default answer unless the plan gives one/);
		const unasked = ticketSchema.safeParse({ ...base, fields: [{ name: 'sas', label: 'SAS', kind: 'yesno' }] });
		expect(unasked.error?.issues[0]?.message).toMatch(/asks a question the ticket needs answered/);
		const cited = ticketSchema.safeParse({
			...base,
			fields: [
				{
					name: 'approach',
					label: 'A',
					kind: 'choice',
					required: true,
					default: 'all',
					default_from: { step: 5, words: 'Typically, our approach is' },
					options: [
						{ value: 'all', label: 'All' },
						{ value: 'some', label: 'Some' },
					],
				},
			],
		});
		expect(cited.success).toBe(true);
		const stray = ticketSchema.safeParse({ ...base, fields: [{ name: 'site', label: 'Site', kind: 'text', default_from: { step: 5, words: 'abc def' } }] });
		expect(stray.error?.issues[0]?.message).toMatch(/default_from cites the plan/);
	});
});
