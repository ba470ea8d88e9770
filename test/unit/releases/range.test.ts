import { describe, expect, it } from 'vitest';
import { CHECK_PORTAL, selectRange, stepsText, summarizeRange, type RangeResult, type ReleaseRange } from '../../../src/releases/range';
import { release, sampleCatalogue, FLAG_STEPS } from './fixtures';

function ok(result: RangeResult): ReleaseRange {
	if (!result.ok) throw new Error(`expected a range, got ${JSON.stringify(result.problems)}`);
	return result;
}

const versionsOf = (range: ReleaseRange) => range.releases.map((r) => r.version);
const labelsOf = (range: ReleaseRange) => range.gaps.map((gap) => gap.label);

describe('selectRange: which releases', () => {
	it('covers the whole catalogue from first to last, oldest first, excluding the current version', () => {
		const range = ok(selectRange(sampleCatalogue(), '1.4.0', '24.2'));
		expect(versionsOf(range)).toEqual(['1.5', '1.5.5', '22.1', '22.2', '22.3', '23.1', '23.3', '24.1', '24.2']);
		expect(range.fromInCatalogue).toBe(true);
		expect(range.toInCatalogue).toBe(true);
	});

	it('gives just the target for adjacent versions in one year, with no gap', () => {
		const range = ok(selectRange(sampleCatalogue(), '24.1', '24.2'));
		expect(versionsOf(range)).toEqual(['24.2']);
		expect(range.gaps).toEqual([]);
	});

	it('gives just the target for adjacent versions across a year, noting the rest of the earlier year', () => {
		const range = ok(selectRange(sampleCatalogue(), '23.3', '24.1'));
		expect(versionsOf(range)).toEqual(['24.1']);
		expect(labelsOf(range)).toEqual(['23.4 and later 23.x']);
	});

	it('places a typed current version that is not in the catalogue', () => {
		const range = ok(selectRange(sampleCatalogue(), '23.2', '24.1'));
		expect(versionsOf(range)).toEqual(['23.3', '24.1']);
		expect(range.fromInCatalogue).toBe(false);
	});

	it('places a typed hotfix target after its release and before the next', () => {
		const range = ok(selectRange(sampleCatalogue(), '22.3', '23.3.1'));
		expect(versionsOf(range)).toEqual(['23.1', '23.3']);
		expect(range.toInCatalogue).toBe(false);
		expect(range.to).toBe('23.3.1');
	});

	it('excludes the release a hotfix belongs to when starting from that hotfix', () => {
		expect(versionsOf(ok(selectRange(sampleCatalogue(), '23.1.2', '23.3')))).toEqual(['23.3']);
	});

	it('matches 1.5.0 to the catalogue entry 1.5', () => {
		const range = ok(selectRange(sampleCatalogue(), '1.5.0', '1.5.5'));
		expect(range.fromInCatalogue).toBe(true);
		expect(versionsOf(range)).toEqual(['1.5.5']);
	});

	it('returns an empty list when no catalogue release falls in the range', () => {
		const range = ok(selectRange(sampleCatalogue(), '24.2', '24.2.1'));
		expect(range.releases).toEqual([]);
	});

	it('trims and normalizes the typed versions', () => {
		const range = ok(selectRange(sampleCatalogue(), ' 22.3 ', '23.1 '));
		expect([range.from, range.to]).toEqual(['22.3', '23.1']);
	});
});

describe('selectRange: refusals', () => {
	it('refuses a target before the current version: no downgrades', () => {
		const result = selectRange(sampleCatalogue(), '24.1', '23.3');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems).toHaveLength(1);
		expect(result.problems[0]?.field).toBe('order');
		expect(result.problems[0]?.message).toMatch(/no downgrades.*target version must come after the current version.*23\.3 comes before 24\.1/);
	});

	it.each([
		['23.3', '23.3'],
		['1.5', '1.5.0'],
	])('refuses equal versions %s and %s', (from, to) => {
		const result = selectRange(sampleCatalogue(), from, to);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems[0]?.field).toBe('order');
		expect(result.problems[0]?.message).toMatch(/are the same.*comes after the current one/);
	});

	it('reports each invalid version with the message from versionError', () => {
		const result = selectRange(sampleCatalogue(), 'v22.3', '24.');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map((p) => p.field)).toEqual(['from', 'to']);
		expect(result.problems[0]?.message).toMatch(/leading "v"/);
		expect(result.problems[1]?.message).toMatch(/empty part/);
	});

	it('reports only the invalid side when the other is fine', () => {
		const result = selectRange(sampleCatalogue(), '22.3', '');
		expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(['to']);
	});
});

