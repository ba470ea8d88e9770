import type { Role, Stage, StepData } from '../process/schema';
import { stepHref } from '../process/step-refs';
import { stripCitations } from '../sources/citations';

/** One entry of the search index that no HTML page backs: what Pagefind's `addCustomRecord` takes. */
export interface SearchRecord {
	url: string;
	content: string;
	language: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
	sort: Record<string, string>;
	/** The searchable text by part, so the index can weigh the parts differently (record-html.ts). */
	parts: { planTerms: string[]; activity: string; notes: string };
}

/** A step as the index needs it: its frontmatter and its notes as Markdown. */
export interface IndexedStep {
	data: StepData;
	notes: string;
}

/** Names of the filters and meta fields the index and the search UI share. */
export const FILTER = { stage: 'stage', role: 'role' } as const;

/** Turns the small Markdown subset the notes use into plain text, for the index and its excerpts. */
export function markdownToText(markdown: string): string {
	return stripCitations(markdown)
		.replace(/\r\n?/g, '\n')
		.replace(/```[^\n]*\n([\s\S]*?)```/g, '$1')
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
		.replace(/<[^>]+>/g, '')
		.replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
		.replace(/(\*\*|__)(.+?)\1/g, '$2')
		.replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
		.replace(/`([^`]+)`/g, '$1')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The line a step shows under it, and its search record holds: the step plan's own words for it. */
export function planTermsText(terms: readonly string[]): string {
	return terms.length === 0 ? '' : `In the plan: ${terms.join(', ')}.`;
}

/** Pads a step number so that sorting its text sorts the numbers ("07" before "12"). */
export function sortKey(number: number): string {
	return String(number).padStart(3, '0');
}

/**
 * The index record of one step: it lands on the step's anchor, carries the stage and roles to show
 * in the result, and the stage and role filters, which Pagefind can only apply to whole records.
 */
export function stepRecord(step: IndexedStep, stage: Stage, roles: Role[], base = '/'): SearchRecord {
	const { data } = step;
	const title = `Step ${data.number}: ${data.title}`;
	const notes = markdownToText(step.notes);
	const activity = data.activity.trim();
	return {
		url: stepHref(data.stage, data.number, base),
		// Pagefind searches the title in the meta (weighted above the content), so it is not repeated here.
		// The plan's own words go in too, so a reader who knows the step plan finds the step by them.
		content: [activity, notes, planTermsText(data.plan_terms)].filter(Boolean).join(' '),
		language: 'en',
		meta: {
			title,
			kind: 'step',
			step: String(data.number),
			stage: stage.title,
			roles: roles.map((r) => r.name).join(', '),
			sides: roles.map((r) => r.side).join(', '),
			activity: data.activity.trim(),
		},
		filters: { [FILTER.stage]: [stage.id], [FILTER.role]: roles.map((r) => r.id) },
		sort: { step: sortKey(data.number) },
		parts: { planTerms: [...data.plan_terms], activity, notes },
	};
}

/** One record per step, in step order; throws when a step names a stage or role that does not exist. */
export function stepRecords(steps: IndexedStep[], stages: Stage[], roles: Role[], base = '/'): SearchRecord[] {
	const find = <T extends { id: string }>(list: T[], id: string, what: string, step: number): T => {
		const found = list.find((item) => item.id === id);
		if (!found) throw new Error(`Step ${step} names the unknown ${what} "${id}"`);
		return found;
	};
	return [...steps]
		.sort((a, b) => a.data.number - b.data.number)
		.map((step) =>
			stepRecord(
				step,
				find(stages, step.data.stage, 'stage', step.data.number),
				step.data.roles.map((id) => find(roles, id, 'role', step.data.number)),
				base,
			),
		);
}

// Print views repeat the guidance for paper; the search page and the 404 page hold nothing to find.
const NOT_INDEXED = [/^print\//, /^search\//, /^404\.html$/, /^_astro\//, /^pagefind\//];

/** Whether a built HTML file (path relative to the output folder, "/" separated) belongs in the index. */
export function isIndexedPage(relativePath: string): boolean {
	const path = relativePath.replace(/\\/g, '/').replace(/^\/+/, '');
	return path.endsWith('.html') && !NOT_INDEXED.some((pattern) => pattern.test(path));
}

/** The URL a built HTML file is served at, under the site's base path. */
export function pageUrl(relativePath: string, base = '/'): string {
	const path = relativePath.replace(/\\/g, '/').replace(/^\/+/, '');
	const prefix = base.replace(/\/?$/, '/');
	if (path === 'index.html') return prefix;
	return prefix + path.replace(/(^|\/)index\.html$/, '$1');
}
