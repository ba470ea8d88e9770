/**
 * The byte budgets, held in CI: on every page type of bench/page-types.json, our JS beyond
 * plain Starlight's stays under its budget (bench/page-types.json: 12 KB gzipped on a page with a
 * tool, none at all on a page without). Prints one line per page type, writes reports/budgets.json in the shape
 * scripts/count-tests.mjs counts, and exits 1 naming each page and figure over budget.
 *
 *   node scripts/check-budgets.ts [dist]      (npm run check:budgets)
 *
 * The plain Starlight site is built under bench/out/baseline/ when it is not there yet.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baselineDist, projectRoot } from '../bench/baseline.ts';
import { jsShare, pageWeight, scriptHashes, type PageWeight } from '../bench/weight.ts';

interface PageType {
	name: string;
	path: string;
	tool: boolean;
	/** This page's own budget, held closer than its kind's. */
	budgetGz?: number;
}
interface PageList {
	budgets: { toolJsGz: number; noToolJsGz: number };
	pages: PageType[];
}

/** One page type's verdict: the figure, its budget and, when over, the message CI prints. */
export interface BudgetResult {
	page: string;
	path: string;
	oursGz: number;
	budget: number;
	failure?: string;
}

/** Checks every listed page of a build against the budgets, given the plain Starlight build to compare with. */
export function checkBudgets(list: PageList, dist: string, plainDist: string): BudgetResult[] {
	const plain = pageWeight(plainDist, '/') as PageWeight;
	const starlight = scriptHashes(plainDist);
	return list.pages.map(({ name, path, tool, budgetGz }) => {
		const budget = budgetGz ?? (tool ? list.budgets.toolJsGz : list.budgets.noToolJsGz);
		const page = pageWeight(dist, path);
		if (!page) return { page: name, path, oursGz: NaN, budget, failure: `page ${name} (${path}) is listed but was not built` };
		const { ours, ownFiles } = jsShare(page, plain, starlight);
		const failure =
			ours.gz <= budget
				? undefined
				: tool
					? `page ${name} (${path}): our JS is ${ours.gz} bytes gzipped, budget ${budget} (own files: ${ownFiles.join(', ')})`
					: `page ${name} (${path}) has ${ours.gz} bytes of our JS gzipped but uses no tool, budget ${budget} (own files: ${ownFiles.join(', ')})`;
		return { page: name, path, oursGz: ours.gz, budget, failure };
	});
}

const invoked = process.argv[1]?.endsWith('check-budgets.ts');
if (invoked) {
	const dist = join(projectRoot, process.argv[2] ?? 'dist');
	const list: PageList = JSON.parse(readFileSync(join(projectRoot, 'bench', 'page-types.json'), 'utf8'));
	const results = checkBudgets(list, dist, baselineDist());
	for (const r of results) {
		const figure = Number.isNaN(r.oursGz) ? 'not built' : `${r.oursGz} B`;
		console.log(`${r.failure ? 'OVER' : 'ok  '}  ${r.page.padEnd(16)} ${r.path.padEnd(24)} our JS ${figure.padStart(9)} gzipped, budget ${r.budget} B`);
	}
	const failures = results.filter((r) => r.failure);
	for (const r of failures) console.log(`Budget broken: ${r.failure}`);
	mkdirSync(join(projectRoot, 'reports'), { recursive: true });
	writeFileSync(
		join(projectRoot, 'reports', 'budgets.json'),
		JSON.stringify({ numPassedTests: results.length - failures.length, numFailedTests: failures.length, results }, null, 2),
	);
	console.log(`budgets: ${results.length - failures.length} passed, ${failures.length} failed`);
	process.exit(failures.length ? 1 : 0);
}
