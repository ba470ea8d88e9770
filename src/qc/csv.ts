/** The comparison as a CSV file: one line per component and part, with the marks, for the validation file. */
import { fileSlug, localDay } from '../text/file-name';
import { hexToBase64 } from './checksum';
import { MODE_NAMES, OUTCOME_NAMES, type Sum } from './compare';
import { MARK_NAMES, type Mark } from './marks';
import type { QcResult } from './result';

/** One CSV cell: quoted when it holds a separator, a quote or a line break; a leading = + - @ is defused for spreadsheets. */
export function csvCell(value: string | number): string {
	let text = String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const shown = (sum: Sum | undefined) => (sum ? (sum.encoding === 'base64' ? hexToBase64(sum.hex) : sum.hex) : '');

/** The text of the CSV file: a heading block naming the comparison, then a row per component part. */
export function qcCsv(result: QcResult, marks: ReadonlyMap<string, Mark>): string {
	const rows: (string | number)[][] = [
		['Configuration QC', MODE_NAMES[result.mode]],
		['Compared at (UTC)', result.comparedAt],
		['Before', result.before.instance, result.before.version],
		['After', result.after.instance, result.after.version],
		[],
		['Component', 'Part', 'Outcome', 'Before checksum', 'After checksum', 'Checksum as hex (before)', 'Checksum as hex (after)', 'Before lines', 'After lines', 'Mark', 'Comment', 'Marked at (UTC)'],
	];
	for (const item of result.items) {
		const mark = marks.get(item.key);
		for (const part of item.parts) {
			rows.push([
				item.name,
				part.part,
				OUTCOME_NAMES[part.outcome],
				shown(part.before),
				shown(part.after),
				part.before?.hex ?? '',
				part.after?.hex ?? '',
				item.beforeLines.join(' '),
				item.afterLines.join(' '),
				mark ? MARK_NAMES[mark.status] : '',
				mark?.comment ?? '',
				mark?.at ?? '',
			]);
		}
	}
	// CRLF and a byte-order mark: what spreadsheet programs open without asking about the character set.
	return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A file name such as `configuration-qc-prod-main-2026-11-30.csv`: the after side's instance and the local date. */
export function qcFileName(instance: string, date: Date): string {
	const slug = fileSlug(instance);
	return `configuration-qc-${slug ? `${slug}-` : ''}${localDay(date)}.csv`;
}
