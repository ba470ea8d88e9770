import { describe, expect, test } from 'vitest';
import type { FieldSpec } from '../../../src/tickets/fields';
import { renderTicket } from '../../../src/tickets/render';
import { checkTemplate } from '../../../src/tickets/template';

const fields: FieldSpec[] = [
	{ name: 'site', kind: 'text', required: true },
	{ name: 'build', kind: 'text' },
	{ name: 'sso', kind: 'yesno', required: true },
	{ name: 'sas', kind: 'yesno' },
	{ name: 'val_pair', kind: 'choice', required: true, options: [{ value: 'replace', label: 'Replace the pair' }, { value: 'create', label: 'Create a pair' }] },
	{ name: 'validation', kind: 'daterange', required: true },
	{ name: 'configs', kind: 'list' },
	{ name: 'notes', kind: 'longtext' },
];

const body = `Subject: VAL for {{site}}

Site: {{site}}
{{#build}}
Build: {{build}}
{{/build}}
SSO: {{sso}}
Pair: {{val_pair}}
{{#val_pair.replace}}
Terminate the old pair first.
{{/val_pair.replace}}
{{#val_pair.create}}
Create a new pair.
{{/val_pair.create}}
Validation: {{validation}} ({{validation.start}} / {{validation.end}})
{{#sas}}
- SAS programs
{{/sas}}
{{^sas}}
- No SAS programs
{{/sas}}

{{#configs.length}}
Keep these:
{{#configs}}
- {{.}}
{{/configs}}
{{/configs.length}}

{{#notes}}
Notes: {{notes}}
{{/notes}}

Thanks
`;

const template = { data: { fields }, body };

const full = {
	site: 'Leiden unit',
	build: '20250301T101500Z',
	sso: true,
	sas: true,
	val_pair: 'replace',
	validation: { start: '2025-04-01', end: '2025-06-30' },
	configs: ['Dosing report', 'Vitals dashboard'],
	notes: 'Call before noon',
};

describe('rendering', () => {
	test('the inline template used here is itself sound', () => {
		const frontmatter = { title: 'T', summary: 'S.', steps: [5], order: 1, from: 'customer', kind: 'new', subject: 'VAL for {{site}}', fields: fields.map((field) => ({ ...field, label: field.name, ...(field.kind === 'yesno' ? { required: true } : {}) })) };
		expect(checkTemplate(frontmatter, body)).toEqual([]);
	});

	test('a full form: values, choice label, yes/no, date range, conditional and repeated lines', () => {
		expect(renderTicket(template, full)).toBe(`Subject: VAL for Leiden unit

Site: Leiden unit
Build: 20250301T101500Z
SSO: Yes
Pair: Replace the pair
Terminate the old pair first.
Validation: Tue 1 Apr 2025 to Mon 30 Jun 2025 (Tue 1 Apr 2025 / Mon 30 Jun 2025)
- SAS programs

Keep these:
- Dosing report
- Vitals dashboard

Notes: Call before noon

Thanks
`);
	});

	test('empty optional fields leave no label and no extra blank line', () => {
		const text = renderTicket(template, { ...full, build: '  ', sas: false, val_pair: 'create', configs: [' ', ''], notes: '' });
		expect(text).toBe(`Subject: VAL for Leiden unit

Site: Leiden unit
SSO: Yes
Pair: Create a pair
Create a new pair.
Validation: Tue 1 Apr 2025 to Mon 30 Jun 2025 (Tue 1 Apr 2025 / Mon 30 Jun 2025)
- No SAS programs

Thanks
`);
		expect(text).not.toMatch(/Build:|Keep these|Notes:/);
		expect(text).not.toMatch(/\n\n\n/);
	});

	test('an empty form still gives tidy text: no trailing spaces, no blank runs, one final newline', () => {
		const text = renderTicket(template, {});
		expect(text).not.toMatch(/[ \t]+$/m);
		expect(text).not.toMatch(/\n\n\n/);
		expect(text.endsWith('Thanks\n')).toBe(true);
		// Before anything is typed, each empty answer shows as a bracketed placeholder, never as a bare label.
		expect(text).toContain('\nSite: [site]\nSSO: [not answered]\nPair: [not answered]\n');
		expect(text).toContain('Validation: [validation] ([validation start] / [validation end])');
		expect(text).not.toContain('Terminate');
		expect(text).not.toContain('Create a new pair');
	});

	test('a yes/no answered no prints No, and its section stays out', () => {
		const text = renderTicket(template, { ...full, sso: false, sas: false });
		expect(text).toContain('SSO: No\n');
		expect(text).toContain('- No SAS programs\n');
		expect(text).not.toContain('- SAS programs');
	});

	test('a half-filled date range prints what is known', () => {
		expect(renderTicket(template, { ...full, validation: { start: '2025-04-01', end: '' } })).toContain('Validation: from Tue 1 Apr 2025 (Tue 1 Apr 2025 / [validation end])');
		expect(renderTicket(template, { ...full, validation: { start: '', end: '2025-06-30' } })).toContain('Validation: until Mon 30 Jun 2025 ([validation start] / Mon 30 Jun 2025)');
	});

	test('a list given as text is read one item per line', () => {
		expect(renderTicket(template, { ...full, configs: 'Dosing report\r\n\r\nVitals dashboard' })).toContain('Keep these:\n- Dosing report\n- Vitals dashboard\n');
	});

	test('leading blank lines and Windows line ends in the template are tidied', () => {
		expect(renderTicket({ data: { fields: [] }, body: '\r\n\r\nHello\r\n\r\n\r\n\r\nBye   \r\n\r\n' }, {})).toBe('Hello\n\nBye\n');
	});
});

