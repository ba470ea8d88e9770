import { describe, expect, it } from 'vitest';
import {
	compareVersions,
	formatVersion,
	normalizeVersionText,
	parseVersion,
	sameVersion,
	versionError,
	versionScheme,
	yearlyRelease,
	type Version,
} from '../../../src/releases/version';

function must(text: string): Version {
	const version = parseVersion(text);
	if (version === undefined) throw new Error(`test setup: ${text} should parse`);
	return version;
}

describe('parseVersion', () => {
	it.each([
		['23.3', [23, 3]],
		['22.1.1', [22, 1, 1]],
		['1.4.0', [1, 4, 0]],
		['1.5', [1, 5]],
		['  24.2\t', [24, 2]],
		['2.10', [2, 10]],
		['0.0', [0, 0]],
		['1.2.3.4.5', [1, 2, 3, 4, 5]],
		['999999.1', [999999, 1]],
	])('accepts %j', (text, segments) => {
		expect(parseVersion(text)?.segments).toEqual(segments);
		expect(versionError(text)).toBeUndefined();
	});

	it.each([
		['', /Enter a version number/],
		['   ', /Enter a version number/],
		['22', /only one part/],
		['22.', /empty part/],
		['.1', /empty part/],
		['22..1', /empty part/],
		['v23.3', /leading "v": write 23\.3/],
		['V23.3', /leading "v"/],
		['-1.2', /negative/],
		['23.-1', /other than digits/],
		['23.3a', /other than digits/],
		['abc', /other than digits/],
		['23 .3', /other than digits/],
		['23,3', /other than digits/],
		['22.01', /without leading zeros: 22\.1/],
		['1234567.1', /longer than 6 digits/],
	])('refuses %j with a reason', (text, reason) => {
		expect(parseVersion(text)).toBeUndefined();
		expect(versionError(text)).toMatch(reason);
	});

	it('names the expected forms when the text is not a version at all', () => {
		expect(versionError('latest')).toContain('YY.N');
		expect(versionError('latest')).toContain('YY.N.H');
		expect(versionError('latest')).toContain('1.x');
	});
});

describe('compareVersions', () => {
	it.each([
		['2.9', '2.10', -1],
		['22.1', '22.1.1', -1],
		['22.1.1', '22.2', -1],
		['1.5.5', '22.1', -1],
		['1.4.0', '1.5', -1],
		['23.3', '23.1', 1],
		['24.1', '23.3', 1],
		['1.5', '1.5.0', 0],
		['1.5.0.0', '1.5', 0],
		['22.1.0', '22.1', 0],
		['23.3', '23.3', 0],
	])('compares %s with %s as %i', (a, b, expected) => {
		expect(compareVersions(must(a), must(b))).toBe(expected);
		expect(compareVersions(must(b), must(a))).toBe(-expected || 0);
	});

	it('sorts a shuffled list into release order', () => {
		const ordered = ['1.4.0', '1.5', '1.5.5', '2.9', '2.10', '22.1', '22.1.1', '22.1.2', '22.2', '22.3', '23.1', '23.3', '24.1', '24.2', '24.10'];
		const shuffled = ['24.10', '22.1.1', '1.5', '23.3', '2.10', '22.3', '1.4.0', '24.2', '22.1', '2.9', '22.1.2', '24.1', '1.5.5', '23.1', '22.2'];
		expect(shuffled.map(must).sort(compareVersions).map(formatVersion)).toEqual(ordered);
	});

	it('treats 1.5 and 1.5.0 as the same version', () => {
		expect(sameVersion(must('1.5'), must('1.5.0'))).toBe(true);
		expect(sameVersion(must('1.5'), must('1.5.5'))).toBe(false);
	});
});

describe('formatVersion and normalizeVersionText', () => {
	it('keeps the segments as written', () => {
		expect(formatVersion(must('1.5.0'))).toBe('1.5.0');
		expect(formatVersion(must(' 23.3 '))).toBe('23.3');
	});

	it('normalizes valid text and gives undefined for invalid text', () => {
		expect(normalizeVersionText(' 24.1 ')).toBe('24.1');
		expect(normalizeVersionText('24.x')).toBeUndefined();
	});
});

describe('versionScheme and yearlyRelease', () => {
	it.each([
		['1.4.0', 'legacy'],
		['1.5.5', 'legacy'],
		['19.9', 'legacy'],
		['20.1', 'yearly'],
		['22.1', 'yearly'],
		['22.1.0', 'yearly'],
		['22.1.1', 'hotfix'],
		['22.1.0.2', 'hotfix'],
	])('classifies %s as %s', (text, scheme) => {
		expect(versionScheme(must(text))).toBe(scheme);
	});

	it('gives the YY.N a version belongs to, and nothing for the older numbering', () => {
		expect(yearlyRelease(must('22.1.1'))).toEqual({ year: 22, sequence: 1 });
		expect(yearlyRelease(must('24.2'))).toEqual({ year: 24, sequence: 2 });
		expect(yearlyRelease(must('1.5.5'))).toBeUndefined();
	});
});
