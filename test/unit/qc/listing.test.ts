import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/qc/decode';
import { readListing, splitCells } from '../../../src/qc/listing';
import { fixture, md5Hex } from './helpers';

const read = (name: string) => readListing(decodeBytes(fixture(name)).text);
const sums = (name: string) => [md5Hex(`${name}/view`), md5Hex(`${name}/data`), md5Hex(`${name}/script`)];
const partsOf = (listing: ReturnType<typeof readListing>, key: string) =>
	listing.rows.find((row) => row.key === key)?.parts.map((p) => [p.part, p.hex]);

describe('reading a listing', () => {
	it('reads tab-separated text from a spreadsheet by its header, in any column order, ignoring extra columns', () => {
		const listing = read('spreadsheet-tab.tsv');
		expect(listing.form).toBe('tab');
		expect(listing.headers).toEqual([1]);
		expect(listing.problems).toEqual([]);
		expect(listing.rows.map((row) => row.name)).toEqual(['Report Lab results', 'Dashboard Volunteer overview', 'Report Dosing, by cohort', 'Report Screening export']);
		const [view, data, script] = sums('Lab results');
		expect(partsOf(listing, 'report lab results')).toEqual([['view', view], ['data', data], ['data script', script]]);
		expect(listing.encodings).toEqual({ hex: 12, base64: 0 });
	});

	it('reads quoted comma CSV in Base64, with a blank line and a repeated header', () => {
		const listing = read('comma-quoted.csv');
		expect(listing.form).toBe('comma');
		expect(listing.headers).toEqual([1, 5]);
		expect(listing.skipped).toEqual([]);
		expect(listing.problems).toEqual([]);
		expect(listing.rows).toHaveLength(4);
		expect(listing.rows[2]).toMatchObject({ line: 6, name: 'Dosing, by cohort Report' });
		expect(partsOf(listing, 'dosing, by cohort report')!.map(([, hex]) => hex)).toEqual(sums('Dosing, by cohort'));
		expect(listing.encodings).toEqual({ hex: 0, base64: 12 });
	});

	it('reads semicolon CSV with a UTF-8 byte-order mark, several checksums in one cell in the order view, data, data script', () => {
		const decoded = decodeBytes(fixture('semicolon-bom.csv'));
		expect(decoded).toMatchObject({ encoding: 'utf-8', bom: true });
		const listing = readListing(decoded.text);
		expect(listing.form).toBe('semicolon');
		expect(listing.rows.map((row) => row.name)).toEqual(['Résultats labo Report', 'Volunteer overview Dashboard']);
		const [view, data, script] = sums('Résultats labo');
		expect(partsOf(listing, 'résultats labo report')).toEqual([['view', view], ['data', data], ['data script', script]]);
	});

	it('reads UTF-16 little-endian "Unicode text" and big-endian CSV', () => {
		const le = decodeBytes(fixture('unicode-text-utf16le.txt'));
		expect(le).toMatchObject({ encoding: 'utf-16le', bom: true });
		const listing = readListing(le.text);
		expect(listing.rows.map((row) => row.name)).toEqual(['Résultats labo', 'Volunteer overview']);
		expect(partsOf(listing, 'résultats labo')!.map(([, hex]) => hex)).toEqual(sums('Résultats labo'));

		const be = decodeBytes(fixture('semicolon-utf16be.csv'));
		expect(be).toMatchObject({ encoding: 'utf-16be', bom: true });
		expect(readListing(be.text).rows.map((row) => [row.name, row.parts[0]?.hex])).toEqual([
			['Résultats labo', md5Hex('Résultats labo/view')],
			['Volunteer overview', md5Hex('Volunteer overview/view')],
		]);
	});

	it('guesses UTF-16 without a byte-order mark, and a regional code page when the bytes are not UTF-8', () => {
		const text = `Name\tChecksum\r\nRésumé\t${md5Hex('r')}\r\n`;
		const le = new Uint8Array(Buffer.from(text, 'utf16le'));
		expect(decodeBytes(le)).toEqual({ text, encoding: 'utf-16le', bom: false });
		const latin1 = new Uint8Array(Buffer.from(text, 'latin1'));
		expect(decodeBytes(latin1)).toEqual({ text, encoding: 'windows-1252', bom: false });
	});

	it('reads text copied out of the PDF report: labelled checksums, page lines and a repeated header', () => {
		const listing = read('pdf-text.txt');
		expect(listing.form).toBe('text');
		expect(listing.headers).toEqual([4, 9]);
		expect(listing.skipped).toEqual([1, 2, 8, 11]);
		expect(listing.problems).toEqual([]);
		expect(listing.rows.map((row) => [row.line, row.name])).toEqual([
			[5, 'Lab results Report'],
			[6, 'Volunteer overview Dashboard'],
			[7, 'Dosing, by cohort Report'],
			[10, 'Screening export Report'],
		]);
		const [view, data, script] = sums('Screening export');
		expect(partsOf(listing, 'screening export report')).toEqual([['view', view], ['data', data], ['data script', script]]);
	});

	it('without a header, takes the name from the rest of the line and the parts in ClinSpark order', () => {
		const listing = read('no-header.txt');
		expect(listing.headers).toEqual([]);
		const [view, data] = sums('Volunteer overview');
		expect(partsOf(listing, 'volunteer overview')).toEqual([['view', view], ['data', data]]);
		expect(readListing(`Only one ${md5Hex('one')}`).rows[0]?.parts.map((p) => p.part)).toEqual(['checksum']);
	});

	it('lists every unreadable row with its line number and reads the rest', () => {
		const listing = read('bad-rows.csv');
		expect(listing.rows.map((row) => [row.line, row.name])).toEqual([
			[2, 'Lab results'],
			[7, 'Volunteer overview'],
		]);
		expect(listing.problems.map((p) => [p.line, p.message])).toEqual([
			[3, expect.stringContaining('under "View hash" is not a checksum')],
			[4, 'This row has checksums but no component name.'],
			[5, 'This row has no checksum.'],
			[6, expect.stringContaining('"pending" under "View hash" is not a checksum')],
		]);
	});

	it('flags a damaged checksum in running text instead of skipping the line', () => {
		const listing = readListing(`Lab results ${md5Hex('a').slice(0, 30)}\nNotes from the meeting\n`);
		expect(listing.rows).toEqual([]);
		expect(listing.problems).toEqual([{ line: 1, text: expect.any(String), message: expect.stringContaining('is not a checksum') }]);
		expect(listing.skipped).toEqual([2]);
	});

	it('splits quoted cells with separators, doubled quotes and line breaks inside', () => {
		expect(splitCells('"a, b","say ""hi""",c', ',')).toEqual(['a, b', 'say "hi"', 'c']);
		const listing = readListing(`Name,Report Hashes\n"Two lines",\"${md5Hex('1')}\n${md5Hex('2')}"\n`);
		expect(listing.rows).toEqual([
			{ line: 2, name: 'Two lines', key: 'two lines', parts: [{ part: 'view', hex: md5Hex('1'), encoding: 'hex' }, { part: 'data', hex: md5Hex('2'), encoding: 'hex' }] },
		]);
	});

	it('reads nothing from empty text', () => {
		expect(readListing('')).toMatchObject({ rows: [], problems: [], skipped: [] });
		expect(readListing('\n\n  \n')).toMatchObject({ rows: [], problems: [], skipped: [] });
	});
});
