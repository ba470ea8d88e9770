import { describe, expect, it } from 'vitest';
import { planRangeText } from '../../../src/releases/plan-range';

const catalogue = ['1.4.0', '1.5', '1.5.5', '22.1', '22.2', '22.3', '23.1', '23.3', '24.1', '24.2'];

describe('planRangeText', () => {
	it('counts the releases after the current version up to and including the target', () => {
		expect(planRangeText(catalogue, '23.1', '24.2')).toBe('Your plan: 23.1 → 24.2, 3 releases in the catalogue.');
		expect(planRangeText(catalogue, '1.5', '22.1')).toBe('Your plan: 1.5 → 22.1, 2 releases in the catalogue.');
	});

	it('counts a version the catalogue does not hold by where it falls', () => {
		expect(planRangeText(catalogue, '23.2', '23.3')).toBe('Your plan: 23.2 → 23.3, 1 release in the catalogue.');
		expect(planRangeText(catalogue, '24.2', '24.4')).toBe('Your plan: 24.2 → 24.4, no release in the catalogue.');
	});

	it('writes the versions in their one spelling', () => {
		expect(planRangeText(catalogue, ' 22.3 ', '23.1')).toBe('Your plan: 22.3 → 23.1, 1 release in the catalogue.');
	});

	it('says when the target is not after the current version', () => {
		expect(planRangeText(catalogue, '24.1', '23.3')).toBe('Your plan: 24.1 → 23.3; the target version is not after the current one.');
		expect(planRangeText(catalogue, '1.5', '1.5.0')).toBe('Your plan: 1.5 → 1.5.0; the target version is not after the current one.');
	});

	it('gives nothing when the plan lacks a version or holds one that is not valid', () => {
		expect(planRangeText(catalogue, '', '24.2')).toBeUndefined();
		expect(planRangeText(catalogue, '23.1', '')).toBeUndefined();
		expect(planRangeText(catalogue, 'v23.1', '24.2')).toBeUndefined();
	});
});
