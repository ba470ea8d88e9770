import { describe, expect, test } from 'vitest';
import { selectRange } from '../../../src/releases/range';
import { readCatalogueIndex } from '../../../src/releases/catalogue-index';
import { compareVersions, parseVersion } from '../../../src/releases/version';
import type { FieldSpec, PlanSnapshot } from '../../../src/tickets/fields';
import {
	catalogueGapItems,
	controlsFromValue,
	listText,
	parseListText,
	planFieldOf,
	readingListItems,
	startValues,
	toDraft,
	valueFromControls,
} from '../../../src/tickets/form-values';
import { downloadName } from '../../../src/tickets/download-name';
import { ticketFile } from '../../../src/tickets/download-name';
import { neighbourGaps } from '../../../src/tickets/catalogue-gaps';
import { writeTemplate } from '../../../src/tickets/render';
import { fixtureJson, fixtureText, loadCatalogue, loadTicket } from './load';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const options = [
	{ value: 'replace', label: 'Replace' },
	{ value: 'create', label: 'Create' },
];
const fields: FieldSpec[] = [
	{ name: 'site', kind: 'text', from_plan: 'site' },
	{ name: 'notes', kind: 'longtext' },
	{ name: 'day', kind: 'date', from_plan: 'upgradeDate' },
	{ name: 'period', kind: 'daterange' },
	{ name: 'pair', kind: 'choice', options },
	{ name: 'sso', kind: 'yesno' },
	{ name: 'sas', kind: 'yesno', default: false },
	{ name: 'from', kind: 'version', from_plan: 'currentVersion' },
	{ name: 'to', kind: 'version', from_plan: 'targetVersion' },
	{ name: 'ticket', kind: 'ticket', from_plan: 'valTicket' },
	{ name: 'items', kind: 'list' },
	{ name: 'reading', kind: 'list', from_plan: 'readingList' },
];

describe('list text', () => {
	test('is one item per line; blank lines and outer spaces do not count', () => {
		expect(parseListText('  first \r\n\r\nsecond\n   \nthird')).toEqual(['first', 'second', 'third']);
	});

	test('a line indented deeper than its item continues it', () => {
		expect(parseListText('Safety Labs dashboard\n  (customised in 2023)\n    still the same item\nNext')).toEqual([
			'Safety Labs dashboard\n(customised in 2023)\nstill the same item',
			'Next',
		]);
	});

	test('a list pasted with every line indented alike stays one item per line', () => {
		expect(parseListText('  - a\n  - b\n\t- c')).toEqual(['- a', '- b', '- c']);
	});

	test('is written back so that it reads the same items', () => {
		const items = ['Subject Visit Export (SAS)', 'Safety Labs dashboard\n(customised in 2023 for protocol NF-102)', '<script>alert(1)</script>'];
		expect(listText(items)).toBe('Subject Visit Export (SAS)\nSafety Labs dashboard\n  (customised in 2023 for protocol NF-102)\n<script>alert(1)</script>');
		expect(parseListText(listText(items))).toEqual(items);
		expect(listText(['a', '  ', ''])).toBe('a');
	});
});

describe('controls and values', () => {
	const controls: Record<string, string> = {
		site: 'Leiden',
		notes: 'Two\nlines',
		day: '2025-03-31',
		'period.start': '2025-04-01',
		'period.end': '',
		pair: 'create',
		sso: 'no',
		sas: '',
		from: '22.3',
		to: '24.1',
		ticket: 'FHSD-1',
		items: 'a\n  more of a\nb',
		reading: '',
	};
	const read = (name: string) => controls[name] ?? '';

	test('each kind reads as its value: yes/no as true, false or null, lists as items, ranges as two dates', () => {
		const values = Object.fromEntries(fields.map((field) => [field.name, valueFromControls(field, read)]));
		expect(values).toEqual({
			site: 'Leiden',
			notes: 'Two\nlines',
			day: '2025-03-31',
			period: { start: '2025-04-01', end: '' },
			pair: 'create',
			sso: false,
			sas: null,
			from: '22.3',
			to: '24.1',
			ticket: 'FHSD-1',
			items: ['a\nmore of a', 'b'],
			reading: [],
		});
	});

	test('values write back to the same control texts', () => {
		const written: Record<string, string> = {};
		for (const field of fields) Object.assign(written, controlsFromValue(field, valueFromControls(field, read)));
		expect(written).toEqual({ ...controls, items: 'a\n  more of a\nb' });
	});

	test('a value of the wrong shape leaves its controls empty', () => {
		const field = (name: string) => fields.find((candidate) => candidate.name === name)!;
		expect(controlsFromValue(field('period'), 'soon')).toEqual({ 'period.start': '', 'period.end': '' });
		expect(controlsFromValue(field('sso'), 'yes')).toEqual({ sso: '' });
		expect(controlsFromValue(field('site'), 42)).toEqual({ site: '' });
	});

	test('the plan field behind a form field; the reading list is never written back', () => {
		expect(fields.map(planFieldOf)).toEqual([
			'site',
			undefined,
			'upgradeDate',
			undefined,
			undefined,
			undefined,
			undefined,
			'currentVersion',
			'targetVersion',
			'valTicket',
			undefined,
			undefined,
		]);
	});
});

