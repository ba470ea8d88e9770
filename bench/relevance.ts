/**
 * Search relevance on the relevance set (bench/relevance/set.yaml): recall at 3 and mean
 * reciprocal rank, measured through the search page of a built site in Chromium, so the
 * numbers are those a reader gets (query handling, filters, ranking and deduplication included).
 *
 * `npx node bench/relevance.ts [dist]` prints a Markdown report; `npm run bench` includes it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { parse } from 'yaml';
import { projectRoot } from './baseline.ts';
import { serve } from './serve.ts';

/** One query of the set, as written in set.yaml. */
export interface RelevanceQuery {
	q: string;
	answers: string[];
	why: string;
	filter?: { stage?: string; role?: string };
}

/** How one query did: the ranks of the results that answer it (1-based), and the first ten results. */
export interface QueryOutcome {
	query: RelevanceQuery;
	firstAnswerRank: number | undefined;
	top: string[];
}

/** The set's score: the share of queries answered in the first three, and the mean reciprocal rank. */
export interface RelevanceScore {
	recallAt3: number;
	mrr: number;
	outcomes: QueryOutcome[];
}

const STEP_REF = /^step (\d+)$/;

/** The set as written, checked for shape so a typo in it is named rather than scored as a miss. */
export function readSet(file = join(projectRoot, 'bench', 'relevance', 'set.yaml')): RelevanceQuery[] {
	const set = parse(readFileSync(file, 'utf8')) as RelevanceQuery[];
	set.forEach((entry, i) => {
		if (typeof entry?.q !== 'string' || !Array.isArray(entry.answers) || !entry.answers.length)
			throw new Error(`${file}: entry ${i + 1} needs a query (q) and at least one answer`);
		for (const answer of entry.answers)
			if (!STEP_REF.test(answer) && !/^\/.*\/$/.test(answer)) throw new Error(`${file}: entry ${i + 1} ("${entry.q}"): "${answer}" is neither "step N" nor a page path`);
	});
	return set;
}

/** Where each step lands, `/stages/<stage>/#step-N`, read from the built stage pages' anchors. */
export function stepAddresses(dist = join(projectRoot, 'dist')): Map<number, string> {
	const addresses = new Map<number, string>();
	const stages = join(dist, 'stages');
	for (const stage of readdirSync(stages)) {
		const html = readFileSync(join(stages, stage, 'index.html'), 'utf8');
		for (const [, number] of html.matchAll(/\bid="step-(\d+)"/g)) addresses.set(Number(number), `/stages/${stage}/#step-${number}`);
	}
	return addresses;
}

/** The addresses a query's answers stand for. */
function answerAddresses(query: RelevanceQuery, steps: Map<number, string>): string[] {
	return query.answers.map((answer) => {
		const step = STEP_REF.exec(answer);
		if (!step) return answer;
		const address = steps.get(Number(step[1]));
		if (!address) throw new Error(`The relevance set names ${answer}, which the content does not have`);
		return address;
	});
}

/** The index of the first result that answers: a step by its exact anchor, a page anywhere on it. */
export function firstAnswer(top: string[], answers: string[]): number {
	return top.findIndex((address) => answers.some((answer) => (answer.includes('#') ? address === answer : address.split('#')[0] === answer)));
}

/** Scores outcomes: recall at 3 and mean reciprocal rank (a miss in the first ten counts 0). */
export function score(outcomes: QueryOutcome[]): RelevanceScore {
	const n = outcomes.length || 1;
	const recallAt3 = outcomes.filter((o) => o.firstAnswerRank !== undefined && o.firstAnswerRank <= 3).length / n;
	const mrr = outcomes.reduce((sum, o) => sum + (o.firstAnswerRank ? 1 / o.firstAnswerRank : 0), 0) / n;
	return { recallAt3, mrr, outcomes };
}

/** Runs one query on the search page and gives the first ten result addresses (path and hash). */
async function resultsFor(page: Page, origin: string, query: RelevanceQuery): Promise<string[]> {
	const params = new URLSearchParams({ q: query.q });
	if (query.filter?.stage) params.set('stage', query.filter.stage);
	if (query.filter?.role) params.set('role', query.filter.role);
	await page.goto(`${origin}/search/?${params}`);
	await page.waitForFunction(() => {
		const status = document.querySelector('search-page .search-status')?.textContent ?? '';
		return status !== '' && status !== 'Searching…';
	});
	const hrefs = await page.locator('search-page a.search-result-link').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
	return hrefs.slice(0, 10).map((href) => {
		const url = new URL(href);
		return `${url.pathname}${url.hash}`;
	});
}

/** Measures the set against a built site in dist. */
export async function measureRelevance(dist: string, set = readSet()): Promise<RelevanceScore> {
	const steps = stepAddresses(dist);
	const served = await serve(dist);
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
	});
	try {
		const page = await browser.newPage();
		const outcomes: QueryOutcome[] = [];
		for (const query of set) {
			const top = await resultsFor(page, served.origin, query);
			const at = firstAnswer(top, answerAddresses(query, steps));
			outcomes.push({ query, firstAnswerRank: at === -1 ? undefined : at + 1, top });
		}
		return score(outcomes);
	} finally {
		await browser.close();
		await served.close();
	}
}

/** The score as Markdown: the two figures, then each query with the rank of its first answer. */
export function relevanceReport(result: RelevanceScore): string {
	const rows = result.outcomes.map(({ query, firstAnswerRank, top }) => {
		const filter = query.filter ? ` (${Object.entries(query.filter).map(([k, v]) => `${k}: ${v}`).join(', ')})` : '';
		const rank = firstAnswerRank ?? 'not in top 10';
		return `| ${query.q}${filter} | ${query.why} | ${query.answers.join(', ')} | ${rank} | ${top[0] ?? 'no result'} |`;
	});
	return [
		`Recall at 3: **${result.recallAt3.toFixed(2)}** (${result.outcomes.filter((o) => (o.firstAnswerRank ?? 99) <= 3).length} of ${result.outcomes.length} queries); mean reciprocal rank: **${result.mrr.toFixed(2)}**.`,
		'',
		'| query | stands for | answers | rank of first answer | first result |',
		'|---|---|---|---|---|',
		...rows,
	].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const dist = process.argv[2] ?? join(projectRoot, 'dist');
	process.stdout.write(`${relevanceReport(await measureRelevance(dist))}\n`);
}
