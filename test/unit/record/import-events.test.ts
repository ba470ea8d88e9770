import { describe, expect, it } from 'vitest';
import { checkImportedEvent, duplicateKeys } from '../../../src/record/import-events';
import { isIsoInstant } from '../../../src/state/events';
import { fingerprintText } from '../../../src/state/fingerprint';

const NOW = new Date('2026-11-30T08:00:00Z');
const good = { kind: 'signed', by: 'Dana Reyes', at: '2025-03-14T09:00:00.000Z', text: 'T', fingerprint: fingerprintText('T') };

describe('isIsoInstant', () => {
	it.each(['2025-03-14T09:00:00.000Z', '2025-03-14T09:00Z', '2024-02-29T23:59:59+05:30', '2025-03-14T09:00:00-03:00'])('takes %s', (at) => {
		expect(isIsoInstant(at)).toBe(true);
	});
	it.each(['2024-02-30T00:00:00Z', '2025-02-29T00:00:00Z', '1', '2024-03-10T02:30:00', '2025-03-14T24:00:00Z', '2025-03-14 09:00:00Z', '', 7])('refuses %s', (at) => {
		expect(isIsoInstant(at)).toBe(false);
	});
});

describe('duplicateKeys', () => {
	it('finds a key written twice in one object, at any depth, and only there', () => {
		expect(duplicateKeys('{"a":1,"b":{"c":1,"c":2},"d":[{"e":1},{"e":2}]}')).toEqual(['c']);
		expect(duplicateKeys('{"a":"x\\"y","b":"{\\"a\\":1}","a":2}')).toEqual(['a']);
		expect(duplicateKeys('{"a":1,"b":2}')).toEqual([]);
	});
});

describe('checkImportedEvent', () => {
	it('passes a good event and flags one dated more than a few minutes ahead', () => {
		expect(checkImportedEvent('k', good, NOW)).toEqual({});
		expect(checkImportedEvent('k', { ...good, at: '2026-11-30T08:03:00Z' }, NOW)).toEqual({});
		expect(checkImportedEvent('k', { ...good, at: '2027-01-01T00:00:00Z' }, NOW).flag).toMatch(/future/);
	});
	it('refuses a blank signer, a bad time and a fingerprint of other text', () => {
		expect(checkImportedEvent('k', { ...good, by: ' ' }, NOW).refusal).toMatch(/no signer/);
		expect(checkImportedEvent('k', { ...good, at: '2024-03-10T02:30:00' }, NOW).refusal).toMatch(/ISO 8601/);
		expect(checkImportedEvent('k', { ...good, text: 'U' }, NOW).refusal).toMatch(/fingerprint/);
	});
});
