import { describe, expect, it } from 'vitest';
import { isCalendarDate, releaseSchema } from '../../../src/releases/schema';

function validRelease(): Record<string, unknown> {
	return {
		version: '23.3',
		title: 'ClinSpark 23.3',
		summary: 'A test release.',
		topics: ['API enhancements'],
		source_url: 'https://example.org/23.3',
		flags: {
			data_handling: null,
			reports_dashboards_exports: 'Checksums changed.',
			integrations_api: null,
			security_infrastructure: null,
		},
		notes: 'Known from a test.',
	};
}

function messages(input: unknown): string[] {
	const result = releaseSchema.safeParse(input);
	return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('releaseSchema accepts', () => {
	it('a complete release without a date', () => {
		const result = releaseSchema.safeParse(validRelease());
		expect(result.success).toBe(true);
		expect(result.data?.flags.reports_dashboards_exports).toBe('Checksums changed.');
	});

	it('a real date, a date note, last_in_year and empty topics', () => {
		const result = releaseSchema.safeParse({ ...validRelease(), date: '2024-02-29', date_note: 'Month only.', last_in_year: true, topics: [] });
		expect(result.success).toBe(true);
		expect(result.data?.date).toBe('2024-02-29');
	});
});

describe('releaseSchema refuses', () => {
	it.each([
		['v23.3', /leading "v"/],
		['23', /only one part/],
		['23.x', /other than digits/],
		[' 23.3', /without surrounding spaces: "23\.3"/],
	])('version %j', (version, reason) => {
		const found = messages({ ...validRelease(), version });
		expect(found).toHaveLength(1);
		expect(found[0]).toMatch(reason);
	});

	it('a version YAML read as a number, telling to quote it', () => {
		expect(messages({ ...validRelease(), version: 23.3 })[0]).toMatch(/quoted string.*version: "23\.3"/);
	});

	it.each(['2023-02-30', '2023-13-01', '2023-1-5', '05/01/2023', '2023-02-29'])('the date %s', (date) => {
		expect(messages({ ...validRelease(), date })[0]).toMatch(`date "${date}" is not a real calendar date in the form YYYY-MM-DD`);
	});

	it('an unquoted YAML date that arrived as a Date object, and a null date', () => {
		expect(messages({ ...validRelease(), date: new Date('2023-01-05') })[0]).toMatch(/quoted text/);
		expect(messages({ ...validRelease(), date: null })[0]).toMatch(/leave date out/);
	});

	it('an unknown flag key, naming it and the four allowed keys', () => {
		const flags = { ...(validRelease().flags as object), data_model: null };
		const found = messages({ ...validRelease(), flags });
		expect(found).toHaveLength(1);
		expect(found[0]).toContain('data_model');
		expect(found[0]).toContain('data_handling, reports_dashboards_exports, integrations_api, security_infrastructure');
	});

	it('a missing flag key', () => {
		const { security_infrastructure: _, ...flags } = validRelease().flags as Record<string, unknown>;
		expect(messages({ ...validRelease(), flags })[0]).toMatch(/flag is missing.*justification note.*or null/);
	});

	it.each([true, false])('a flag set to %s without a note, asking for the justification or null', (value) => {
		const flags = { ...(validRelease().flags as object), integrations_api: value };
		const found = releaseSchema.safeParse({ ...validRelease(), flags });
		expect(found.success).toBe(false);
		expect(found.error?.issues[0]?.path).toEqual(['flags', 'integrations_api']);
		expect(found.error?.issues[0]?.message).toBe(
			`A flag cannot be ${value}: give the justification note as a string (the flag is then true) or null (not stated publicly).`,
		);
	});

	it('an empty flag note', () => {
		const flags = { ...(validRelease().flags as object), integrations_api: '   ' };
		expect(messages({ ...validRelease(), flags })[0]).toMatch(/cannot be empty/);
	});

	it.each(['not a url', 'ftp://example.org/file', ''])('the source_url %j', (source_url) => {
		expect(messages({ ...validRelease(), source_url })[0]).toBe('source_url must be a full http(s) address.');
	});

	it('an unknown top-level field', () => {
		expect(messages({ ...validRelease(), flag: {} })[0]).toMatch(/Unknown field\(s\) flag/);
	});

	it.each(['title', 'summary', 'notes', 'topics', 'flags', 'source_url'])('a missing %s', (field) => {
		const input = validRelease();
		delete input[field];
		expect(releaseSchema.safeParse(input).success).toBe(false);
	});

	it('an empty title', () => {
		expect(messages({ ...validRelease(), title: '  ' })[0]).toBe('title cannot be empty.');
	});
});

describe('isCalendarDate', () => {
	it.each([
		['2024-02-29', true],
		['2023-02-28', true],
		['2023-12-31', true],
		['2023-02-29', false],
		['2023-02-30', false],
		['2023-04-31', false],
		['2023-00-10', false],
		['2023-01-00', false],
		['20230105', false],
		['2023-01-05T00:00:00Z', false],
	])('%s → %s', (text, expected) => {
		expect(isCalendarDate(text)).toBe(expected);
	});
});
