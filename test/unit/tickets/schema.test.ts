import { describe, expect, test } from 'vitest';
import { describeIssues, ticketSchema } from '../../../src/tickets/schema';

const base = { title: 'A ticket', summary: 'Does one thing.', steps: [4], order: 1, from: 'customer', kind: 'new', subject: 'A subject' };

/** The schema's problems for a frontmatter, as `path: message` lines. */
function problems(frontmatter: unknown): string[] {
	const result = ticketSchema.safeParse(frontmatter);
	return result.success ? [] : describeIssues(result.error);
}

function withFields(...fields: unknown[]) {
	return { ...base, fields };
}

describe('ticket frontmatter schema', () => {
	test('accepts a sound frontmatter and fills in required: false', () => {
		const result = ticketSchema.parse(withFields({ name: 'site', label: 'Site', kind: 'text', from_plan: 'site' }));
		expect(result.fields[0]).toEqual({ name: 'site', label: 'Site', kind: 'text', required: false, from_plan: 'site' });
	});

	test('a choice field without options names the field and the key', () => {
		const found = problems(withFields({ name: 'a', label: 'A', kind: 'text' }, { name: 'pair', label: 'Pair', kind: 'choice', required: true }));
		expect(found).toEqual(['fields[1].options: a choice field needs options, at least two']);
	});

	test('options on another kind are refused', () => {
		const found = problems(withFields({ name: 'site', label: 'Site', kind: 'text', options: [{ value: 'a', label: 'A' }] }));
		expect(found).toEqual(['fields[0].options: only a choice field has options, and this one is a text field']);
	});

	test('an option value listed twice is named', () => {
		const options = [
			{ value: 'go', label: 'Go' },
			{ value: 'go', label: 'Go again' },
		];
		expect(problems(withFields({ name: 'decision', label: 'Decision', kind: 'choice', required: true, options }))).toEqual([
			'fields[0].options[1].value: option "go" is listed twice',
		]);
	});

	test('field names must be snake_case words', () => {
		for (const name of ['Site', 'site-name', '1site', 'site__name', 'site.name', '']) {
			const found = problems(withFields({ name, label: 'Site', kind: 'text' }));
			expect(found, name).toHaveLength(1);
			expect(found[0]).toMatch(/^fields\[0\]\.name: a field name must be a snake_case word/);
		}
	});

	test('an unknown kind lists the kinds', () => {
		expect(problems(withFields({ name: 'site', label: 'Site', kind: 'string' }))).toEqual([
			'fields[0].kind: kind must be one of: text, longtext, date, datetime, daterange, choice, yesno, version, ticket, list',
		]);
	});

	test('a misspelt key is caught rather than ignored', () => {
		const found = problems(withFields({ name: 'site', label: 'Site', kind: 'text', requried: true }));
		expect(found).toHaveLength(1);
		expect(found[0]).toMatch(/^fields\[0\]: .*requried/);
	});

	test('duplicate field names point at the second one', () => {
		const found = problems(withFields({ name: 'site', label: 'Site', kind: 'text' }, { name: 'site', label: 'Site again', kind: 'text' }));
		expect(found).toEqual(['fields[1].name: "site" is already the name of fields[0]']);
	});

	test('steps are whole numbers from 1 up and are not repeated; which exist is the process loader\'s check', () => {
		expect(problems({ ...base, steps: [0], fields: [] })).toEqual(['steps[0]: a step number is a whole number from 1 up']);
		expect(problems({ ...base, steps: [2.5], fields: [] })).toHaveLength(1);
		expect(problems({ ...base, steps: [29], fields: [] })).toEqual([]);
		expect(problems({ ...base, steps: [], fields: [] })).toEqual(['steps: name at least one step the ticket serves']);
		expect(problems({ ...base, steps: [4, 4], fields: [] })).toEqual(['steps[1]: step 4 is listed twice']);
	});

	test('from_plan must name a part of the plan that fits the kind', () => {
		expect(problems(withFields({ name: 'notes', label: 'Notes', kind: 'yesno', required: true, from_plan: 'site' }))).toEqual([
			"fields[0].from_plan: the plan's site cannot fill a yesno field (it fits: text, longtext)",
		]);
		expect(problems(withFields({ name: 'reading', label: 'Reading', kind: 'text', from_plan: 'readingList' }))).toEqual([
			"fields[0].from_plan: the plan's readingList cannot fill a text field (it fits: list)",
		]);
		expect(problems(withFields({ name: 'site', label: 'Site', kind: 'text', from_plan: 'customer' }))[0]).toMatch(/^fields\[0\]\.from_plan: from_plan must be one of: site, /);
	});

	test('a default must fit its field', () => {
		const choice = { name: 'pair', label: 'Pair', kind: 'choice', required: true, default_from: { step: 5, words: 'Typically, our approach is' }, options: [{ value: 'replace', label: 'Replace' }, { value: 'create', label: 'Create' }] };
		expect(problems(withFields({ ...choice, default: 'renew' }))).toEqual([
			'fields[0].default: the default does not fit: "renew" is not one of the options (replace, create).',
		]);
		expect(problems(withFields({ name: 'day', label: 'Day', kind: 'date', default: '2025-02-30' }))).toEqual([
			'fields[0].default: the default does not fit: 2025-02-30 is not a day in the calendar.',
		]);
		expect(problems(withFields({ name: 'items', label: 'Items', kind: 'list', default: ['a', 3] }))).toEqual([
			'fields[0].default: the default does not fit: Every item of the list must be text.',
		]);
		expect(problems(withFields({ ...choice, default: 'create' }))).toEqual([]);
	});

	test('required_when must name a yes/no field or a choice option', () => {
		const choice = { name: 'approach', label: 'Approach', kind: 'choice', required: true, options: [{ value: 'all', label: 'All' }, { value: 'keep', label: 'Keep' }] };
		const flag = { name: 'has_lab', label: 'Lab', kind: 'yesno', required: true };
		const dependent = (condition: string, extra: object = {}) =>
			problems(withFields(choice, flag, { name: 'kept', label: 'Kept', kind: 'list', required_when: condition, ...extra }));
		expect(dependent('approach.keep')).toEqual([]);
		expect(dependent('has_lab')).toEqual([]);
		expect(dependent('approach.some')).toEqual(['fields[2].required_when: "approach" has no option "some" (it has: all, keep)']);
		expect(dependent('approach')).toEqual(['fields[2].required_when: name one of the options of "approach": approach.all, approach.keep']);
		expect(dependent('has_lab.no')).toEqual([]);
		expect(dependent('!approach.keep')).toEqual([]);
		expect(dependent('has_lab.yes')).toEqual(['fields[2].required_when: "has_lab" is a yes/no field: write "has_lab" for yes or "has_lab.no" for no']);
		expect(dependent('nothing')).toEqual([
			'fields[2].required_when: "nothing" names no field of this template; write "<yes/no field>", "<yes/no field>.no" or "<choice field>.<option>", with a leading "!" for "not"',
		]);
		expect(dependent('kept')).toEqual(['fields[2].required_when: a field cannot depend on itself']);
		expect(dependent('has_lab', { required: true })).toEqual([
			'fields[2].required_when: a field is either always required or required_when a condition holds, not both',
		]);
	});

	test('a new ticket has a subject and no reference; an update names a required ticket field and has no subject', () => {
		const ticketField = { name: 'prod_ticket', label: 'PROD ticket', kind: 'ticket', required: true };
		const update = { ...base, kind: 'update', subject: undefined, fields: [ticketField] };
		expect(problems({ ...update, reference: 'prod_ticket' })).toEqual([]);
		expect(problems(update)).toEqual(['reference: an update names the ticket it belongs to: give the name of a required ticket field']);
		expect(problems({ ...update, reference: 'prod_ticket', subject: 'Re: x' })).toEqual(['subject: an update has no subject of its own; it is added to the ticket named by reference']);
		expect(problems({ ...update, reference: 'site' })).toEqual(['reference: "site" must name a required ticket field of this template']);
		expect(problems({ ...base, subject: undefined, fields: [] })).toEqual(['subject: a new ticket needs a subject line']);
	});

	test('a precondition names sound conditions, a reason and the steps it rests on', () => {
		const decision = { name: 'decision', label: 'Decision', kind: 'choice', required: true, options: [{ value: 'go', label: 'Go' }, { value: 'no_go', label: 'No-Go' }] };
		const checks = { name: 'checks', label: 'Checks', kind: 'yesno', required_when: 'decision.go' };
		const block = (when: string[], extra: object = {}) => problems({ ...base, fields: [decision, checks], blocks: [{ when, reason: 'Not yet.', steps: [23, 24], ...extra }] });
		expect(block(['decision.go', '!checks'])).toEqual([]);
		expect(block(['decision.maybe'])).toEqual(['blocks[0].when[0]: "decision" has no option "maybe" (it has: go, no_go)']);
		expect(block(['decision.go'], { steps: [] })).toEqual(['blocks[0].steps: link the plan steps the reason rests on']);
		expect(block([])).toEqual(['blocks[0].when: name at least one condition']);
	});

	test('missing top-level keys are each named', () => {
		expect(problems({ fields: [] }).map((line) => line.split(':')[0])).toEqual(['title', 'summary', 'steps', 'order', 'from', 'kind']);
	});
});
