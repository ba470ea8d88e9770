import { describe, expect, it } from 'vitest';
import { readCatalogueIndex, releaseHeading, releaseHref, sortReleases, toCatalogueIndex } from '../../../src/releases/catalogue-index';
import { selectRange } from '../../../src/releases/range';
import { readingListText } from '../../../src/releases/reading-list';
import { release, sampleCatalogue, FLAG_STEPS } from './fixtures';

describe('toCatalogueIndex', () => {
	const index = toCatalogueIndex(sampleCatalogue());

	it('lists the releases oldest first', () => {
		expect(index.releases.map((entry) => entry.version)).toEqual(['1.4.0', '1.5', '1.5.5', '22.1', '22.2', '22.3', '23.1', '23.3', '24.1', '24.2']);
	});

	it('keeps only stated flags, and leaves out topics and notes', () => {
		const entry = index.releases.find((e) => e.version === '23.1');
		expect(entry?.flags).toEqual({ data_handling: 'Code list length.', security_infrastructure: 'Security section.' });
		expect(index.releases.find((e) => e.version === '22.1')).not.toHaveProperty('flags');
		expect(entry).not.toHaveProperty('notes');
		expect(entry).not.toHaveProperty('topics');
	});

	it('keeps the date, date note and end-of-year mark only where given', () => {
		const entry = index.releases.find((e) => e.version === '22.3');
		expect(entry).toMatchObject({ date_note: 'January 2023', last_in_year: true });
		expect(entry).not.toHaveProperty('date');
		const dated = toCatalogueIndex([release('30.1', {}, { date: '2030-01-02', last_in_year: false })]).releases[0];
		expect(dated).toMatchObject({ date: '2030-01-02' });
		expect(dated).not.toHaveProperty('last_in_year');
	});
});

describe('readCatalogueIndex', () => {
	it('round-trips through JSON into releases that give the same reading list as the full catalogue', () => {
		const catalogue = sampleCatalogue();
		const read = readCatalogueIndex(JSON.parse(JSON.stringify(toCatalogueIndex(catalogue))));
		for (const [from, to] of [['1.4.0', '24.2'], ['23.1', '23.3'], ['22.2', '26.1'], ['20.1', '23.2']] as const) {
			const full = selectRange(catalogue, from, to);
			const compact = selectRange(read, from, to);
			if (!full.ok || !compact.ok) throw new Error('test setup: expected a range');
			expect(readingListText(compact, FLAG_STEPS, 'https://playbook.example.org/releases/')).toBe(readingListText(full, FLAG_STEPS, 'https://playbook.example.org/releases/'));
			expect(compact.gaps).toEqual(full.gaps);
		}
	});

	it('fills every flag, null where the index states none, and empty topics and notes', () => {
		const [read] = readCatalogueIndex({ v: 1, releases: [{ version: '23.1', title: 'T', summary: 'S', source_url: 'https://e.org', flags: { integrations_api: 'API.' } }] });
		expect(read).toEqual({
			version: '23.1',
			title: 'T',
			summary: 'S',
			source_url: 'https://e.org',
			topics: [],
			notes: '',
			flags: { data_handling: null, reports_dashboards_exports: null, integrations_api: 'API.', security_infrastructure: null },
		});
	});

	it('skips malformed entries and refuses what is not an index', () => {
		const good = { version: '23.1', title: 'T', summary: 'S', source_url: 'https://e.org' };
		const read = readCatalogueIndex({
			releases: [good, null, 'x', { ...good, version: 'v23.2' }, { ...good, title: '' }, { ...good, version: 23.3 }, { ...good, version: '24.1', flags: { data_handling: 7 } }],
		});
		expect(read.map((r) => r.version)).toEqual(['23.1', '24.1']);
		expect(read[1]?.flags.data_handling).toBeNull();
		expect(readCatalogueIndex(null)).toEqual([]);
		expect(readCatalogueIndex({ releases: 'no' })).toEqual([]);
		expect(readCatalogueIndex([])).toEqual([]);
	});
});

describe('sortReleases', () => {
	it('orders by version number, not by text, and puts unreadable versions last', () => {
		const sorted = sortReleases([{ version: '22.10' }, { version: 'bad' }, { version: '22.9' }, { version: '1.5.5' }]);
		expect(sorted.map((r) => r.version)).toEqual(['1.5.5', '22.9', '22.10', 'bad']);
	});
});

describe('releaseHeading and releaseHref', () => {
	it('names a release by its version, adding a title that says more', () => {
		expect(releaseHeading({ version: '23.3', title: 'ClinSpark 23.3' })).toBe('ClinSpark 23.3');
		expect(releaseHeading({ version: '24.2', title: 'Needed for seca' })).toBe('ClinSpark 24.2: Needed for seca');
		expect(releaseHref('1.5.5')).toBe('/releases/1.5.5/');
	});
});
