import { describe, expect, it } from 'vitest';
import { gapText, placementText, placeVersion, startingRange, stepLinkParts, urlParts } from '../../../src/releases/picker-model';
import { CHECK_PORTAL, selectRange } from '../../../src/releases/range';
import { parseVersion, type Version } from '../../../src/releases/version';
import { sampleCatalogue } from './fixtures';

const v = (text: string) => parseVersion(text) as Version;

describe('placeVersion and placementText', () => {
	const catalogue = sampleCatalogue();

	it('finds the nearest catalogue versions on either side', () => {
		expect(placeVersion(catalogue, v('23.2'))).toEqual({ previous: '23.1', next: '23.3' });
		expect(placeVersion(catalogue, v('22.1.1'))).toEqual({ previous: '22.1', next: '22.2' });
		expect(placeVersion(catalogue, v('26.1'))).toEqual({ previous: '24.2' });
		expect(placeVersion(catalogue, v('1.0'))).toEqual({ next: '1.4.0' });
	});

	it('says where a version outside the catalogue falls', () => {
		expect(placementText(catalogue, ' 23.2 ')).toBe('23.2 is not in the catalogue; it falls between 23.1 and 23.3.');
		expect(placementText(catalogue, '26.1')).toBe('26.1 is not in the catalogue; it comes after 24.2, the newest release the catalogue holds.');
		expect(placementText(catalogue, '1.0')).toBe('1.0 is not in the catalogue; it comes before 1.4.0, the oldest release the catalogue holds.');
		expect(placementText([], '23.2')).toBe('23.2 is not in the catalogue; the catalogue is empty.');
	});

	it('says nothing for a catalogue version, the same version written longer, or an invalid one', () => {
		expect(placementText(catalogue, '23.3')).toBeUndefined();
		expect(placementText(catalogue, '1.5.0')).toBeUndefined();
		expect(placementText(catalogue, 'v23.2')).toBeUndefined();
		expect(placementText(catalogue, '')).toBeUndefined();
	});
});

describe('stepLinkParts', () => {
	const stages: Record<number, string> = { 3: 'preparation', 5: 'preparation', 18: 'day-of-upgrade', 23: 'day-of-upgrade' };

	it('links each step number of a summary to its stage page', () => {
		expect(stepLinkParts('2 state data-handling changes, see step 18; 1 changes reports, see steps 3, 5 and 23.', (n) => stages[n])).toEqual([
			{ text: '2 state data-handling changes, see ' },
			{ text: 'step 18', href: '/stages/day-of-upgrade/#step-18' },
			{ text: '; 1 changes reports, see ' },
			{ text: 'steps 3', href: '/stages/preparation/#step-3' },
			{ text: ', ' },
			{ text: '5', href: '/stages/preparation/#step-5' },
			{ text: ' and ' },
			{ text: '23', href: '/stages/day-of-upgrade/#step-23' },
			{ text: '.' },
		]);
	});

	it('leaves a step whose stage is unknown as text', () => {
		expect(stepLinkParts('see step 99', () => undefined)).toEqual([{ text: 'see ' }, { text: 'step 99' }]);
	});
});

describe('urlParts', () => {
	it('links http(s) addresses and keeps the brackets and full stop around them as text', () => {
		expect(urlParts('authentication (https://e.org/wiki/x/G4AC9w).')).toEqual([
			{ text: 'authentication (' },
			{ text: 'https://e.org/wiki/x/G4AC9w', href: 'https://e.org/wiki/x/G4AC9w' },
			{ text: ').' },
		]);
	});

	it('keeps query strings, plus signs and balanced brackets inside an address', () => {
		const url = 'https://e.org/pages/viewpage.action?pageId=4001595397&x=1';
		expect(urlParts(`see ${url}, then`)).toEqual([{ text: 'see ' }, { text: url, href: url }, { text: ', then' }]);
		expect(urlParts('(https://e.org/Report+API)')[1]).toEqual({ text: 'https://e.org/Report+API', href: 'https://e.org/Report+API' });
		expect(urlParts('(https://e.org/Foo_(bar))')[1]).toEqual({ text: 'https://e.org/Foo_(bar)', href: 'https://e.org/Foo_(bar)' });
	});

	it('links nothing but http(s) addresses', () => {
		expect(urlParts('javascript:alert(1) <b>x</b> ftp://e.org www.e.org')).toEqual([{ text: 'javascript:alert(1) <b>x</b> ftp://e.org www.e.org' }]);
		expect(urlParts('')).toEqual([]);
	});
});

describe('gapText', () => {
	it('drops the portal instruction the picker gives once for all gaps', () => {
		const range = selectRange(sampleCatalogue(), '23.1', '23.3');
		if (!range.ok) throw new Error('test setup');
		const [gap] = range.gaps;
		expect(gap?.reason).toContain(CHECK_PORTAL);
		expect(gapText(gap!)).toBe('The catalogue has no entry for 23.2, although the YY.N numbering between 23.1 and 23.3 leaves room for it; it may be missing.');
	});
});

describe('startingRange', () => {
	const plan = { currentVersion: '22.3', targetVersion: '24.1' };
	const none = { currentVersion: '', targetVersion: '' };

	it('takes the range from the address when it names a version, ignoring the plan', () => {
		expect(startingRange('?from=23.1&to=%2024.2%20', plan)).toEqual({ from: '23.1', to: '24.2', source: 'address', errors: [] });
		expect(startingRange('?to=24.2', plan)).toEqual({ from: '', to: '24.2', source: 'address', errors: [] });
	});

	it('keeps a bad version from the address as typed and names it in an error', () => {
		const start = startingRange('?from=v22.3&to=24.1', plan);
		expect(start).toMatchObject({ from: 'v22.3', to: '24.1', source: 'address' });
		expect(start.errors).toHaveLength(1);
		expect(start.errors[0]).toContain('"from"');
	});

	it('falls back to the plan, then to nothing', () => {
		expect(startingRange('', plan)).toEqual({ from: '22.3', to: '24.1', source: 'plan', errors: [] });
		expect(startingRange('?from=&other=1', { currentVersion: ' 23.1 ', targetVersion: '' })).toEqual({ from: '23.1', to: '', source: 'plan', errors: [] });
		expect(startingRange('', none)).toEqual({ from: '', to: '', source: 'none', errors: [] });
	});
});
