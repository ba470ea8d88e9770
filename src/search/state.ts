import { FILTER } from './records';

/** What the search page shows: a query and the chosen stages and roles (ids). */
export interface SearchState {
	q: string;
	stages: string[];
	roles: string[];
}

/** The ids the page offers, so that a shared link with a stale or mistyped id is not trusted. */
export interface KnownIds {
	stages: readonly string[];
	roles: readonly string[];
}

/** A Pagefind filter object: within a filter any chosen value matches, across filters all must. */
export type PagefindFilters = Record<string, { any: string[] }>;

/** The empty state: nothing typed, nothing chosen. */
export const EMPTY_STATE: SearchState = { q: '', stages: [], roles: [] };

/** Keeps the known ids of a list, once each, in the order the page lists them. */
function known(values: string[], allowed: readonly string[]): string[] {
	const wanted = new Set(values.flatMap((v) => v.split(',')).map((v) => v.trim()));
	return allowed.filter((id) => wanted.has(id));
}

/**
 * Reads the state from a URL's query, as the page's own form submits it (`?q=&stage=a&stage=b`);
 * comma-separated lists are accepted too, since people shorten links by hand.
 */
export function readState(params: URLSearchParams, ids: KnownIds): SearchState {
	return {
		q: (params.get('q') ?? '').replace(/\s+/g, ' ').trim(),
		stages: known(params.getAll('stage'), ids.stages),
		roles: known(params.getAll('role'), ids.roles),
	};
}

/** Writes the state as a URL query in the form's own format; empty parts are left out. */
export function writeState(state: SearchState): string {
	const params = new URLSearchParams();
	if (state.q.trim()) params.set('q', state.q.trim());
	for (const stage of state.stages) params.append('stage', stage);
	for (const role of state.roles) params.append('role', role);
	const query = params.toString();
	return query ? `?${query}` : '';
}

/** The Pagefind filters for the chosen stages and roles. */
export function toFilters(state: SearchState): PagefindFilters {
	const filters: PagefindFilters = {};
	if (state.stages.length) filters[FILTER.stage] = { any: [...state.stages] };
	if (state.roles.length) filters[FILTER.role] = { any: [...state.roles] };
	return filters;
}

/** Whether a filter is chosen, which is enough to list steps without a query. */
export function hasFilters(state: SearchState): boolean {
	return state.stages.length > 0 || state.roles.length > 0;
}

/** Whether there is anything to search for at all. */
export function isEmpty(state: SearchState): boolean {
	return !state.q && !hasFilters(state);
}

/** Two states ask the same question (order of choices aside). */
export function sameState(a: SearchState, b: SearchState): boolean {
	const set = (list: string[]) => [...list].sort().join('\n');
	return a.q === b.q && set(a.stages) === set(b.stages) && set(a.roles) === set(b.roles);
}

// Words that carry the question, not its subject. Pagefind matches every word of a query, so a
// remembered question ("who backs up PROD") would otherwise miss the step that answers it.
const FILLER = new Set(
	'a about an and any anything are can could did do does for how i is me my of or our should some something that the thing things this to was we were what when where which who whom whose why with'.split(' '),
);

/** The words worth matching in a query: filler words dropped, unless nothing else is left or it is a quoted phrase. */
export function searchTerms(q: string): string {
	const trimmed = q.replace(/\s+/g, ' ').trim();
	if (/^".+"$/.test(trimmed)) return trimmed;
	const kept = trimmed.split(' ').filter((word) => !FILLER.has(word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')));
	return kept.length ? kept.join(' ') : trimmed;
}
