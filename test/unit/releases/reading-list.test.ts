import { describe, expect, it } from 'vitest';
import { selectRange, type ReleaseRange } from '../../../src/releases/range';
import { readingListText } from '../../../src/releases/reading-list';
import { release, sampleCatalogue, FLAG_STEPS } from './fixtures';

function range(from: string, to: string, catalogue = sampleCatalogue()): ReleaseRange {
	const result = selectRange(catalogue, from, to);
	if (!result.ok) throw new Error(`test setup: ${from} → ${to} should be a range`);
	return result;
}

describe('readingListText', () => {
	const text = readingListText(range('22.2', '24.1'), FLAG_STEPS);
	const lines = text.split('\n');

	it('starts with the range and whether each end is in the catalogue', () => {
		expect(lines[0]).toBe('ClinSpark upgrade reading list: 22.2 → 24.1');
		expect(lines[1]).toBe('Current version 22.2 (in the catalogue); target version 24.1 (in the catalogue).');
		expect(lines[2]).toMatch(/^4 releases; 4 state data-handling changes, see step 18;/);
	});

	it('gives a release its date where one is known', () => {
		const catalogue = sampleCatalogue().map((r) => (r.version === '23.1' ? { ...r, date: '2023-03-01' } : r));
		expect(readingListText(range('22.2', '24.1', catalogue), FLAG_STEPS)).toContain('\n23.1 (2023-03-01): Release 23.1\n');
	});

	it('lists each release oldest first with its date or date note, title, stated flags and source', () => {
		const headings = lines.filter((line) => /^\d[\d.]*( \([^)]*\))?: /.test(line));
		expect(headings).toEqual([
			'22.3: Release 22.3',
			'23.1: Release 23.1',
			'23.3: Release 23.3',
			'24.1: Release 24.1',
		]);
		expect(text).toContain('22.3: Release 22.3\n  Date note: January 2023\n');
		const block = text.slice(text.indexOf('23.1: '), text.indexOf('23.3: '));
		expect(block).toContain('  Data handling: Code list length.');
		expect(block).toContain('  Security or infrastructure: Security section.');
		expect(block).not.toContain('Integrations or API');
		expect(block).toContain('  Source: https://example.org/23.1');
	});

	it('lists the gaps and tells the reader to check the service desk portal', () => {
		expect(text).toContain('The catalogue may be missing:\n- 23.2: ');
		expect(text).toContain('- 23.4 and later 23.x: ');
		expect(text).toMatch(/Check the release notes in the service desk portal\.\n$/);
	});

	it('shows a published date when a release has one, and says when nothing is flagged', () => {
		const catalogue = [release('30.1'), release('30.2', {}, { date: '2030-03-01' })];
		const out = readingListText(range('30.1', '30.2', catalogue), FLAG_STEPS);
		expect(out).toContain('30.2 (2030-03-01): Release 30.2\n  No flagged changes stated publicly.\n');
	});

	it('flattens multi-line flag notes onto one line', () => {
		const catalogue = [release('30.1'), release('30.2', { integrations_api: 'First line\nsecond   line.' })];
		expect(readingListText(range('30.1', '30.2', catalogue), FLAG_STEPS)).toContain('  Integrations or API: First line second line.\n');
	});

	it('says so when no catalogue release falls in the range, and names the target as missing', () => {
		const out = readingListText(range('24.2', '26.1'), FLAG_STEPS);
		expect(out).toContain('target version 26.1 (not in the catalogue)');
		expect(out).toContain('The catalogue has no release after 24.2 up to 26.1.');
		expect(out).toContain('- 25.x: ');
		expect(out).toContain('- 26.1 (the target itself): ');
	});

	it('adds a link back to the playbook only when a site base is given, replacing any query on it', () => {
		expect(text).not.toContain('Playbook:');
		const linked = readingListText(range('22.2', '24.1'), FLAG_STEPS, 'https://docs.example.org/releases/?from=1.4.0#top');
		expect(linked).toContain('Playbook: https://docs.example.org/releases/?from=22.2&to=24.1\n');
	});
});
