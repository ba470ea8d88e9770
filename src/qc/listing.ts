/**
 * Reads a listing of configuration checksums, pasted or from a file, line by line. A line that
 * holds one or more checksums is a component; several checksums on one line are its parts (view,
 * data, data script), in the header's order when there is a header. Accepted forms (assumptions,
 * each with a fixture in test/fixtures/qc/): tab-separated text copied from a spreadsheet, CSV with
 * commas or semicolons, quoted or not, and text copied out of the PDF Configuration Report.
 */
// The extension is written out so that Node runs this module as it is (bench/qc.ts).
import { CHECKSUM_PATTERN, NEAR_CHECKSUM_PATTERN, readChecksum, type Encoding } from './checksum.ts';
import { componentKey } from './key.ts';

/** One checksum of a component: which part it is, its lowercase hex, and how it was written. */
export interface ListingPart {
	part: string;
	hex: string;
	encoding: Encoding;
}

/** A component read from one line: its name as written, the key it is compared by, and its parts. */
export interface ListingRow {
	line: number;
	name: string;
	key: string;
	parts: ListingPart[];
}

/** A line that looks like a row but could not be read, and why. */
export interface ListingProblem {
	line: number;
	text: string;
	message: string;
}

/** How the lines were split into columns. */
export type ListingForm = 'tab' | 'semicolon' | 'comma' | 'text';

/** Everything read from a listing; every non-blank line is a row, a header, a problem or a skipped line. */
export interface Listing {
	form: ListingForm;
	rows: ListingRow[];
	problems: ListingProblem[];
	/** Lines read as a header (a repeated header included). */
	headers: number[];
	/** Lines with no checksum and no sign of one: titles, page footers, notes. */
	skipped: number[];
	encodings: Record<Encoding, number>;
}

/** The parts of a component, in the order ClinSpark lists its templates. */
export const PART_ORDER = ['view', 'data', 'data script'] as const;

const DELIMITERS: Record<Exclude<ListingForm, 'text'>, string> = { tab: '\t', semicolon: ';', comma: ',' };
const CHECKSUM_COLUMN = /hash|checksum|md5|\bsum\b|^\s*(view|data|data\s*script|script)(\s+templates?)?\s*$/i;
const NAME_COLUMN = /name|component|report|dashboard|title|code|configuration|template|type|kind|label|\bid\b|key/i;
const HEADER_WORD = /\b(names?|components?|reports?|dashboards?|hash(es)?|checksums?|md5|view|data|script|type|title|code|configuration)\b/i;
const PART_WORDS = /data[\s_-]*script|script|view|data/gi;
// A part's name written just before its checksum, as a whole word with a colon: "View: …", "Data script = …".
const LABEL_BEFORE = /(?<![A-Za-z])(data[\s_-]*script|script|view|data)\s*[:=]\s*$/i;
const EMPTY_CELL = /^(|-+|—|n\/?a|none|null)$/i;
const MESSAGE_FORMS = 'a checksum is 32 hexadecimal characters, or 24 Base64 characters ending in "=="';

/** The part a label names ("View hash" → view, "Script" → data script), or '' when it names none. */
export function partOf(label: string): string {
	const words = label.toLowerCase().match(PART_WORDS) ?? [];
	const word = words[0];
	if (word === undefined) return '';
	return /script/.test(word) ? 'data script' : word;
}


/** Splits the text into lines, joining lines while a quoted cell is open, each with its first line number. */
function records(text: string, quoted: boolean): { line: number; text: string }[] {
	const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
	const out: { line: number; text: string }[] = [];
	for (let i = 0; i < lines.length; i++) {
		let record = lines[i] as string;
		const line = i + 1;
		// An odd number of quotes leaves a quoted cell open: it goes on on the next line.
		while (quoted && (record.split('"').length - 1) % 2 === 1 && i + 1 < lines.length) record += `\n${lines[++i]}`;
		out.push({ line, text: record });
	}
	return out;
}

