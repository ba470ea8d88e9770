import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readProcess } from '../../src/process/loader';
import { collectErrors, useTheme } from './site';

const root = join(import.meta.dirname, '../..');
const built = (path: string) => existsSync(join(root, 'dist', path, 'index.html'));

/** Step numbers per role id, from the process loader the build uses. */
function stepsByRole(): Map<string, number[]> {
	const process = readProcess(root);
	return new Map(process.roles.map((role) => [role.id, process.stepsFor(role.id).map((step) => step.number)]));
}

const dialog = (page: Page) => page.locator('site-search dialog');
const results = (scope: ReturnType<Page['locator']>) => scope.locator('.search-result');

/** Opens the header's quick search and types a query into it. */
async function quickSearch(page: Page, query: string) {
	await page.getByRole('button', { name: 'Search' }).first().click();
	await expect(dialog(page)).toBeVisible();
	await dialog(page).getByRole('searchbox').fill(query);
}

/** The step numbers the search page lists, in order. */
async function listedSteps(page: Page): Promise<number[]> {
	const titles = await page.locator('search-page .search-result-link').allTextContents();
	return titles.map((t) => Number(/^Step (\d+):/.exec(t)?.[1] ?? NaN));
}

test.describe('quick search in the header', () => {
	test('a phrase of step 17 gives the step first, at its anchor, with stage and role', async ({ page }) => {
		const errors = collectErrors(page);
		await page.goto('/stages/preparation/');
		await quickSearch(page, 'lab data transfers');
		const first = results(dialog(page)).first();
		await expect(first.locator('a')).toHaveAttribute('href', /\/stages\/day-of-upgrade\/#step-17$/);
		await expect(first.locator('a')).toHaveText('Step 17: Stop all production activity');
		await expect(first.locator('.search-result-label')).toHaveText('Day of Upgrade');
		await expect(first.locator('.role-badge')).toHaveText(['Customer']);
		// The stage page's own text holds no copy of the step, so the step is listed once.
		await expect(dialog(page).locator('a[href$="#step-17"]')).toHaveCount(1);
		await first.locator('a').click();
		await expect(page).toHaveURL(/\/stages\/day-of-upgrade\/#step-17$/);
		await expect(page.locator('#step-17')).toBeInViewport();
		await expect(dialog(page)).toBeHidden();
		expect(errors).toEqual([]);
	});

	test('no search file is fetched on a visit, and hovering the button starts fetching them', async ({ page }) => {
		const fetched: string[] = [];
		page.on('request', (req) => fetched.push(new URL(req.url()).pathname));
		for (const path of ['/', '/stages/day-of-upgrade/', '/glossary/']) {
			await page.goto(path, { waitUntil: 'networkidle' });
		}
		const visit = new Set(fetched);
		expect([...visit].filter((p) => p.includes('/pagefind/'))).toEqual([]);
		fetched.length = 0;
		await page.getByRole('button', { name: 'Search' }).first().hover();
		await expect.poll(() => fetched.some((p) => p.endsWith('/pagefind/wasm.en.pagefind'))).toBe(true);
		await quickSearch(page, 'backup');
		await expect(results(dialog(page)).first()).toBeVisible();
		// Everything search needed came after the hover; none of it was part of the visit.
		expect(fetched.filter((p) => visit.has(p))).toEqual([]);
		expect(fetched.some((p) => p.endsWith('/pagefind/pagefind.js'))).toBe(true);
		// Pagefind's own UI bundle and its worker are never needed.
		expect(fetched.filter((p) => /pagefind-(ui|worker|component-ui|modular-ui)/.test(p))).toEqual([]);
	});

	test('Ctrl+K opens it, the arrow keys reach the results, Enter opens one, Escape closes', async ({ page }) => {
		await page.goto('/roles/');
		await page.keyboard.press('Control+k');
		const input = dialog(page).getByRole('searchbox');
		await expect(input).toBeFocused();
		await page.keyboard.type('back up PROD');
		await expect(results(dialog(page)).first()).toBeVisible();
		await page.keyboard.press('ArrowDown');
		await expect(results(dialog(page)).first().locator('a')).toBeFocused();
		await page.keyboard.press('ArrowUp');
		await expect(input).toBeFocused();
		await page.keyboard.press('Escape');
		await expect(dialog(page)).toBeHidden();
		await page.keyboard.press('Control+k');
		await expect(input).toBeFocused();
		const href = await results(dialog(page)).first().locator('a').getAttribute('href');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(new RegExp(`${href!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
	});

	test('a remembered question finds the step that answers it', async ({ page }) => {
		await page.goto('/');
		await quickSearch(page, 'who backs up PROD');
		const first = results(dialog(page)).first();
		await expect(first.locator('a')).toHaveAttribute('href', /\/stages\/day-of-upgrade\/#step-20$/);
		await expect(first.locator('.role-badge')).toHaveText(['IQVIA Engineer']);
	});

	test('it links to the search page with the query, for filtering', async ({ page }) => {
		await page.goto('/');
		await quickSearch(page, 'validation');
		await expect(results(dialog(page)).first()).toBeVisible();
		await dialog(page).getByRole('link', { name: /Filter by stage and role/ }).click();
		await expect(page).toHaveURL(/\/search\/\?q=validation$/);
		await expect(page.locator('search-page').getByRole('searchbox')).toHaveValue('validation');
		await expect(results(page.locator('search-page')).first()).toBeVisible();
	});

	for (const theme of ['light', 'dark'] as const) {
		test(`the open dialog with results has no accessibility violation in the ${theme} theme`, async ({ page }) => {
			await useTheme(page, theme);
			await page.goto('/stages/day-of-upgrade/');
			await quickSearch(page, 'PROD');
			await expect(results(dialog(page)).first()).toBeVisible();
			const axe = await new AxeBuilder({ page }).include('site-search dialog').analyze();
			expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
		});
	}
});

test.describe('the search page', () => {
	test('the IQVIA Engineer filter alone lists exactly that role’s steps, in order', async ({ page }) => {
		const expected = stepsByRole().get('iqvia-engineer');
		expect(expected).toEqual([6, 14, 15, 20, 21, 22, 25, 26]);
		await page.goto('/search/');
		await page.getByRole('checkbox', { name: /IQVIA Engineer/ }).check();
		await expect(page.locator('search-page .search-status')).toHaveText('8 steps for IQVIA Engineer.');
		expect(await listedSteps(page)).toEqual(expected);
		await expect(page).toHaveURL(/\/search\/\?role=iqvia-engineer$/);
		// Every listed step shows the role among its responsible roles.
		for (const item of await results(page.locator('search-page')).all()) {
			await expect(item.locator('.role-badge', { hasText: 'IQVIA Engineer' })).toHaveCount(1);
		}
	});

	test('every role filter matches the content', async ({ page }) => {
		await page.goto('/search/');
		for (const [role, steps] of stepsByRole()) {
			await page.goto(`/search/?role=${role}`);
			await expect(results(page.locator('search-page'))).toHaveCount(steps.length);
			expect(await listedSteps(page), role).toEqual(steps);
		}
	});

	test('a shared address restores the query and the filters', async ({ page }) => {
		await page.goto('/search/?q=PROD&stage=day-of-upgrade&role=iqvia-engineer');
		const form = page.locator('search-page form');
		await expect(form.getByRole('searchbox')).toHaveValue('PROD');
		await expect(form.getByRole('checkbox', { name: /Day of Upgrade/ })).toBeChecked();
		await expect(form.getByRole('checkbox', { name: /IQVIA Engineer/ })).toBeChecked();
		await expect(form.getByRole('checkbox', { name: /Customer/ })).not.toBeChecked();
		await expect(results(page.locator('search-page')).first()).toBeVisible();
		const listed = await listedSteps(page);
		expect(listed.length).toBeGreaterThan(0);
		// A query and filters combine: only the engineer's Day of Upgrade steps qualify.
		for (const n of listed) expect([20, 21, 22, 25, 26]).toContain(n);
		// Changing the view rewrites the address in place.
		await form.getByRole('checkbox', { name: /Day of Upgrade/ }).uncheck();
		await expect(page).toHaveURL(/\/search\/\?q=PROD&role=iqvia-engineer$/);
		await page.reload();
		await expect(form.getByRole('checkbox', { name: /Day of Upgrade/ })).not.toBeChecked();
		await expect(form.getByRole('searchbox')).toHaveValue('PROD');
	});

	test('works with the keyboard alone', async ({ page }) => {
		await page.goto('/search/');
		const form = page.locator('search-page form');
		await form.getByRole('searchbox').focus();
		await page.keyboard.type('PROD');
		await expect(results(page.locator('search-page')).first()).toBeVisible();
		// Tab reaches the stage boxes first, then the role boxes; Space ticks a box.
		await page.keyboard.press('Tab');
		await expect(form.getByRole('checkbox', { name: /Preparation/ })).toBeFocused();
		const engineer = form.getByRole('checkbox', { name: /IQVIA Engineer/ });
		for (let i = 0; i < 10 && !(await engineer.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
		await expect(engineer).toBeFocused();
		await page.keyboard.press('Space');
		await expect(page).toHaveURL(/role=iqvia-engineer/);
		await expect(page.locator('search-page .search-status')).toContainText('for IQVIA Engineer');
		// From the query box, the arrow key reaches the first result and Enter opens it.
		await form.getByRole('searchbox').focus();
		await page.keyboard.press('ArrowDown');
		const first = results(page.locator('search-page')).first().locator('a');
		await expect(first).toBeFocused();
		const href = await first.getAttribute('href');
		expect(href).toMatch(/\/stages\/[a-z-]+\/#step-\d+$/);
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(new RegExp(`${href!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
	});

	test('Clear all empties the query, the filters and the address', async ({ page }) => {
		await page.goto('/search/?q=ticket&role=customer');
		await expect(results(page.locator('search-page')).first()).toBeVisible();
		await page.getByRole('button', { name: 'Clear all' }).click();
		await expect(page.locator('search-page form').getByRole('searchbox')).toHaveValue('');
		await expect(results(page.locator('search-page'))).toHaveCount(0);
		await expect(page).toHaveURL(/\/search\/$/);
	});

	for (const theme of ['light', 'dark'] as const) {
		test(`has no accessibility violation with results shown in the ${theme} theme`, async ({ page }) => {
			await useTheme(page, theme);
			await page.goto('/search/?q=validation&stage=validation');
			await expect(results(page.locator('search-page')).first()).toBeVisible();
			const axe = await new AxeBuilder({ page }).analyze();
			expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
		});
	}
});

test.describe('what the index covers', () => {
	test('the glossary and background pages are found', async ({ page }) => {
		await page.goto('/search/?q=uncontrolled');
		await expect(page.locator('search-page a.search-result-link[href^="/background/"]').first()).toBeVisible();
		await page.goto('/search/?q=FHSD');
		await expect(page.locator('search-page a.search-result-link[href^="/glossary/"]').first()).toBeVisible();
	});

	test("'Bearer' finds the 23.3 release page", async ({ page }) => {
		expect(built('releases/23.3'), 'the release pages are built').toBe(true);
		await page.goto('/search/?q=Bearer');
		await expect(page.locator('search-page a.search-result-link[href^="/releases/23.3/"]').first()).toBeVisible();
	});

	test("'SSO' finds the VAL request ticket template", async ({ page }) => {
		expect(built('tickets/val-request'), 'the ticket pages are built').toBe(true);
		await page.goto('/search/?q=SSO');
		await expect(page.locator('search-page a.search-result-link[href^="/tickets/val-request/"]').first()).toBeVisible();
	});

	test('print views and the search page are not in the index, and no step is indexed twice', async ({ page }) => {
		await page.goto('/search/');
		const urls = await page.evaluate(async () => {
			const api = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
			const pagefind = api.createInstance({ noWorker: true });
			await pagefind.init();
			const all = await Promise.all(['step', 'the', 'print', 'sign-off', 'ticket'].map((q) => pagefind.search(q)));
			const ids = new Set<string>();
			const data = [];
			for (const answer of all) {
				for (const result of answer.results) {
					if (ids.has(result.id)) continue;
					ids.add(result.id);
					data.push(result.data());
				}
			}
			return (await Promise.all(data)).map((d: { url: string }) => d.url);
		});
		expect(urls.length).toBeGreaterThan(28);
		expect(urls.filter((u) => u.startsWith('/print/') || u.startsWith('/search/'))).toEqual([]);
		const stepUrls = urls.filter((u) => /#step-\d+$/.test(u));
		expect(new Set(stepUrls).size).toBe(stepUrls.length);
	});
});

test('first search on a stage page: bytes and time from typing to the first result', async ({ browser }) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	const bytes: { path: string; size: number; gzipped: number }[] = [];
	let searching = false;
	page.on('requestfinished', async (req) => {
		if (!searching) return;
		const body = await (await req.response())?.body().catch(() => undefined);
		// Text is measured as a server that compresses would send it; Pagefind's own files are compressed already.
		bytes.push({ path: new URL(req.url()).pathname, size: body?.length ?? 0, gzipped: body ? Math.min(body.length, gzipSync(body).length) : 0 });
	});
	await page.goto('/stages/day-of-upgrade/', { waitUntil: 'networkidle' });
	searching = true;
	await page.getByRole('button', { name: 'Search' }).first().click();
	await expect(dialog(page).getByRole('searchbox')).toBeFocused();
	// A reader takes a moment to start typing; the code and index load meanwhile.
	await page.waitForTimeout(500);
	const ms = await page.evaluate(async () => {
		const field = document.querySelector<HTMLInputElement>('site-search dialog input[type="search"]')!;
		const t0 = performance.now();
		field.value = 'lab data transfers';
		field.dispatchEvent(new Event('input', { bubbles: true }));
		await new Promise<void>((resolve) => {
			const check = () => (document.querySelector('site-search .search-result a') ? resolve() : requestAnimationFrame(check));
			check();
		});
		return performance.now() - t0;
	});
	await page.waitForLoadState('networkidle');
	const sum = (list: typeof bytes) => list.reduce((total, b) => total + b.gzipped, 0);
	// The index, result fragments and the index's word list grow with the content; the code and Pagefind's runtime should not.
	const content = bytes.filter((b) => /\/pagefind\/((index|fragment|filter)\/|words\.json$)/.test(b.path));
	const code = bytes.filter((b) => !content.includes(b));
	const figures = `${bytes.length} files, ${sum(bytes)} bytes gzipped (${sum(code)} code and runtime, ${sum(content)} index and results); first result ${Math.round(ms)} ms after typing`;
	test.info().annotations.push({ type: 'first search', description: figures });
	console.log(`first search: ${figures}`);
	// Starlight's search needed about 112 KB of code and runtime: 27 KB on every visit, 85 KB on opening it.
	expect(sum(code)).toBeLessThan(80_000);
	// Only a gross guard: on a busy machine timings swing by seconds; the figure above is what counts.
	expect(ms).toBeLessThan(5_000);
	await context.close();
});
