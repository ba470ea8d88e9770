/**
 * Lighthouse against the local built site in Debian's Chromium (CHROMIUM_PATH overrides), mobile
 * settings as Lighthouse defines them, with no network beyond the loopback. Used by the bench
 * (every category, median of three runs) and by the CI check (accessibility, best practices
 * and SEO, one run each).
 */
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

/** The Lighthouse categories reported, by their ids. */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** One Lighthouse category id. */
export type Category = (typeof CATEGORIES)[number];

/** A run's scores, 0 to 100, by category, and the audits that kept any category below 100. */
export interface LighthouseResult {
	scores: Partial<Record<Category, number>>;
	failing: string[];
}

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Starts Debian's Chromium for Lighthouse to drive; call kill() on the result when done. */
export function launchChromium(): Promise<chromeLauncher.LaunchedChrome> {
	return chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: FLAGS });
}

/** The audits left out on a page marked `noindex` in page-types.json: it asks not to be indexed, so "is crawlable" cannot pass, by design. */
export const NOINDEX_SKIPS = ['is-crawlable'];

/** Runs Lighthouse (mobile) once on a URL in a launched Chromium and returns its scores. */
export async function lighthouseRun(
	url: string,
	port: number,
	categories: readonly Category[] = CATEGORIES,
	skipAudits: string[] = [],
): Promise<LighthouseResult> {
	const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...categories], skipAudits });
	if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
	const { lhr } = result;
	if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
	const scores: Partial<Record<Category, number>> = {};
	const failing: string[] = [];
	for (const id of categories) {
		const category = lhr.categories[id];
		if (!category) continue;
		scores[id] = Math.round((category.score ?? 0) * 100);
		if (id === 'performance') continue;
		for (const ref of category.auditRefs) {
			const audit = lhr.audits[ref.id];
			if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failing.push(`${id}: ${ref.id} (${audit.title})`);
		}
	}
	return { scores, failing };
}

/** The median of some numbers (the middle one, or the mean of the two middle ones). */
export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}