describe('drafts', () => {
	test('keep every answer but the unanswered yes/no ones', () => {
		expect(toDraft(fields, { site: 'x', sso: null, sas: false, period: { start: '', end: '' }, items: [] })).toEqual({
			site: 'x',
			sas: false,
			period: { start: '', end: '' },
			items: [],
		});
	});
});

describe('the values a form starts with', () => {
	const plan: PlanSnapshot = { site: 'Plan site', currentVersion: '22.3', targetVersion: '24.1', readingList: ['23.1 line', '24.1 line'] };

	test('an empty form: defaults, then the plan', () => {
		const values = startValues(fields, plan);
		expect(values).toMatchObject({ site: 'Plan site', sas: false, sso: null, from: '22.3', to: '24.1', reading: ['23.1 line', '24.1 line'], notes: '' });
	});

	test('the draft fills what it holds; the plan still wins on shared fields', () => {
		const values = startValues(fields, plan, { site: 'Draft site', notes: 'Kept', sso: true, sas: true, day: '2025-01-02' });
		expect(values).toMatchObject({ site: 'Plan site', notes: 'Kept', sso: true, sas: true, day: '2025-01-02' });
	});

	test('a draft value of the wrong shape is written as empty controls, so it never shows', () => {
		const values = startValues(fields, {}, { notes: 42, period: { start: 1 }, items: ['ok', 3], sso: 'yes', pair: 'demolish' });
		const controls: Record<string, string> = {};
		for (const field of fields) Object.assign(controls, controlsFromValue(field, values[field.name]));
		expect(controls).toMatchObject({ notes: '', 'period.start': '', 'period.end': '', items: 'ok', sso: '' });
		// A choice is a radio group: an option it does not have matches no radio, so none is checked.
		expect(options.map((option) => option.value)).not.toContain(controls.pair);
	});

	test('a draft field named like an Object method is not read from the prototype', () => {
		expect(startValues([{ name: 'constructor', kind: 'text' }], {}, {})).toEqual({ constructor: '' });
	});

	test('a reading list edited in the draft is kept while the range is the same, and made afresh once it moved', () => {
		const draft = { from: '22.3', to: '24.1', reading: ['23.1 line', 'my own note'] };
		expect(startValues(fields, plan, draft).reading).toEqual(['23.1 line', 'my own note']);
		expect(startValues(fields, { ...plan, targetVersion: '24.2', readingList: ['new'] }, draft).reading).toEqual(['new']);
	});

	test('with no plan, the draft keeps its own reading list and versions', () => {
		const draft = { from: '22.3', to: '24.1', reading: ['kept'] };
		expect(startValues(fields, {}, draft)).toMatchObject(draft);
	});
});

