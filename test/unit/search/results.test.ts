import { describe, expect, test } from 'vitest';
import { dedupeResults, excerptParts, pageLabel, summarise, toResultView, type FragmentData , describeOutcome } from '../../../src/search/results';

const stepData: FragmentData = {
	url: '/stages/day-of-upgrade/#step-17',
	excerpt: 'has stopped, including <mark>lab</mark> <mark>data</mark> transfers.',
	meta: {
		title: 'Step 17: Stop all production activity',
		kind: 'step',
		step: '17',
		stage: 'Day of Upgrade',
		roles: 'Customer',
		sides: 'customer',
		activity: 'Make sure all activity on PROD MAIN and PROD TEST has stopped.',
	},
};

describe('excerptParts', () => {
	test('splits at marks and decodes entities, never keeping other tags', () => {
		expect(excerptParts('a &amp; b <mark>Bearer</mark> tokens &lt;x&gt; <b>bold</b>')).toEqual([
			{ text: 'a & b ', mark: false },
			{ text: 'Bearer', mark: true },
			{ text: ' tokens <x> bold', mark: false },
		]);
	});

	test('joins neighbouring marks and survives an unclosed one', () => {
		expect(excerptParts('<mark>lab</mark><mark>s</mark> end')).toEqual([
			{ text: 'labs', mark: true },
			{ text: ' end', mark: false },
		]);
		expect(excerptParts('x <mark>y')).toEqual([
			{ text: 'x ', mark: false },
			{ text: 'y', mark: true },
		]);
		expect(excerptParts('')).toEqual([]);
	});
});

describe('toResultView', () => {
	test('a step shows its title, stage and roles, and lands on its anchor', () => {
		const view = toResultView(stepData);
		expect(view).toMatchObject({ url: '/stages/day-of-upgrade/#step-17', kind: 'step', title: 'Step 17: Stop all production activity', label: 'Day of Upgrade' });
		expect(view.roles).toEqual([{ name: 'Customer', side: 'customer' }]);
		expect(view.excerpt.filter((p) => p.mark).map((p) => p.text)).toEqual(['lab', 'data']);
	});

	test('a step listed by filters alone shows its activity', () => {
		expect(toResultView(stepData, { browsing: true }).excerpt).toEqual([{ text: stepData.meta.activity, mark: false }]);
	});

	test('a step shared by roles lists each with its side', () => {
		const shared = { ...stepData, meta: { ...stepData.meta, roles: 'IQVIA PM, IQVIA Engineer', sides: 'iqvia, iqvia' } };
		expect(toResultView(shared).roles).toEqual([
			{ name: 'IQVIA PM', side: 'iqvia' },
			{ name: 'IQVIA Engineer', side: 'iqvia' },
		]);
	});

	test('a page lands on the heading holding most of the matches', () => {
		const page: FragmentData = {
			url: '/releases/23.3/',
			excerpt: 'Centred on data review',
			meta: { title: 'ClinSpark 23.3' },
			sub_results: [
				{ url: '/releases/23.3/', title: 'ClinSpark 23.3', excerpt: 'top', locations: [1] },
				{ url: '/releases/23.3/#flags', title: 'What to check', excerpt: 'accept <mark>Bearer</mark> API tokens', locations: [40, 41] },
			],
		};
		const view = toResultView(page);
		expect(view).toMatchObject({ url: '/releases/23.3/#flags', kind: 'page', title: 'ClinSpark 23.3', section: 'What to check', label: 'Release notes', roles: [] });
		expect(view.excerpt).toEqual([
			{ text: 'accept ', mark: false },
			{ text: 'Bearer', mark: true },
			{ text: ' API tokens', mark: false },
		]);
	});

	test('a page whose matches sit at its top lands on the page itself', () => {
		const page: FragmentData = { url: '/glossary/', excerpt: '<mark>FHSD</mark> ticket', meta: { title: 'Glossary' }, sub_results: [{ url: '/glossary/', title: 'Glossary', locations: [3] }] };
		const view = toResultView(page);
		expect(view.url).toBe('/glossary/');
		expect(view.section).toBeUndefined();
		expect(view.label).toBe('Reference');
	});
});

describe('pageLabel', () => {
	test('names the kind of page from its address', () => {
		expect(pageLabel('/stages/validation/')).toBe('Stage');
		expect(pageLabel('/releases/23.3/#flags')).toBe('Release notes');
		expect(pageLabel('/releases/')).toBe('Release picker');
		expect(pageLabel('/tickets/val-request/')).toBe('Ticket template');
		expect(pageLabel('/background/')).toBe('Reference');
		expect(pageLabel('/')).toBe('Page');
		expect(pageLabel('/docs/tickets/val-request/', '/docs/')).toBe('Ticket template');
	});
});

describe('dedupeResults', () => {
	test('keeps the first result for each address', () => {
		const results = [{ url: '/stages/x/#step-1' }, { url: '/roles/' }, { url: '/stages/x/#step-1' }, { url: '/roles/index.html' }];
		expect(dedupeResults(results)).toEqual([{ url: '/stages/x/#step-1' }, { url: '/roles/' }]);
	});
});

describe('summarise', () => {
	test('says how many results, for what, and in which scope', () => {
		expect(summarise(2, { q: 'lab data', stageNames: [], roleNames: [] })).toBe('2 results for “lab data”.');
		expect(summarise(8, { q: '', stageNames: [], roleNames: ['IQVIA Engineer'] })).toBe('8 steps for IQVIA Engineer.');
		expect(summarise(1, { q: '', stageNames: ['Validation', 'Day of Upgrade'], roleNames: ['Customer', 'IQVIA PM'] })).toBe(
			'1 step in Validation or Day of Upgrade, for Customer or IQVIA PM.',
		);
		expect(summarise(0, { q: 'zzz', stageNames: ['Validation'], roleNames: [] })).toBe('No results for “zzz” in Validation.');
		expect(summarise(40, { q: 'the', stageNames: [], roleNames: [] }, 8)).toBe('40 results for “the”; the first 8 are shown.');
	});
});

describe('describeOutcome', () => {
	const scope = { q: 'bakup', stageNames: [], roleNames: [] };
	test('says a query was corrected and offers the other close queries', () => {
		const described = describeOutcome({ total: 2, results: [1, 2], correctedTo: 'backup', suggestions: ['back'] }, scope);
		expect(described.status).toBe('No results for “bakup”. Showing instead: 2 results for “backup”.');
		expect(described.help).toEqual({ text: 'Or search for:', queries: ['back'], dropFilters: false });
	});
	test('says how many results the query has without the filters that emptied it, and offers to drop them', () => {
		const described = describeOutcome({ total: 0, results: [], withoutFilters: 7 }, { q: 'backup', stageNames: [], roleNames: ['IQVIA PM'] });
		expect(described.status).toBe('No results for “backup” for IQVIA PM.');
		expect(described.help).toEqual({ text: '7 results without the stage and role filters.', queries: [], dropFilters: true });
	});
	test('adds nothing when the results speak for themselves', () => {
		expect(describeOutcome({ total: 1, results: [1] }, { ...scope, q: 'backup' })).toEqual({ status: '1 result for “backup”.' });
	});
});
