/**
 * A first search, as a reader makes it on a page just visited: what it fetches, split into
 * Pagefind's own files, index chunks and our code, and the time from typing to the first result
 * on screen. Taken for the playbook and for plain Starlight in the same run, so the two compare.
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

/** What one first search cost. */
export interface FirstSearch {
	/** Pagefind's runtime: its script, WebAssembly, entry file and UI files. */
	pagefind: number;
	/** The index: word chunks, filters, result fragments and the playbook's word list. */
	index: number;
	/** The site's own code loaded for the search. */
	code: number;
	/** Milliseconds from the query reaching the field to the first result on screen. */
	ms: number;
}

/** Which kind of file a request for the search is, by its address. */
export function searchFileKind(path: string): keyof Omit<FirstSearch, 'ms'> {
	if (/\/pagefind\/((index|fragment|filter)\/|words\.json$)/.test(path)) return 'index';
	if (/\/pagefind\//.test(path)) return 'pagefind';
	return 'code';
}

// How each site shows its search and its first result.
const SITES = {
	playbook: { field: 'site-search dialog input[type="search"]', result: 'site-search .search-result a' },
	starlight: { field: 'site-search dialog input', result: 'site-search .pagefind-ui__result-link' },
} as const;

/** Opens the search on `url`, types `query`, and measures the first search (bytes gzipped as a host sends them). */
export async function firstSearch(browser: Browser, url: string, query: string, site: keyof typeof SITES): Promise<FirstSearch> {
	const context = await browser.newContext();
	const page = await context.newPage();
	const sizes: Promise<{ path: string; bytes: number }>[] = [];
	let measuring = false;
	page.on('requestfinished', (request) => {
		if (!measuring) return;
		sizes.push(
			(async () => {
				const body = await (await request.response())?.body().catch(() => undefined);
				// Pagefind's own chunks are compressed already; everything else is measured as gzip would send it.
				return { path: new URL(request.url()).pathname, bytes: body ? Math.min(body.length, gzipSync(body).length) : 0 };
			})(),
		);
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	measuring = true;
	await page.keyboard.press('Control+k');
	await page.locator(SITES[site].field).waitFor({ state: 'visible' });
	// A reader takes a moment before typing; code and index load meanwhile, as they would.
	await page.waitForTimeout(1000);
	const ms = await page.evaluate(
		async ({ field, result, query }) => {
			const input = document.querySelector<HTMLInputElement>(field)!;
			const t0 = performance.now();
			input.value = query;
			input.dispatchEvent(new Event('input', { bubbles: true }));
			await new Promise<void>((resolve, reject) => {
				const check = () => (document.querySelector(result) ? resolve() : performance.now() - t0 > 15_000 ? reject(new Error(`no result for "${query}"`)) : requestAnimationFrame(check));
				check();
			});
			return performance.now() - t0;
		},
		{ ...SITES[site], query },
	);
	await page.waitForLoadState('networkidle');
	const files = await Promise.all(sizes);
	await context.close();
	const sum = (kind: keyof Omit<FirstSearch, 'ms'>) => files.filter((f) => searchFileKind(f.path) === kind).reduce((total, f) => total + f.bytes, 0);
	return { pagefind: sum('pagefind'), index: sum('index'), code: sum('code'), ms };
}
