import { describe, expect, test } from 'vitest';
import { versionError } from '../../../src/releases/version';
import { activeBlock, conditionHolds, initialValues, validateValues, valueError, type FieldSpec } from '../../../src/tickets/fields';

const pairOptions = [
	{ value: 'replace', label: 'Replace' },
	{ value: 'create', label: 'Create' },
];

const required: FieldSpec[] = [
	{ name: 'site', kind: 'text', required: true },
	{ name: 'notes', kind: 'longtext', required: true },
	{ name: 'day', kind: 'date', required: true },
	{ name: 'period', kind: 'daterange', required: true },
	{ name: 'pair', kind: 'choice', required: true, options: pairOptions },
	{ name: 'sso', kind: 'yesno', required: true },
	{ name: 'version', kind: 'version', required: true },
	{ name: 'ticket', kind: 'ticket', required: true },
	{ name: 'items', kind: 'list', required: true },
];

describe('required fields', () => {
	test('each kind left empty gets a message', () => {
		const empty = { site: '  ', notes: '\n', day: '', period: { start: '', end: '' }, pair: '', sso: null, version: '', ticket: '', items: ['', '  '] };
		expect(validateValues(required, empty)).toEqual({
			site: 'Fill in this field.',
			notes: 'Fill in this field.',
			day: 'Fill in this field.',
			period: 'Enter both the start and the end date.',
			pair: 'Choose one of the options.',
			sso: 'Answer yes or no.',
			version: 'Fill in this field.',
			ticket: 'Fill in this field.',
			items: 'Add at least one item.',
		});
	});

	test('missing keys count as empty', () => {
		expect(Object.keys(validateValues(required, {}))).toEqual(required.map((field) => field.name));
	});

	test('a filled-in form passes', () => {
		const filled = {
			site: 'Leiden unit',
			notes: 'Two\nlines',
			day: '2025-03-31',
			period: { start: '2025-04-01', end: '2025-06-30' },
			pair: 'create',
			sso: false,
			version: '24.2',
			ticket: 'FHSD-1234',
			items: ['Dosing report'],
		};
		expect(validateValues(required, filled)).toEqual({});
	});

	test('optional fields may stay empty', () => {
		const optional = required.map((field) => ({ ...field, required: false }));
		expect(validateValues(optional, {})).toEqual({});
	});

	test('a field named like an Object method is still just a field', () => {
		expect(validateValues([{ name: 'constructor', kind: 'text', required: true }], {})).toEqual({ constructor: 'Fill in this field.' });
	});

	test('required_when follows a choice option or a yes/no answer', () => {
		const fields: FieldSpec[] = [
			{ name: 'approach', kind: 'choice', options: [{ value: 'all', label: 'All' }, { value: 'keep', label: 'Keep' }] },
			{ name: 'kept', kind: 'list', required_when: 'approach.keep' },
			{ name: 'has_lab', kind: 'yesno' },
			{ name: 'lab', kind: 'longtext', required_when: 'has_lab' },
		];
		expect(validateValues(fields, { approach: 'all', has_lab: false })).toEqual({});
		expect(validateValues(fields, { approach: 'keep', has_lab: true })).toEqual({ kept: 'Add at least one item.', lab: 'Fill in this field.' });
		expect(validateValues(fields, { approach: 'keep', kept: ['Site report'], has_lab: true, lab: 'Test LIMS' })).toEqual({});
	});
});

describe('malformed values', () => {
	const check = (field: FieldSpec, value: unknown) => validateValues([field], { [field.name]: value })[field.name];

	test('dates must be real days written YYYY-MM-DD', () => {
		const day: FieldSpec = { name: 'day', kind: 'date' };
		expect(check(day, '2024-02-29')).toBeUndefined();
		expect(check(day, ' 2025-12-31 ')).toBeUndefined();
		expect(check(day, '2025-02-29')).toBe('2025-02-29 is not a day in the calendar.');
		expect(check(day, '2025-13-01')).toBe('2025-13-01 is not a day in the calendar.');
		expect(check(day, '31/03/2025')).toBe('"31/03/2025" is not a date. Write it as YYYY-MM-DD, for example 2025-03-31.');
		expect(check(day, '2025-3-1')).toBe('"2025-3-1" is not a date. Write it as YYYY-MM-DD, for example 2025-03-31.');
	});

	test('a date range needs both ends, in order', () => {
		const period: FieldSpec = { name: 'period', kind: 'daterange' };
		expect(check(period, { start: '2025-04-01', end: '2025-04-01' })).toBeUndefined();
		expect(check(period, { start: '2025-06-30', end: '2025-04-01' })).toBe('The end date (2025-04-01) comes before the start date (2025-06-30).');
		expect(check(period, { start: '2025-04-01', end: '' })).toBe('Enter the end date as well.');
		expect(check(period, { start: '', end: '2025-04-01' })).toBe('Enter the start date as well.');
		expect(check(period, { start: '2025-04-31', end: '2025-05-01' })).toBe('2025-04-31 is not a day in the calendar.');
	});

	test('versions are checked by the shared version rules', () => {
		const version: FieldSpec = { name: 'version', kind: 'version' };
		expect(check(version, '22.1.1')).toBeUndefined();
		for (const typed of ['v23.3', '23', '23.03', 'latest']) {
			const message = check(version, typed);
			expect(message, typed).toBeDefined();
			expect(message).toBe(versionError(typed));
		}
	});

	test('ticket numbers: letters, a dash and digits, or just digits', () => {
		const ticket: FieldSpec = { name: 'ticket', kind: 'ticket' };
		for (const good of ['FHSD-1234', 'fhsd-7', '1234', ' FHSD-1 ']) expect(check(ticket, good), good).toBeUndefined();
		for (const bad of ['FHSD 1234', 'FHSD-', '#1234', 'FHSD-12a', 'https://desk/FHSD-1', 'FH-SD-1']) {
			expect(check(ticket, bad), bad).toBe(`"${bad.trim()}" is not a ticket number. Write it like FHSD-1234, or just the digits, 1234.`);
		}
	});

	test('a choice must be one of the options', () => {
		expect(check({ name: 'pair', kind: 'choice', options: pairOptions }, 'renew')).toBe('"renew" is not one of the options (replace, create).');
		expect(check({ name: 'pair', kind: 'choice', options: pairOptions }, 'Replace')).toBe('"Replace" is not one of the options (replace, create).');
	});

	test('values of the wrong type from storage are caught', () => {
		expect(check({ name: 'site', kind: 'text' }, 42)).toBe('Enter this as text.');
		expect(check({ name: 'items', kind: 'list' }, ['a', 7])).toBe('Every item of the list must be text.');
	});
});

