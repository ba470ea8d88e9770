/** Fills the printed QC record from a result and its marks, just before printing. */
import { hexToBase64 } from '~/qc/checksum';
import { isDifference, MODE_NAMES, OUTCOME_NAMES, summaryLine, type Sum } from '~/qc/compare';
import { MARK_NAMES, type Mark } from '~/qc/marks';
import type { QcResult } from '~/qc/result';
import { formatTime } from '~/text/time';

const shown = (sum: Sum | undefined) => (sum ? (sum.encoding === 'base64' ? hexToBase64(sum.hex) : sum.hex) : '—');

function cell(tag: 'td' | 'th', ...children: (Node | string)[]): HTMLElement {
	const el = document.createElement(tag);
	el.append(...children);
	return el;
}

function code(text: string): HTMLElement {
	const el = document.createElement('code');
	el.textContent = text;
	return el;
}

/** Writes the result into the sheet: the sides, mode, times, summary, and a row per part of every difference. */
export function fillSheet(sheet: HTMLElement, result: QcResult, marks: ReadonlyMap<string, Mark>, now: Date): void {
	const set = (name: string, text: string) => {
		(sheet.querySelector(`[data-sheet="${name}"]`) as HTMLElement).textContent = text;
	};
	const side = (s: QcResult['before']) => [s.instance || '(not named)', s.version || '(no version)'].join(', ');
	set('before', side(result.before));
	set('after', side(result.after));
	set('mode', MODE_NAMES[result.mode]);
	set('compared', formatTime(result.comparedAt));
	set('printed', formatTime(now));
	set('summary', `${summaryLine(result.counts)}. Components read: ${result.before.components} before, ${result.after.components} after; unreadable lines: ${result.before.unreadable} before, ${result.after.unreadable} after.`);
	const differences = result.items.filter((item) => isDifference(item.outcome));
	set(
		'note',
		differences.length === 0
			? 'No differences: every component is equal on both sides.'
			: `The ${differences.length} component(s) with a difference follow; equal components are counted above, not listed.${result.mode === 'across-23.3' ? ' Across 23.3, "to check" means the checksums differ across a release whose notes mention a different checksum calculation: check the configuration; it is not a failure by itself.' : ''}`,
	);
	const rows: HTMLElement[] = [];
	for (const item of differences) {
		const mark = marks.get(item.key);
		item.parts.forEach((part, i) => {
			const row = document.createElement('tr');
			row.dataset.key = item.key;
			row.append(
				cell('td', i === 0 ? item.name : ''),
				cell('td', part.part),
				cell('td', OUTCOME_NAMES[part.outcome]),
				cell('td', code(shown(part.before))),
				cell('td', code(shown(part.after))),
				cell('td', i === 0 && mark ? `${MARK_NAMES[mark.status]}${mark.comment ? `: ${mark.comment}` : ''}` : ''),
			);
			rows.push(row);
		});
	}
	(sheet.querySelector('[data-sheet="rows"]') as HTMLElement).replaceChildren(...rows);
}