/** Which separator most lines use: tab, semicolon or comma; 'text' when none is on most lines. */
function detectForm(text: string): ListingForm {
	const lines = text.split(/\r\n|\n|\r/).filter((line) => line.trim() !== '');
	if (lines.length === 0) return 'text';
	const share = (char: string) => lines.filter((line) => line.includes(char)).length / lines.length;
	if (share('\t') >= 0.5) return 'tab';
	const semicolon = share(';');
	const comma = share(',');
	if (semicolon >= 0.5 && semicolon >= comma) return 'semicolon';
	if (comma >= 0.5) return 'comma';
	if (semicolon >= 0.5) return 'semicolon';
	return 'text';
}

/** The cells of one record: quotes around a cell are removed and a doubled quote inside is one quote. */
export function splitCells(record: string, delimiter: string): string[] {
	const cells: string[] = [];
	let cell = '';
	let inQuotes = false;
	let start = true;
	for (let i = 0; i < record.length; i++) {
		const char = record[i] as string;
		if (inQuotes) {
			if (char === '"' && record[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (char === '"') inQuotes = false;
			else cell += char;
		} else if (char === delimiter) {
			cells.push(cell);
			cell = '';
			start = true;
			continue;
		} else if (char === '"' && start && cell.trim() === '') {
			inQuotes = true;
			cell = '';
		} else cell += char;
		start = false;
	}
	cells.push(cell);
	return cells.map((c) => c.trim());
}

/** Every checksum in a piece of text, each with the label written just before it ("View: …"), if any. */
function checksumsIn(text: string): { label: string; hex: string; encoding: Encoding; at: number; length: number }[] {
	const found = [];
	for (const match of text.matchAll(CHECKSUM_PATTERN)) {
		const sum = readChecksum(match[0]);
		if (!sum) continue;
		const before = text.slice(0, match.index).match(LABEL_BEFORE);
		found.push({ ...sum, label: before ? partOf(before[1] as string) : '', at: match.index, length: match[0].length });
	}
	return found;
}

/** Tokens that look meant as a checksum but are not one, in text whose real checksums were taken out. */
function nearChecksums(text: string): string[] {
	return [...text.replace(CHECKSUM_PATTERN, ' ').matchAll(NEAR_CHECKSUM_PATTERN)].map((m) => m[0]);
}

/** Names the parts of a row: a label found wins; otherwise the header's or ClinSpark's order. */
function nameParts(found: { label: string; hex: string; encoding: Encoding }[]): ListingPart[] {
	const used = new Set<string>();
	return found.map((sum, i) => {
		let part = sum.label || (found.length === 1 ? 'checksum' : (PART_ORDER[i] ?? `part ${i + 1}`));
		for (let n = 2; used.has(part); n++) part = `${sum.label || PART_ORDER[i] || 'part'} (${n})`;
		used.add(part);
		return { part, hex: sum.hex, encoding: sum.encoding };
	});
}

/** A header's columns: which hold checksums (and which part each names) and which make up the name. */
interface Header {
	cells: string[];
	sums: number[];
	names: number[];
}

function readHeader(cells: string[]): Header | undefined {
	const filled = cells.filter((cell) => cell !== '');
	if (filled.length < 2 || !filled.some((cell) => HEADER_WORD.test(cell)) || filled.some((cell) => cell.length > 60)) return undefined;
	const sums = cells.flatMap((cell, i) => (cell !== '' && CHECKSUM_COLUMN.test(cell) ? [i] : []));
	if (sums.length === 0) return undefined;
	let names = cells.flatMap((cell, i) => (cell !== '' && !sums.includes(i) && NAME_COLUMN.test(cell) ? [i] : []));
	if (names.length === 0) names = cells.flatMap((cell, i) => (cell !== '' && !sums.includes(i) ? [i] : [])).slice(0, 1);
	return { cells, sums, names };
}

/** Reads a listing's text: its components and their checksums, with every line accounted for. */
export function readListing(text: string): Listing {
	const form = detectForm(text);
	const delimiter = form === 'text' ? undefined : DELIMITERS[form];
	const listing: Listing = { form, rows: [], problems: [], headers: [], skipped: [], encodings: { hex: 0, base64: 0 } };
	let header: Header | undefined;
	const problem = (line: number, record: string, message: string) =>
		listing.problems.push({ line, text: record.length > 120 ? `${record.slice(0, 117)}…` : record, message });

	for (const { line, text: record } of records(text, delimiter !== undefined)) {
		if (record.trim() === '') continue;
		const cells = delimiter === undefined ? [record.trim()] : splitCells(record, delimiter);
		const found = checksumsIn(record);
		const near = nearChecksums(record);

		if (found.length === 0) {
			const next = delimiter === undefined ? textHeader(record) : readHeader(cells);
			if (next) {
				header = next;
				listing.headers.push(line);
			} else if (near.length > 0) {
				problem(line, record, `"${near[0]}" is not a checksum: ${MESSAGE_FORMS}.`);
			} else if (header && delimiter !== undefined && cells.length >= 2 && header.names.some((i) => !EMPTY_CELL.test(cells[i] ?? ''))) {
				problem(line, record, 'This row has no checksum.');
			} else listing.skipped.push(line);
			continue;
		}

		const read = header && delimiter !== undefined ? fromColumns(cells, header) : fromText(record, found, header, delimiter);
		if (typeof read === 'string') {
			problem(line, record, read);
			continue;
		}
		if (near.length > 0) {
			problem(line, record, `"${near[0]}" is not a checksum: ${MESSAGE_FORMS}.`);
			continue;
		}
		if (read.name === '') {
			problem(line, record, 'This row has checksums but no component name.');
			continue;
		}
		for (const part of read.parts) listing.encodings[part.encoding]++;
		listing.rows.push({ line, name: read.name, key: componentKey(read.name), parts: read.parts });
	}
	return listing;
}

/** A header in text copied out of a PDF: words only, the part names in the order they stand. */
function textHeader(record: string): Header | undefined {
	if (!/hash|checksum|md5/i.test(record) || !HEADER_WORD.test(record) || record.length > 200) return undefined;
	return { cells: record.match(PART_WORDS) ?? [], sums: [], names: [] };
}

/** A row read through the header's columns; a message when a checksum column holds something else. */
function fromColumns(cells: string[], header: Header): { name: string; parts: ListingPart[] } | string {
	const found: { label: string; hex: string; encoding: Encoding }[] = [];
	for (const i of header.sums) {
		const cell = cells[i] ?? '';
		if (EMPTY_CELL.test(cell)) continue;
		const sums = checksumsIn(cell);
		if (sums.length === 0) return `"${cell.slice(0, 40)}" under "${header.cells[i]}" is not a checksum: ${MESSAGE_FORMS}.`;
		const column = partOf(header.cells[i] as string);
		for (const sum of sums) found.push({ ...sum, label: sum.label || (sums.length === 1 ? column : '') });
	}
	if (found.length === 0) return 'This row has no checksum under the header\'s checksum columns.';
	const name = header.names.map((i) => cells[i] ?? '').filter((cell) => cell !== '').join(' ');
	return { name, parts: nameParts(found) };
}

/** A row read from running text: the checksums, and the rest of the line as the name. */
function fromText(
	record: string,
	found: ReturnType<typeof checksumsIn>,
	header: Header | undefined,
	delimiter: string | undefined,
): { name: string; parts: ListingPart[] } {
	let rest = '';
	let from = 0;
	for (const sum of found) {
		rest += `${record.slice(from, sum.at).replace(LABEL_BEFORE, sum.label ? '' : '$&')} `;
		from = sum.at + sum.length;
	}
	rest += record.slice(from);
	const order = header?.cells.map(partOf) ?? [];
	const labelled = found.map((sum, i) => ({ ...sum, label: sum.label || (found.length > 1 ? (order[i] ?? '') : '') }));
	const name = (delimiter === undefined ? [rest] : rest.split(delimiter))
		.map((cell) => cell.replace(/^\s*"|"\s*$/g, '').trim())
		.filter((cell) => cell !== '')
		.join(' ')
		.replace(/\s+/g, ' ')
		.replace(/^[\s:|·-]+|[\s:|·-]+$/g, '');
	return { name, parts: nameParts(labelled) };
}
