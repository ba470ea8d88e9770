import { describe, expect, test } from 'vitest';
import { assertTemplate, checkTemplate, parseBody, TemplateSyntaxError } from '../../../src/tickets/template';
import { fixtureText, splitTemplate } from './load';

const fields = [
	{ name: 'site', label: 'Site', kind: 'text', required: true },
	{ name: 'build', label: 'Build', kind: 'text' },
	{ name: 'sso', label: 'SSO', kind: 'yesno', required: true },
	{ name: 'val_pair', label: 'VAL pair', kind: 'choice', required: true, options: [{ value: 'replace', label: 'Replace it' }, { value: 'create', label: 'Create one' }] },
	{ name: 'validation', label: 'Validation', kind: 'daterange', required: true },
	{ name: 'configs', label: 'Configurations', kind: 'list' },
];
const frontmatter = { title: 'T', summary: 'S.', steps: [4], order: 1, from: 'customer', kind: 'new', subject: 'About {{site}}', fields };

/** A body that uses every field above correctly; tests change one line of it. */
const sound = [
	'Site: {{site}}',
	'{{#build}}',
	'Build: {{build}}',
	'{{/build}}',
	'SSO: {{sso}}',
	'{{#val_pair.replace}}Terminate the old pair.{{/val_pair.replace}}',
	'From {{validation.start}} to {{validation.end}}',
	'{{#configs.length}}',
	'Keep:',
	'{{#configs}}',
	'- {{.}}',
	'{{/configs}}',
	'{{/configs.length}}',
].join('\n');

function check(body: string, front: unknown = frontmatter): string[] {
	return checkTemplate(front, body);
}

describe('parsing a body', () => {
	test('lists each tag with its line and the sections around it', () => {
		const tags = parseBody('Hello {{site}}\n{{#configs}}\n- {{.}}\n{{/configs}}\n{{! a note }}{{^sso}}no{{/sso}}');
		expect(tags.map(({ type, name, line, text }) => ({ type, name, line, text }))).toEqual([
			{ type: 'print', name: 'site', line: 1, text: '{{site}}' },
			{ type: 'section', name: 'configs', line: 2, text: '{{#configs}}' },
			{ type: 'print', name: '.', line: 3, text: '{{.}}' },
			{ type: 'inverted', name: 'sso', line: 5, text: '{{^sso}}' },
		]);
		expect(tags[2]?.sections.map((section) => section.name)).toEqual(['configs']);
		expect(tags[0]?.sections).toEqual([]);
	});

	test('counts lines the same with Windows line ends', () => {
		expect(parseBody('a\r\nb\r\n{{site}}').map((tag) => tag.line)).toEqual([3]);
	});

	test('marks the refused tag forms so they can be reported', () => {
		expect(parseBody('{{{a}}} {{&b}} {{>c}}').map((tag) => [tag.type, tag.name])).toEqual([
			['unescaped', 'a'],
			['unescaped', 'b'],
			['partial', 'c'],
		]);
	});

	test('throws a syntax error for an unclosed section', () => {
		expect(() => parseBody('{{#a}}\nno end')).toThrow(TemplateSyntaxError);
	});
});

