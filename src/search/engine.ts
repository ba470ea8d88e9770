import { correctQuery, mergeBest, mergePartial, partialTerms, queryVariants, type Vocabulary } from './query';
import { dedupeResults, toResultView, type FragmentData, type ResultView } from './results';
import { hasFilters, searchTerms, toFilters, type PagefindFilters, type SearchState } from './state';
import { withBase } from '../links';

/** One hit of Pagefind's answer. */
interface Hit {
	id: string;
	score: number;
	data(): Promise<FragmentData>;
}

/** The part of Pagefind's browser API (`pagefind.js`, created with `createInstance`) used here. */
interface PagefindInstance {
	init(): Promise<void>;
	search(term: string | null, options?: object): Promise<{ results: Hit[] } | null>;
}

/** What a search gives the views: the results to show, how many matched, and how the query was helped. */
export interface SearchOutcome {
	total: number;
	results: ResultView[];
	/** Nothing matched the words as typed; these are results for this corrected query instead. */
	correctedTo?: string;
	/** Other close queries worth offering when the words as typed matched nothing. */
	suggestions?: string[];
	/** The filters emptied the results: how many the query finds without them. */
	withoutFilters?: number;
}

const BASE = import.meta.env.BASE_URL;
const BUNDLE = withBase('/pagefind/');
// When requiring every word finds fewer than this, the best partial matches follow.
const FEW = 3;
let loading: Promise<PagefindInstance> | undefined;
let vocabulary: Promise<Vocabulary> | undefined;

/** Starts loading Pagefind (script, WebAssembly, index metadata) and the index's words once; later calls share the load. */
export function loadSearch(): Promise<PagefindInstance> {
	loadVocabulary().catch(() => undefined);
	loading ??= (async () => {
		// The bundle is written after the site is built, so it is fetched at run time, never bundled.
		const url = `${BUNDLE}pagefind.js`;
		const api = (await import(/* @vite-ignore */ url)) as { createInstance(options: object): PagefindInstance };
		// The index is small: searching on the main thread spares fetching Pagefind's worker script.
		// Its records already carry the base path (src/search/integration.ts), so Pagefind must not add it again.
		const instance = api.createInstance({ basePath: BUNDLE, baseUrl: '/', noWorker: true, excerptLength: 22 });
		await instance.init();
		return instance;
	})();
	loading.catch(() => (loading = undefined));
	return loading;
}

/**
 * The words the index holds. Pagefind answers with the words it knows and silently drops the
 * others, so only this list tells a misspelt word from a real one (and a real compound from a made-up one).
 */
function loadVocabulary(): Promise<Vocabulary> {
	vocabulary ??= fetch(`${BUNDLE}words.json`).then((response) => {
		if (!response.ok) throw new Error(`words.json: ${response.status}`);
		return response.json() as Promise<Vocabulary>;
	});
	vocabulary.catch(() => (vocabulary = undefined));
	return vocabulary;
}

/** Every hit for the words: all of them (in each way of writing them), then the best partial matches. */
async function findHits(pagefind: PagefindInstance, terms: string, filters: PagefindFilters, words: Vocabulary): Promise<Hit[]> {
	const search = async (term: string) => (await pagefind.search(term, { filters }))?.results ?? [];
	const whole = mergeBest(await Promise.all(queryVariants(terms, words).map(search)));
	if (whole.length >= FEW) return whole;
	const single = partialTerms(terms);
	if (!single.length) return whole;
	const partial = mergePartial(await Promise.all(single.map(search)), new Set(whole.map((hit) => hit.id)));
	return [...whole, ...partial];
}

/** Shapes the first `limit` hits for display (only their data is fetched) and deduplicates them. */
async function shape(hits: Hit[], limit: number, browsing: boolean): Promise<SearchOutcome> {
	const shown = await Promise.all(hits.slice(0, limit).map((hit) => hit.data()));
	const results = dedupeResults(shown.map((data) => toResultView(data, { browsing, base: BASE })));
	// Duplicates dropped from the shown part are not counted as results either.
	return { total: hits.length - (shown.length - results.length), results };
}

/**
 * Runs one search. With filters and no query it lists the matching steps in step order. A query
 * is not left at a dead end: words the index does not hold are searched as the closest words it
 * does, and said so; when filters empty the results, it says how many match without them.
 */
export async function runSearch(state: SearchState, limit: number): Promise<SearchOutcome | null> {
	const browsing = !state.q && hasFilters(state);
	if (!state.q && !browsing) return { total: 0, results: [] };
	const pagefind = await loadSearch();
	if (browsing) {
		const answer = await pagefind.search(null, { filters: toFilters(state), sort: { step: 'asc' } });
		return answer ? shape(answer.results, limit, true) : null;
	}
	// Without the word list (it failed to load) the query is searched as typed.
	const words = await loadVocabulary().catch((): Vocabulary => ({ words: [] }));
	const typed = searchTerms(state.q);
	const correction = words.words.length ? correctQuery(typed, words) : undefined;
	const terms = correction?.query ?? typed;
	const hits = await findHits(pagefind, terms, toFilters(state), words);
	const helped = correction ? { correctedTo: correction.query, suggestions: correction.alternatives } : {};
	if (hits.length || !hasFilters(state)) return { ...(await shape(hits, limit, false)), ...helped };
	return { total: 0, results: [], ...helped, withoutFilters: (await findHits(pagefind, terms, {}, words)).length };
}
