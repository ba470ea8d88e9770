import type { SearchRecord } from './records';

/** Weights Pagefind gives a record's parts (h1 text weighs 7 by Pagefind's own default). */
export const PART_WEIGHT = { planTerms: 5, activity: 3, notes: 1 } as const;

/** Escapes text for an HTML text node or a double-quoted attribute. */
function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A step's search record as a small HTML document for Pagefind's `addHTMLFile`, which, unlike
 * `addCustomRecord`, lets each part carry its own weight: the title (a heading) and the plan's
 * own terms count for more than the activity, and the activity more than the notes, so a step
 * whose responsible role performs the action outranks one that only mentions it.
 * Meta, filters and sort values sit in an ignored block: read by Pagefind, never matched as text.
 */
export function recordHtml(record: SearchRecord): string {
	const { parts } = record;
	const attr = (name: string, key: string, value: string) => `<span ${name}="${key}[data-value]" data-value="${escapeHtml(value)}"></span>`;
	const meta = Object.entries(record.meta).map(([key, value]) => (key === 'title' ? '' : attr('data-pagefind-meta', key, value)));
	const filters = Object.entries(record.filters).flatMap(([key, values]) => values.map((value) => attr('data-pagefind-filter', key, value)));
	const sort = Object.entries(record.sort).map(([key, value]) => attr('data-pagefind-sort', key, value));
	const block = (weight: number, text: string) => (text ? `<p data-pagefind-weight="${weight}">${escapeHtml(text)}</p>` : '');
	return [
		`<!doctype html><html lang="${record.language}"><head><title>${escapeHtml(record.meta.title ?? '')}</title></head>`,
		'<body><main data-pagefind-body>',
		`<h1 data-pagefind-meta="title">${escapeHtml(record.meta.title ?? '')}</h1>`,
		block(PART_WEIGHT.planTerms, parts.planTerms.join(', ')),
		block(PART_WEIGHT.activity, parts.activity),
		block(PART_WEIGHT.notes, parts.notes),
		`<div data-pagefind-ignore>${[...meta, ...filters, ...sort].join('')}</div>`,
		'</main></body></html>',
	].join('');
}

/** The text Pagefind indexes of a built page: its `data-pagefind-body` part (else its body), tags and ignored parts removed. */
export function indexedText(html: string): string {
	const body = /<([a-z]+)\b[^>]*\bdata-pagefind-body\b[^>]*>([\s\S]*)<\/\1>/i.exec(html)?.[2] ?? /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? '';
	return body
		.replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&[a-z#0-9]+;/gi, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}