describe('safe output', () => {
	const typed = (value: string, into: 'site' | 'notes' = 'site') => renderTicket(template, { ...full, [into]: value });

	test('markup and script stay literal text', () => {
		const attack = '<script>alert("x")</script><img src=x onerror=alert(1)> &amp; &lt;b&gt;';
		expect(typed(attack)).toContain(`Site: ${attack}\n`);
	});

	test('Mustache tags typed by a user are not interpreted', () => {
		const text = typed('{{site}} {{#sso}}yes{{/sso}} {{{build}}} {{> x}} {{=<% %>=}}');
		expect(text).toContain('Site: {{site}} {{#sso}}yes{{/sso}} {{{build}}} {{> x}} {{=<% %>=}}\n');
		expect(text).toContain('Subject: VAL for {{site}} {{#sso}}');
	});

	test('a list item with tags stays literal', () => {
		expect(renderTicket(template, { ...full, configs: ['{{.}}', '}}{{'] })).toContain('- {{.}}\n- }}{{\n');
	});

	test('emoji and other scripts come through unchanged', () => {
		const text = 'Ünïcödé 日本語 עברית 🚀👩🏽‍🔬';
		expect(typed(text)).toContain(`Site: ${text}\n`);
	});

	test('a 5,000-character value is kept whole on its line', () => {
		const long = `${'word '.repeat(999)}last!`;
		expect(long).toHaveLength(5000);
		expect(typed(long)).toContain(`\nSite: ${long}\n`);
	});

	test('line breaks in a value are kept, indented under the start of the value', () => {
		const text = typed('First line\nSubject: fake\n\n- fake item', 'notes');
		expect(text).toContain('Notes: First line\n       Subject: fake\n\n       - fake item\n\nThanks\n');
	});

	test('a multi-line list item is indented under the item', () => {
		expect(renderTicket(template, { ...full, configs: ['Dosing report\nversion from 2023', 'Vitals'] })).toContain(
			'- Dosing report\n  version from 2023\n- Vitals\n',
		);
	});

	test('every kind of line break counts as a line break; invisible controls are dropped', () => {
		const text = typed('a\r\nb\rc\u2028d\u2029e\u000bf\u000cg\u0085h\u0000i\u001bj\u202ek', 'notes');
		expect(text).toContain('Notes: a\n       b\n       c\n       d\n       e\n       f\n       g\n       h' + 'ijk\n');
	});

	test('values never break the layout: each output line of the template is still where it was', () => {
		const hostile = { ...full, site: 'A\nB', build: 'x\n\n\n\ny', notes: '\n\nZ\n', configs: ['\nq'] };
		const lines = renderTicket(template, hostile).split('\n');
		expect(lines.filter((line) => /^(Site|Build|SSO|Pair|Validation|Notes):/.test(line)).map((line) => line.split(':')[0])).toEqual([
			'Site',
			'Build',
			'SSO',
			'Pair',
			'Validation',
			'Notes',
		]);
		expect(lines).toContain('Site: A');
		expect(lines).toContain('      B');
		expect(lines).toContain('Notes: Z');
	});

	test('a form value named like an Object method does not leak into the ticket', () => {
		const text = renderTicket({ data: { fields: [{ name: 'constructor', kind: 'text', required: true }] }, body: 'Value: {{constructor}}' }, {});
		expect(text).toBe('Value: [constructor]\n');
	});
});