describe('checking a template', () => {
	test('a sound template has no problems', () => {
		expect(check(sound)).toEqual([]);
	});

	test('a name no field declares is named with its line', () => {
		expect(check(`${sound}\nContact: {{contact}}`)).toEqual(['Line 14: the body uses {{contact}}, but no field named "contact" is declared.']);
	});

	test('a part a field does not offer lists what it does offer', () => {
		expect(check(`${sound}\n{{#val_pair.renew}}x{{/val_pair.renew}}`)).toEqual([
			'Line 14: the body uses {{#val_pair.renew}}, but the choice field val_pair only offers: val_pair, val_pair.replace, val_pair.create.',
		]);
	});

	test('a declared field the body never uses', () => {
		const body = sound.replace('SSO: {{sso}}\n', '');
		expect(check(body)).toEqual(['The field sso is declared but the body never uses it.']);
	});

	test('a list cannot be printed whole', () => {
		expect(check(`${sound}\n{{configs}}`)).toEqual(['Line 14: the list {{configs}} cannot be printed whole; repeat it with {{#configs}}- {{.}}{{/configs}}.']);
	});

	test('a condition cannot be printed', () => {
		expect(check(`${sound}\n{{val_pair.create}}`)).toEqual(['Line 14: {{val_pair.create}} is a condition, not text; use it as {{#val_pair.create}}…{{/val_pair.create}}.']);
		expect(check(`${sound}\n{{configs.length}}`)).toEqual(['Line 14: {{configs.length}} is a condition, not text; use it as {{#configs.length}}…{{/configs.length}}.']);
	});

	test('the current item only inside a list section', () => {
		const outside = 'Line 14: {{.}} stands for a list item, so it must sit directly inside a list section such as {{#items}}…{{/items}}.';
		expect(check(`${sound}\n{{.}}`)).toEqual([outside]);
		expect(check(`${sound}\n{{#site}}{{.}}{{/site}}`)).toEqual([outside]);
		expect(check(`${sound}\n{{^configs}}{{.}}{{/configs}}`)).toEqual([outside]);
		expect(check(`${sound}\n{{#.}}x{{/.}}`)).toEqual(['Line 14: {{#.}} opens a section on the current item; open it on a field name instead.']);
	});

	test('an optional field printed outside its own section', () => {
		expect(check(`${sound}\nBuild again: {{build}}`)).toEqual([
			'Line 14: the optional field build is printed outside a {{#build}}…{{/build}} section, so leaving it empty would leave a label with nothing after it.',
		]);
		expect(check(`${sound}\n{{^build}}Build: {{build}}{{/build}}`)).toHaveLength(1);
		expect(check(`${sound}\n{{#site}}Build: {{build}}{{/site}}`)).toHaveLength(1);
	});

	test('a choice option section guards the choice; a date range section guards its dates', () => {
		const front = {
			...frontmatter,
			fields: [
				{ name: 'asked', label: 'Asked', kind: 'yesno', required: true },
				{ name: 'pair', label: 'Pair', kind: 'choice', required_when: 'asked', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
				{ name: 'period', label: 'Period', kind: 'daterange' },
			],
			subject: 'Pair',
		};
		expect(check('{{asked}}{{#pair.a}}Chosen: {{pair}}{{/pair.a}}\n{{#period}}{{period.start}} – {{period.end}}{{/period}}', front)).toEqual([]);
		expect(check('{{asked}}{{#pair}}{{pair}}{{/pair}}\n{{#period.start}}{{period.end}}{{/period.start}}', front)).toEqual([
			'Line 2: the optional field period is printed outside a {{#period}}…{{/period}} section, so leaving it empty would leave a label with nothing after it.',
		]);
	});

	test('an unclosed section names where it was opened', () => {
		expect(check(sound.replace('{{/build}}', ''))).toEqual(['The section {{#build}} (line 2) is never closed; add {{/build}} where it ends.']);
		expect(check(`${sound}\n{{#site}}\n{{#build}}{{build}}\n{{/site}}\n{{/build}}`)).toEqual([
			'Line 16: {{/site}} does not match the section still open there, {{#build}} (line 15); close that one first.',
		]);
		expect(check(`${sound}\n{{#site}}\nmore`)).toEqual(['The section {{#site}} (line 14) is never closed; add {{/site}} where it ends.']);
	});

	test('a closing tag without an opening one', () => {
		expect(check(`${sound}\n\n{{/site}}`)).toEqual(['Line 15: {{/site}} closes a section that was never opened.']);
	});

	test('a tag that is never closed', () => {
		expect(check(`${sound}\nSite: {{site`)).toEqual(['Line 14: a tag opened with {{ is never closed with }}.']);
	});

	test('triple braces, ampersand, partials and delimiter changes are refused', () => {
		expect(check(`${sound}\n{{{site}}}\n{{& site}}\n{{>footer}}`)).toEqual([
			'Line 14: write {{site}} instead of {{{site}}}; ticket text is never HTML-escaped, so one form is enough.',
			'Line 15: write {{site}} instead of {{& site}}; ticket text is never HTML-escaped, so one form is enough.',
			'Line 16: {{>footer}} includes another template, which tickets do not support; write the text out in this body.',
		]);
		expect(check(`${sound}\n{{=<% %>=}}`)).toEqual(['Line 14: {{=<% %>=}} changes the tag delimiters, which tickets do not support; keep {{ and }}.']);
	});

	test('a new ticket\'s subject is checked like the body and counts as a use of its fields', () => {
		expect(check(sound, { ...frontmatter, subject: 'About {{site}} {{nothing}}' })).toEqual([
			'In the subject: the body uses {{nothing}}, but no field named "nothing" is declared.',
		]);
		const extra = { ...frontmatter, subject: 'Build {{build}}', fields: [...fields] };
		expect(check(sound, extra)).toEqual([
			'In the subject: the optional field build is printed outside a {{#build}}…{{/build}} section, so leaving it empty would leave a label with nothing after it.',
		]);
	});

	test('a field required under a condition may be printed inside a section on that condition', () => {
		const front = {
			...frontmatter,
			fields: [
				{ name: 'decision', label: 'D', kind: 'choice', required: true, options: [{ value: 'go', label: 'Go' }, { value: 'stop', label: 'Stop' }] },
				{ name: 'reason', label: 'Why', kind: 'longtext', required_when: 'decision.stop' },
			],
			subject: 'About {{decision}}',
		};
		expect(check('{{#decision.stop}}\nWhy: {{reason}}\n{{/decision.stop}}', front)).toEqual([]);
		expect(check('{{#decision.go}}\nWhy: {{reason}}\n{{/decision.go}}', front)).toEqual([
			'Line 2: the optional field reason is printed outside a {{#reason}}…{{/reason}} section, so leaving it empty would leave a label with nothing after it.',
		]);
	});

	test('an empty body', () => {
		expect(check('\n  \n')).toEqual(['The body is empty: write the ticket text below the frontmatter.']);
	});

	test('frontmatter problems come first and the body syntax is still checked', () => {
		const broken = { ...frontmatter, fields: [...fields, { name: 'mode', label: 'Mode', kind: 'choice', required: true }] };
		expect(check(`${sound}\n{{{site}}}`, broken)).toEqual([
			'fields[6].options: a choice field needs options, at least two',
			'Line 14: write {{site}} instead of {{{site}}}; ticket text is never HTML-escaped, so one form is enough.',
		]);
	});

	test('reads a fixture file with several problems at once', () => {
		const { frontmatter: front, body } = splitTemplate(fixtureText('broken.md'));
		expect(checkTemplate(front, body)).toEqual([
			'Line 3: the body uses {{contact_phone}}, but no field named "contact_phone" is declared.',
			'Line 5: the optional field notes is printed outside a {{#notes}}…{{/notes}} section, so leaving it empty would leave a label with nothing after it.',
			'The field target_version is declared but the body never uses it.',
		]);
	});
});

describe('asserting a template for the build', () => {
	test('throws with the file first and every problem listed', () => {
		const { frontmatter: front, body } = splitTemplate(fixtureText('broken.md'));
		let message = '';
		try {
			assertTemplate('content/tickets/broken.md', front, body);
		} catch (error) {
			message = (error as Error).message;
		}
		expect(message.split('\n')).toEqual([
			'content/tickets/broken.md: the ticket template has 3 problems:',
			'- Line 3: the body uses {{contact_phone}}, but no field named "contact_phone" is declared.',
			'- Line 5: the optional field notes is printed outside a {{#notes}}…{{/notes}} section, so leaving it empty would leave a label with nothing after it.',
			'- The field target_version is declared but the body never uses it.',
		]);
	});

	test('returns the parsed frontmatter when all is well', () => {
		const parsed = assertTemplate('sound.md', frontmatter, sound);
		expect(parsed.fields.find((field) => field.name === 'build')?.required).toBe(false);
	});
});
