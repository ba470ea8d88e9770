import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, type Served } from '../../bench/serve';
import { firstTick, measureTransfer, transferBudget } from '../../bench/transfer';
import { moduleScripts } from '../../src/integrations/page-scripts';
import { pageStyles } from '../../src/integrations/page-styles';
import { isBuilt } from './page-types';
import { allPages } from './site';

// The stage page's weight, held: what Chromium transfers on a first visit and on the first tick (signing step 1
// through to a recorded event), gzipped as the bench's server sends it, against plain Starlight's first visit as the
// last bench run recorded it in bench/page-types.json. The bench (npm run bench) measures both in one run.

const budget = transferBudget();
let site: Served;

test.beforeAll(async () => {
	site = await serve(join(import.meta.dirname, '../..', process.env.E2E_DIST ?? 'dist'));
});
test.afterAll(async () => {
	await site.close();
});

test(`the stage page, visited and ticked once, transfers at most ${budget.stageShare} of plain Starlight's first visit`, async ({ browser }) => {
	test.setTimeout(90_000);
	expect(isBuilt(budget.stagePath), 'the stage page is built').toBe(true);
	const transfer = await measureTransfer(browser, site.origin + budget.stagePath, firstTick);
	const limit = Math.floor(budget.plainFirstVisit * budget.stageShare);
	const list = transfer.responses.map((r) => `${r.phase} ${r.bytes} ${r.url.replace(site.origin, '')}`).join('\n');
	// One script and two stylesheets (the site's and the page's) on the visit (src/integrations/page-scripts.ts, page-styles.ts).
	const visited = (end: string) => transfer.responses.filter((r) => r.phase === 'visit' && r.url.endsWith(end)).length;
	expect([visited('.js'), visited('.css')], list).toEqual([1, 2]);
	// The tick did happen: the signing code came with it.
	expect(transfer.responses.some((r) => r.phase === 'tick' && r.url.endsWith('.js')), list).toBe(true);
	expect(transfer.visit + transfer.tick, `visit ${transfer.visit} B + first tick ${transfer.tick} B, limit ${limit} B (plain Starlight ${budget.plainFirstVisit} B, measured ${budget.measured}):\n${list}`).toBeLessThanOrEqual(limit);
});

test('every built page runs one script file and links at most two stylesheets, with no module script or style element inline', () => {
	const dist = join(import.meta.dirname, '../..', process.env.E2E_DIST ?? 'dist');
	const pages = allPages();
	expect(pages.length).toBeGreaterThan(40);
	const wrong = pages.flatMap((path) => {
		const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
		const scripts = moduleScripts(html);
		const styles = pageStyles(html);
		const ok = scripts.length <= 1 && scripts.every((s) => s.src) && styles.length >= 1 && styles.length <= 2 && styles.every((s) => s.href);
		return ok ? [] : [`${path}: ${scripts.length} module scripts (${scripts.filter((s) => !s.src).length} inline), ${styles.length} styles`];
	});
	expect(wrong).toEqual([]);
});