describe('selectRange: gaps', () => {
	it('names 23.2 between 23.1 and 23.3', () => {
		const range = ok(selectRange(sampleCatalogue(), '23.1', '23.3'));
		expect(range.gaps).toHaveLength(1);
		expect(range.gaps[0]).toMatchObject({ kind: 'versions', first: '23.2', last: '23.2', label: '23.2' });
	});

	it('names nothing after 22.3, which closed its year', () => {
		const range = ok(selectRange(sampleCatalogue(), '22.2', '23.1'));
		expect(range.gaps).toEqual([]);
	});

	it('names later 24.x, 25.x and the target itself when going from 24.2 to a typed 26.1', () => {
		const range = ok(selectRange(sampleCatalogue(), '24.2', '26.1'));
		expect(range.releases).toEqual([]);
		expect(labelsOf(range)).toEqual(['24.3 and later 24.x', '25.x', '26.1 (the target itself)']);
		expect(range.gaps[0]).toMatchObject({ kind: 'rest-of-year', year: 24, after: '24.2' });
		expect(range.gaps[0]?.reason).toContain("The catalogue's last known 24.x entry is 24.2, so later 24.x releases may be missing.");
		expect(range.gaps[1]).toMatchObject({ kind: 'years', firstYear: 25, lastYear: 25 });
		expect(range.gaps[2]).toMatchObject({ kind: 'not-in-catalogue', version: '26.1' });
	});

	it('names earlier releases of the target year and a span of missing years', () => {
		const range = ok(selectRange(sampleCatalogue(), '24.2', '28.3'));
		expect(labelsOf(range)).toEqual(['24.3 and later 24.x', '25.x to 27.x', '28.1 to 28.2', '28.3 (the target itself)']);
	});

	it('speaks of the typed current version, not the catalogue, when that version is not listed', () => {
		const range = ok(selectRange(sampleCatalogue(), '24.5', '25.1'));
		expect(range.gaps[0]?.label).toBe('24.6 and later 24.x');
		expect(range.gaps[0]?.reason).toContain('The catalogue has no 24.x entry after 24.5');
	});

	it('names the change from the older numbering to the yearly one', () => {
		const range = ok(selectRange(sampleCatalogue(), '1.5.5', '22.1'));
		expect(range.gaps).toEqual([
			expect.objectContaining({ kind: 'numbering-change', after: '1.5.5', before: '22.1', label: 'releases between 1.5.5 and 22.1' }),
		]);
		expect(range.gaps[0]?.reason).toContain('such as any 21.x');
	});

	it('lists every gap of the full catalogue in version order', () => {
		const range = ok(selectRange(sampleCatalogue(), '1.4.0', '24.2'));
		expect(labelsOf(range)).toEqual(['other older-numbering releases between 1.4.0 and 1.5.5', 'releases between 1.5.5 and 22.1', '23.2', '23.4 and later 23.x']);
	});

	it('names several missing versions inside one year as one span', () => {
		const catalogue = [release('30.1'), release('30.5')];
		expect(labelsOf(ok(selectRange(catalogue, '30.1', '30.5')))).toEqual(['30.2 to 30.4']);
	});

	it('names no sequence gap between a release and its hotfix', () => {
		expect(labelsOf(ok(selectRange(sampleCatalogue(), '23.3', '23.3.2')))).toEqual(['23.3.2 (the target itself)']);
	});

	it('ends every gap reason with the instruction to check the service desk portal', () => {
		const range = ok(selectRange(sampleCatalogue(), '1.4.0', '26.2'));
		expect(range.gaps.length).toBeGreaterThan(4);
		for (const gap of range.gaps) expect(gap.reason.endsWith(CHECK_PORTAL)).toBe(true);
	});

	it('does not depend on catalogue order', () => {
		const reversed = sampleCatalogue().reverse();
		expect(ok(selectRange(reversed, '1.4.0', '26.1'))).toEqual(ok(selectRange(sampleCatalogue(), '1.4.0', '26.1')));
	});
});

describe('summarizeRange', () => {
	it('counts stated flags and names only kinds that occur, with singular and plural right', () => {
		const range = ok(selectRange(sampleCatalogue(), '22.2', '24.2'));
		const summary = summarizeRange(range.releases, FLAG_STEPS);
		expect(summary.flagCounts).toEqual({ data_handling: 4, reports_dashboards_exports: 1, integrations_api: 2, security_infrastructure: 2 });
		expect(summary.sentence).toBe(
			'5 releases; 4 state data-handling changes, see step 18; 1 changes bundled reports, dashboards or exports, see steps 3, 5 and 23; ' +
				'2 change integrations or the API; 2 change security or infrastructure, see step 15.',
		);
	});

	it('uses the singular for one release and skips kinds with no stated flag', () => {
		const summary = summarizeRange([release('24.1', { data_handling: 'Stated.' })], FLAG_STEPS);
		expect(summary.sentence).toBe('1 release; 1 states data-handling changes, see step 18.');
	});

	it('says when no flag is stated, without claiming there was no change', () => {
		expect(summarizeRange([release('22.1'), release('22.2')], FLAG_STEPS).sentence).toBe('2 releases; no flagged changes stated publicly.');
	});

	it('handles an empty list', () => {
		const summary = summarizeRange([], FLAG_STEPS);
		expect(summary.releaseCount).toBe(0);
		expect(summary.sentence).toBe('No releases in the catalogue.');
	});
});

describe('stepsText', () => {
	it.each([
		[[], ''],
		[[18], 'see step 18'],
		[[3, 23], 'see steps 3 and 23'],
		[[3, 5, 23], 'see steps 3, 5 and 23'],
	])('%j → %j', (steps, expected) => {
		expect(stepsText(steps)).toBe(expected);
	});
});
