/** A run of an excerpt: plain text, or a matched word to highlight. */
export interface ExcerptPart {
	text: string;
	mark: boolean;
}

/** A role as a result shows it. */
export interface ResultRole {
	name: string;
	side: string;
}

/** One search result, ready to render: where it lands and what it says about itself. */
export interface ResultView {
	url: string;
	kind: 'step' | 'page';
	title: string;
	/** For a page: the heading the best match sits under, when it is not the page's top. */
	section?: string;
	/** For a step: its stage; for a page: what kind of page it is. */
	label: string;
	roles: ResultRole[];
	excerpt: ExcerptPart[];
}

/** The parts of Pagefind's answer for one result that the views use. */
export interface FragmentData {
	url: string;
	excerpt?: string;
	meta: Record<string, string | undefined>;
	sub_results?: { url: string; title?: string; excerpt?: string; locations?: number[] }[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" };

/** Decodes the few entities Pagefind writes into excerpts. */
function decode(text: string): string {
	return text.replace(/&(amp|lt|gt|quot|apos|#39|#x27);/g, (_, name: string) => ENTITIES[name]!);
}

/** Splits a Pagefind excerpt at its `<mark>` tags, so it can be shown without parsing it as HTML. */
export function excerptParts(excerpt: string): ExcerptPart[] {
	const parts: ExcerptPart[] = [];
	const push = (text: string, mark: boolean) => {
		const clean = decode(text.replace(/<(?!\/?mark>)[^>]*>/g, ''));
		if (!clean) return;
		const last = parts[parts.length - 1];
		if (last && last.mark === mark) last.text += clean;
		else parts.push({ text: clean, mark });
	};
	let rest = excerpt;
	while (rest) {
		const open = rest.indexOf('<mark>');
		if (open === -1) {
			push(rest, false);
			break;
		}
		push(rest.slice(0, open), false);
		const close = rest.indexOf('</mark>', open);
		const end = close === -1 ? rest.length : close;
		push(rest.slice(open + '<mark>'.length, end), true);
		rest = close === -1 ? '' : rest.slice(close + '</mark>'.length);
	}
	return parts;
}

// What a page is, told from the first part of its address.
const PAGE_LABELS: [RegExp, string][] = [
	[/^\/stages\//, 'Stage'],
	[/^\/releases\/[^/]+\//, 'Release notes'],
	[/^\/releases\//, 'Release picker'],
	[/^\/tickets\//, 'Ticket template'],
	[/^\/(roles|background|glossary)\//, 'Reference'],
];

/** What kind of page an address is ("Stage", "Release notes", …), for the result's label. */
export function pageLabel(url: string, base = '/'): string {
	const prefix = base.replace(/\/?$/, '/');
	const path = `/${url.startsWith(prefix) ? url.slice(prefix.length) : url.replace(/^\/+/, '')}`.split(/[?#]/)[0]!;
	return PAGE_LABELS.find(([pattern]) => pattern.test(path))?.[1] ?? 'Page';
}

/** Pairs the comma-separated role names and sides a step record carries. */
function rolesOf(meta: FragmentData['meta']): ResultRole[] {
	const names = (meta.roles ?? '').split(',').map((s) => s.trim()).filter(Boolean);
	const sides = (meta.sides ?? '').split(',').map((s) => s.trim());
	return names.map((name, i) => ({ name, side: sides[i] ?? '' }));
}

/** Turns Pagefind's data for one result into what the result list shows. */
export function toResultView(data: FragmentData, options: { browsing?: boolean; base?: string } = {}): ResultView {
	const meta = data.meta;
	if (meta.kind === 'step') {
		// Listed by filters alone, a step is best described by its activity, not by its opening words.
		const excerpt = options.browsing || !data.excerpt ? [{ text: meta.activity ?? '', mark: false }] : excerptParts(data.excerpt);
		return { url: data.url, kind: 'step', title: meta.title ?? data.url, label: meta.stage ?? '', roles: rolesOf(meta), excerpt };
	}
	// A page lands on the heading where most of the matched words are.
	const best = [...(data.sub_results ?? [])].sort((a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0))[0];
	const atHeading = best && best.url !== data.url && best.url.includes('#') && best.title && best.title !== meta.title;
	return {
		url: atHeading ? best.url : data.url,
		kind: 'page',
		title: meta.title ?? data.url,
		...(atHeading ? { section: best.title } : {}),
		label: pageLabel(data.url, options.base),
		roles: [],
		excerpt: excerptParts((atHeading ? best.excerpt : undefined) ?? data.excerpt ?? ''),
	};
}

/** Drops later results that land where an earlier one does, so no place is listed twice. */
export function dedupeResults<T extends { url: string }>(results: T[]): T[] {
	const seen = new Set<string>();
	return results.filter((r) => {
		const key = r.url.replace(/index\.html(?=$|#)/, '').toLowerCase();
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/** The sentence that tells a screen reader (and everyone else) what the list now holds. */
export function summarise(count: number, state: { q: string; stageNames: string[]; roleNames: string[] }, shown = count): string {
	const what = state.q
		? `${count === 0 ? 'No' : count} ${count === 1 ? 'result' : 'results'} for “${state.q}”`
		: `${count === 0 ? 'No' : count} ${count === 1 ? 'step' : 'steps'}`;
	const scope = [
		state.stageNames.length ? `in ${joinOr(state.stageNames)}` : '',
		state.roleNames.length ? `for ${joinOr(state.roleNames)}` : '',
	].filter(Boolean);
	return `${what}${scope.length ? ` ${scope.join(', ')}` : ''}${shown < count ? `; the first ${shown} are shown` : ''}.`;
}

/** "A", "A or B", "A, B or C". */
function joinOr(names: string[]): string {
	return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** What a search outcome needs the reader to know beyond the count: a corrected query or an emptying filter. */
export interface OutcomeHelp {
	/** The sentence, read out with the status. */
	text: string;
	/** Queries to offer as one-click choices. */
	queries: string[];
	/** Whether to offer dropping the filters. */
	dropFilters: boolean;
}

/** The status and help for an outcome; undefined help when the results speak for themselves. */
export function describeOutcome(
	outcome: { total: number; results: unknown[]; correctedTo?: string; suggestions?: string[]; withoutFilters?: number },
	scope: { q: string; stageNames: string[]; roleNames: string[] },
): { status: string; help?: OutcomeHelp } {
	if (outcome.correctedTo !== undefined) {
		const found = summarise(outcome.total, { ...scope, q: outcome.correctedTo }, outcome.results.length);
		const status = `No results for “${scope.q}”. ${outcome.total ? `Showing instead: ${found}` : `Nothing for “${outcome.correctedTo}” either.`}`;
		const queries = outcome.suggestions ?? [];
		return { status, ...(queries.length ? { help: { text: 'Or search for:', queries, dropFilters: false } } : {}) };
	}
	const status = summarise(outcome.total, scope, outcome.results.length);
	if (outcome.total === 0 && outcome.withoutFilters) {
		const n = outcome.withoutFilters;
		return { status, help: { text: `${n} ${n === 1 ? 'result' : 'results'} without the stage and role filters.`, queries: [], dropFilters: true } };
	}
	return { status };
}
