import { dedupeResults, toResultView, type FragmentData, type ResultView } from './results';
import { hasFilters, searchTerms, toFilters, type SearchState } from './state';
import { withBase } from '../links';

/** The part of Pagefind's browser API (`pagefind.js`, created with `createInstance`) used here. */
interface PagefindInstance {
	init(): Promise<void>;
	search(term: string | null, options?: object): Promise<{ results: { id: string; data(): Promise<FragmentData> }[] } | null>;
}

/** What a search gives the views: the results to show and how many matched in all. */
export interface SearchOutcome {
	total: number;
	results: ResultView[];
}

let loading: Promise<PagefindInstance> | undefined;

/** Starts loading Pagefind (script, WebAssembly, index metadata) once; later calls share the load. */
export function loadSearch(): Promise<PagefindInstance> {
	loading ??= (async () => {
		// The bundle is written after the site is built, so it is fetched at run time, never bundled.
		const url = withBase('/pagefind/pagefind.js');
		const api = (await import(/* @vite-ignore */ url)) as { createInstance(options: object): PagefindInstance };
		// The index is small: searching on the main thread spares fetching Pagefind's worker script.
		// Its records already carry the base path (src/search/integration.ts), so Pagefind must not add it again.
		const instance = api.createInstance({ basePath: url.replace(/pagefind\.js$/, ''), baseUrl: '/', noWorker: true, excerptLength: 22 });
		await instance.init();
		return instance;
	})();
	loading.catch(() => (loading = undefined));
	return loading;
}

/**
 * Runs one search. With filters and no query it lists the matching steps in step order; results
 * are shaped for display, deduplicated, and cut to `limit` (whose data alone is fetched).
 */
export async function runSearch(state: SearchState, limit: number): Promise<SearchOutcome | null> {
	const browsing = !state.q && hasFilters(state);
	if (!state.q && !browsing) return { total: 0, results: [] };
	const pagefind = await loadSearch();
	const answer = await pagefind.search(browsing ? null : searchTerms(state.q), {
		filters: toFilters(state),
		...(browsing ? { sort: { step: 'asc' } } : {}),
	});
	if (!answer) return null;
	const shown = await Promise.all(answer.results.slice(0, limit).map((r) => r.data()));
	const results = dedupeResults(shown.map((data) => toResultView(data, { browsing, base: import.meta.env.BASE_URL })));
	// Duplicates dropped from the shown part are not counted as results either.
	return { total: answer.results.length - (shown.length - results.length), results };
}
