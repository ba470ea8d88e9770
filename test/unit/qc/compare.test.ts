import { describe, expect, it } from 'vitest';
import { compareListings, summaryLine } from '../../../src/qc/compare';
import { readListing } from '../../../src/qc/listing';
import { encodingWarning, modeForVersions } from '../../../src/qc/mode';
import { md5Base64, md5Hex } from './helpers';

/** A listing as text: a header, then one line per component with a view and a data checksum. */
function listing(rows: [string, string, string][]): ReturnType<typeof readListing> {
	return readListing(['Name\tView hash\tData hash', ...rows.map((row) => row.join('\t'))].join('\n'));
}
const hex = (name: string, part: string, version = 1) => md5Hex(`${name}/${part}/${version}`);
const b64 = (name: string, part: string, version = 1) => md5Base64(`${name}/${part}/${version}`);

describe('comparing two listings', () => {
	const before = listing([
		['Same', hex('Same', 'view'), hex('Same', 'data')],
		['Edited', hex('Edited', 'view'), hex('Edited', 'data')],
		['Gone', hex('Gone', 'view'), hex('Gone', 'data')],
	]);
	const after = listing([
		['Same', hex('Same', 'view'), hex('Same', 'data')],
		['Edited', hex('Edited', 'view'), hex('Edited', 'data', 2)],
		['New', hex('New', 'view'), hex('New', 'data')],
	]);

	it('finds unchanged, changed, added and removed components, differences first', () => {
		const result = compareListings(before, after, 'same-version');
		expect(result.items.map((item) => [item.name, item.outcome])).toEqual([
			['Edited', 'changed'],
			['New', 'added'],
			['Gone', 'removed'],
			['Same', 'unchanged'],
		]);
		expect(result.items[0]!.parts.map((part) => [part.part, part.outcome])).toEqual([
			['view', 'unchanged'],
			['data', 'changed'],
		]);
		expect(summaryLine(result.counts)).toBe('1 unchanged, 1 changed, 1 added, 1 removed');
	});

	it('reports a part present on one side only as a change of the component', () => {
		const one = readListing(`Name\tView hash\nReport A\t${hex('A', 'view')}`);
		const two = readListing(`Name\tView hash\tData hash\nReport A\t${hex('A', 'view')}\t${hex('A', 'data')}`);
		const result = compareListings(one, two, 'same-version');
		expect(result.items[0]).toMatchObject({ outcome: 'changed', parts: [{ part: 'view', outcome: 'unchanged' }, { part: 'data', outcome: 'added' }] });
	});

	it('reports a component listed twice on one side as a duplicate with both lines, and does not pick one', () => {
		const twice = listing([
			['Twice', hex('Twice', 'view'), hex('Twice', 'data')],
			['twice', hex('Twice', 'view', 2), hex('Twice', 'data')],
		]);
		const result = compareListings(twice, listing([['Twice', hex('Twice', 'view'), hex('Twice', 'data')]]), 'same-version');
		expect(result.items).toEqual([expect.objectContaining({ name: 'Twice', outcome: 'duplicate', beforeLines: [2, 3], afterLines: [2] })]);
		expect(summaryLine(result.counts)).toBe('0 unchanged, 0 changed, 0 added, 0 removed, 1 duplicate');
	});

	describe('across 23.3', () => {
		const old = listing([
			['Same', b64('Same', 'view'), b64('Same', 'data')],
			['Edited', b64('Edited', 'view'), b64('Edited', 'data')],
		]);
		const fresh = listing([
			['Same', hex('Same', 'view'), hex('Same', 'data')],
			['Edited', hex('Edited', 'view'), hex('Edited', 'data', 2)],
		]);

		it('calls a Base64 checksum equal to a hex one after decoding "equal after re-encoding", and a difference "to check"', () => {
			const result = compareListings(old, fresh, 'across-23.3');
			expect(result.items.map((item) => [item.name, item.outcome])).toEqual([
				['Edited', 'to-check'],
				['Same', 'reencoded'],
			]);
			expect(result.items[0]!.parts.map((part) => part.outcome)).toEqual(['reencoded', 'to-check']);
			expect(summaryLine(result.counts)).toBe('0 unchanged, 0 changed, 0 added, 0 removed, 1 equal after re-encoding, 1 to check');
		});

		it('still calls a difference between two listings of the same encoding a change', () => {
			expect(compareListings(fresh, listing([['Same', hex('Same', 'view'), hex('Same', 'data', 3)], ['Edited', hex('Edited', 'view'), hex('Edited', 'data', 2)]]), 'across-23.3').counts).toMatchObject({ changed: 1, unchanged: 1 });
		});

		it('VAL vs PROD mode calls the same difference a change, since the versions should match', () => {
			const result = compareListings(old, fresh, 'same-version');
			expect(result.counts).toMatchObject({ changed: 1, reencoded: 1, 'to-check': 0 });
		});
	});
});

describe('the mode', () => {
	it('follows the plan: across 23.3 only when the upgrade starts before 23.3 and ends at or after it', () => {
		expect(modeForVersions('23.1', '23.3')).toBe('across-23.3');
		expect(modeForVersions('1.5.5', '24.2')).toBe('across-23.3');
		expect(modeForVersions('23.3', '24.2')).toBe('same-version');
		expect(modeForVersions('22.1', '23.1')).toBe('same-version');
		expect(modeForVersions('', '24.2')).toBe('same-version');
	});

	it('warns when the encodings do not fit the mode', () => {
		expect(encodingWarning('same-version', { hex: 0, base64: 3 }, { hex: 3, base64: 0 })).toContain('Before vs after across 23.3');
		expect(encodingWarning('across-23.3', { hex: 0, base64: 3 }, { hex: 3, base64: 0 })).toBe('');
		expect(encodingWarning('same-version', { hex: 3, base64: 0 }, { hex: 3, base64: 0 })).toBe('');
		expect(encodingWarning('same-version', { hex: 1, base64: 1 }, { hex: 3, base64: 0 })).toContain('mixes');
	});
});
