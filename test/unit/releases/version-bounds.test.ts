import { describe, expect, it } from 'vitest';
import { normalizeVersionText, parseVersion, versionError } from '../../../src/releases/version';

describe('item 11: version parts are bounded', () => {
	it('a version of 3,500 parts is refused with a reason, so it never reaches the plan', () => {
		const huge = Array.from({ length: 3500 }, () => '1').join('.');
		expect(versionError(huge)).toMatch(/parts/);
		expect(parseVersion(huge)).toBeUndefined();
		expect(normalizeVersionText(huge)).toBeUndefined();
	});

	it('the longest real forms still parse', () => {
		expect(parseVersion('1.2.3.4.5')).toBeDefined();
		expect(parseVersion('22.1.1')).toBeDefined();
	});
});
