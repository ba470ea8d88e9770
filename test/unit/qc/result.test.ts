import { describe, expect, it } from 'vitest';
import { compareListings, isDifference } from '../../../src/qc/compare';
import { csvCell, qcCsv, qcFileName } from '../../../src/qc/csv';
import { readListing } from '../../../src/qc/listing';
import { latestMarks, type Mark } from '../../../src/qc/marks';
import { keptForm, packResult, unpackResult, type QcResult } from '../../../src/qc/result';
import { md5Base64, md5Hex } from './helpers';

const before = readListing(`Name;View hash;Data hash\nLab results;${md5Base64('a')};${md5Base64('b')}\nGone;${md5Base64('g')};${md5Base64('h')}`);
const after = readListing(`Name;View hash;Data hash\nLab results;${md5Hex('a')};${md5Hex('c')}\nNew, with a comma;${md5Hex('n')};${md5Hex('m')}`);
const result: QcResult = {
	id: 'r1',
	comparedAt: '2026-11-30T05:33:00.000Z',
	before: { instance: 'PROD MAIN', version: '23.1', components: 2, unreadable: 0 },
	after: { instance: 'PROD MAIN', version: '24.2', components: 2, unreadable: 1 },
	...compareListings(before, after, 'across-23.3'),
};

describe('the kept result', () => {
	it('reads back exactly what it wrote: the differences with their checksums and encodings, equal components without', () => {
		const packed = JSON.parse(JSON.stringify(packResult(result)));
		const differences = result.items.filter((item) => isDifference(item.outcome));
		const back = unpackResult(packed)!;
		expect(back).toEqual(keptForm(result));
		expect(back.items.filter((item) => isDifference(item.outcome))).toEqual(differences);
		expect(back.counts).toEqual(result.counts);
		const equal = compareListings(before, before, 'same-version');
		const kept = unpackResult(JSON.parse(JSON.stringify(packResult({ ...result, ...equal }))))!;
		expect(kept.items.map((item) => [item.name, item.outcome, item.parts])).toEqual([
			['Gone', 'unchanged', [{ part: 'view', outcome: 'unchanged' }, { part: 'data', outcome: 'unchanged' }]],
			['Lab results', 'unchanged', [{ part: 'view', outcome: 'unchanged' }, { part: 'data', outcome: 'unchanged' }]],
		]);
	});

	it('refuses a damaged result rather than showing part of it', () => {
		const packed = JSON.parse(JSON.stringify(packResult(result)));
		expect(unpackResult({ ...packed, mode: 'sideways' })).toBeUndefined();
		packed.items[0].p[0].b = 'not a checksum';
		expect(unpackResult(packed)).toBeUndefined();
	});
});

describe('marks', () => {
	const mark = (component: string, status: Mark['status'], at: string, resultId = 'r1'): Mark => ({ result: resultId, component, status, comment: status, at });

	it('a later mark follows an earlier one; marks of another comparison and foreign values are left out', () => {
		const marks = [
			mark('lab results', 'investigate', '2026-11-30T06:00:00.000Z'),
			mark('lab results', 'expected', '2026-11-30T06:05:00.000Z'),
			mark('gone', 'expected', '2026-11-30T06:01:00.000Z', 'r0'),
			{ nonsense: true },
		];
		const latest = latestMarks(marks, 'r1');
		expect([...latest.keys()]).toEqual(['lab results']);
		expect(latest.get('lab results')?.status).toBe('expected');
	});
});

describe('the CSV download', () => {
	it('has a row per component part with both forms of each checksum and the marks', () => {
		const marks = new Map([['lab results', { result: 'r1', component: 'lab results', status: 'expected' as const, comment: 'Bundled update, "see" 24.1', at: '2026-11-30T06:00:00.000Z' }]]);
		const lines = qcCsv(result, marks).split('\r\n');
		expect(lines[0]).toBe('\uFEFFConfiguration QC,Before vs after across 23.3');
		expect(lines).toContain(`Lab results,data,to check,${md5Base64('b')},${md5Hex('c')},${md5Hex('b')},${md5Hex('c')},2,2,expected,"Bundled update, ""see"" 24.1",2026-11-30T06:00:00.000Z`);
		expect(lines).toContain(`"New, with a comma",view,added,,${md5Hex('n')},,${md5Hex('n')},,3,,,`);
		expect(lines.filter((line) => line.startsWith('Gone,'))).toHaveLength(2);
	});

	it('defuses cells a spreadsheet would run as a formula', () => {
		expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(csvCell('-1')).toBe("'-1");
	});

	it('names the file after the instance and the local date', () => {
		expect(qcFileName('PROD MAIN', new Date(2026, 10, 30, 9))).toBe('configuration-qc-prod-main-2026-11-30.csv');
		expect(qcFileName('', new Date(2026, 10, 30, 9))).toBe('configuration-qc-2026-11-30.csv');
	});
});