describe('initial values', () => {
	const fields: FieldSpec[] = [
		{ name: 'site', kind: 'text', from_plan: 'site' },
		{ name: 'instances', kind: 'text', from_plan: 'instances', default: 'PROD MAIN and PROD TEST' },
		{ name: 'instance_list', kind: 'list', from_plan: 'instances' },
		{ name: 'target', kind: 'version', from_plan: 'targetVersion' },
		{ name: 'reading', kind: 'list', from_plan: 'readingList' },
		{ name: 'approach', kind: 'choice', options: pairOptions, default: 'create' },
		{ name: 'sas', kind: 'yesno', default: false },
		{ name: 'sso', kind: 'yesno' },
		{ name: 'period', kind: 'daterange' },
		{ name: 'upgrade_day', kind: 'date', from_plan: 'upgradeDate' },
	];

	test('empty values, then defaults, then the plan', () => {
		const values = initialValues(fields, {
			site: 'Leiden unit',
			instances: ['leiden-main', 'leiden-test'],
			targetVersion: '24.2',
			readingList: ['22.3', ' ', '23.1'],
			upgradeDate: '',
		});
		expect(values).toEqual({
			site: 'Leiden unit',
			instances: 'leiden-main, leiden-test',
			instance_list: ['leiden-main', 'leiden-test'],
			target: '24.2',
			reading: ['22.3', '23.1'],
			approach: 'create',
			sas: false,
			sso: null,
			period: { start: '', end: '' },
			upgrade_day: '',
		});
	});

	test('without a plan, the defaults stand', () => {
		const values = initialValues(fields, {});
		expect(values['instances']).toBe('PROD MAIN and PROD TEST');
		expect(values['site']).toBe('');
		expect(values['reading']).toEqual([]);
	});

	test('a default list is copied, so editing the form leaves the template alone', () => {
		const listField: FieldSpec = { name: 'slots', kind: 'list', default: ['Monday 08:00'] };
		const values = initialValues([listField], {});
		(values['slots'] as string[]).push('Tuesday 08:00');
		expect(listField.default).toEqual(['Monday 08:00']);
	});
});

describe('conditions and preconditions', () => {
	test('a condition reads yes, an answered no, an option, and "not" of each', () => {
		const values = { go: true, stop: false, pair: 'create' };
		expect(conditionHolds('go', values)).toBe(true);
		expect(conditionHolds('stop', values)).toBe(false);
		expect(conditionHolds('stop.no', values)).toBe(true);
		expect(conditionHolds('pair.create', values)).toBe(true);
		expect(conditionHolds('!pair.create', values)).toBe(false);
		// An unanswered question is neither yes nor no, and so is "not yes".
		expect(conditionHolds('unanswered', {})).toBe(false);
		expect(conditionHolds('unanswered.no', { unanswered: null })).toBe(false);
		expect(conditionHolds('!unanswered', {})).toBe(true);
	});

	test('a precondition stops the ticket only when every one of its conditions holds', () => {
		const blocks = [{ when: ['decision.go', '!checks'], reason: 'Go needs the confirmation.' }];
		expect(activeBlock(blocks, { decision: 'go' })).toBe(blocks[0]);
		expect(activeBlock(blocks, { decision: 'go', checks: false })).toBe(blocks[0]);
		expect(activeBlock(blocks, { decision: 'go', checks: true })).toBeUndefined();
		expect(activeBlock(blocks, { decision: 'no_go' })).toBeUndefined();
		expect(activeBlock(blocks, {})).toBeUndefined();
	});

	test('a date and time is YYYY-MM-DDTHH:MM on a real day', () => {
		const field = { name: 'at', kind: 'datetime' as const };
		expect(valueError(field, '2025-09-16T14:40')).toBeUndefined();
		expect(valueError(field, '2025-02-30T14:40')).toBe('2025-02-30 is not a day in the calendar.');
		expect(valueError(field, '2025-09-16 14:40')).toMatch(/is not a date and time/);
		expect(valueError(field, '2025-09-16T24:00')).toMatch(/is not a date and time/);
	});
});