describe('the reading list of the plan', () => {
	const dir = fileURLToPath(new URL('../../../content/releases/', import.meta.url));
	// Oldest first, as the page passes them.
	const versions = readdirSync(dir)
		.filter((file) => file.endsWith('.yaml'))
		.map((file) => String((parse(readFileSync(`${dir}${file}`, 'utf8')) as { version: string }).version))
		.sort((a, b) => compareVersions(parseVersion(a)!, parseVersion(b)!));

	test('lists the releases after the current version up to the target, as the fixture plan does', () => {
		expect(readingListItems(versions, '22.3', '24.1')).toEqual(['23.1', '23.3', '24.1'].map((v) => `${v} – release notes and technical file`));
	});

	test('picks the same releases as selectRange for every pair of catalogue versions', () => {
		const catalogue = readCatalogueIndex({
			releases: versions.map((version) => ({ version, title: version, summary: 's', source_url: 'https://example.org/' })),
		});
		for (const from of [...versions, '21.1', '30.1']) {
			for (const to of [...versions, '21.1', '30.1']) {
				const range = selectRange(catalogue, from, to);
				const expected = range.ok ? range.releases.map((release) => `${release.version} – release notes and technical file`) : [];
				expect(readingListItems(versions, from, to), `${from} → ${to}`).toEqual(expected);
			}
		}
	});

	test('is empty while a version is missing or not valid', () => {
		expect(readingListItems(versions, '', '24.1')).toEqual([]);
		expect(readingListItems(versions, '22.3', '24.')).toEqual([]);
	});
});

describe('the downloaded file name', () => {
	test('names the template, the site and the local day', () => {
		expect(downloadName('val-request', 'Northfield Clinical Research Unit', new Date(2025, 5, 2, 23, 30))).toBe(
			'val-request-northfield-clinical-research-unit-2025-06-02.txt',
		);
	});

	test('keeps only safe characters, and leaves out a site that has none', () => {
		expect(downloadName('go-no-go', 'Ünïcödé <script>/../ 日本', new Date(2025, 0, 9))).toBe('go-no-go-unicode-script-2025-01-09.txt');
		expect(downloadName('go-no-go', '日本語', new Date(2025, 0, 9))).toBe('go-no-go-2025-01-09.txt');
	});
});

test('the fixture form, typed into the controls and read back, gives the golden VAL request', () => {
	process.env.TZ = 'Europe/London';
	const template = loadTicket('val-request');
	const catalogue = loadCatalogue();
	const versions = catalogue.map((release) => release.version);
	const plan = {
		...(fixtureJson('plan.json') as PlanSnapshot),
		readingList: readingListItems(versions, '22.3', '24.1'),
		catalogueGaps: catalogueGapItems(versions, neighbourGaps(catalogue), '22.3', '24.1'),
	};
	const form = fixtureJson('val-request.form.json') as Record<string, unknown>;
	const controls: Record<string, string> = {};
	for (const field of template.data.fields) Object.assign(controls, controlsFromValue(field, { ...startValues(template.data.fields, plan), ...form }[field.name]));
	const values = Object.fromEntries(template.data.fields.map((field) => [field.name, valueFromControls(field, (name) => controls[name] ?? '')]));
	expect(ticketFile(writeTemplate(template, values))).toBe(fixtureText('val-request.filled.golden.txt'));
});

describe('the versions the catalogue may lack inside the plan\'s range', () => {
	const catalogue = loadCatalogue();
	const versions = catalogue.map((release) => release.version);
	const gaps = neighbourGaps(catalogue);

	test('a range across 23.1 to 23.3 names 23.2, which the catalogue lacks', () => {
		expect(catalogueGapItems(versions, gaps, '23.1', '23.3')).toEqual(['23.2 (between 23.1 and 23.3)']);
		expect(catalogueGapItems(versions, gaps, '22.3', '24.1')).toContain('23.2 (between 23.1 and 23.3)');
	});

	test('a range that does not cross a gap names none; a target outside the catalogue is named', () => {
		expect(catalogueGapItems(versions, gaps, '23.3', '23.3')).toEqual([]);
		expect(catalogueGapItems(versions, gaps, '24.1', '24.2')).toEqual([]);
		expect(catalogueGapItems(versions, gaps, '24.1', '24.3')).toContain('24.3 (the target version itself)');
	});

	test('is empty while the range is not valid', () => {
		expect(catalogueGapItems(versions, gaps, '', '24.1')).toEqual([]);
		expect(catalogueGapItems(versions, gaps, '24.1', '23.1')).toEqual([]);
	});

	test('the derived plan parts are never written back to the plan', () => {
		expect(planFieldOf({ name: 'gaps', kind: 'list', from_plan: 'catalogueGaps' })).toBeUndefined();
		expect(planFieldOf({ name: 'list', kind: 'list', from_plan: 'readingList' })).toBeUndefined();
	});
});
