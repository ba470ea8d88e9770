import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readProcess } from '../../src/process/loader';
import { allPages, collectErrors, useTheme } from './site';

const pages = allPages();
/** The process as the site was built from it. */
const playbook = readProcess(new URL('../..', import.meta.url).pathname);

test('the site has the guidance pages', () => {
	for (const path of ['/', ...playbook.stages.map((stage) => `/stages/${stage.id}/`), '/roles/', '/background/', '/glossary/']) {
		expect(pages).toContain(path);
	}
});

for (const path of pages) {
	test(`${path} loads with no console error`, async ({ page }) => {
		const errors = collectErrors(page);
		const response = await page.goto(path, { waitUntil: 'networkidle' });
		expect(response?.status()).toBe(200);
		await expect(page.locator('h1').first()).toBeVisible();
		expect(errors).toEqual([]);
	});

	for (const theme of ['light', 'dark'] as const) {
		test(`${path} has no accessibility violation in the ${theme} theme`, async ({ page }) => {
			await useTheme(page, theme);
			await page.goto(path, { waitUntil: 'networkidle' });
			await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
		});
	}
}

test('every step has its own anchor on its stage page', async ({ page }) => {
	const found: number[] = [];
	for (const stage of playbook.stages.map((s) => s.id)) {
		await page.goto(`/stages/${stage}/`);
		const numbers = await page.locator('section.step').evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.stepNumber)));
		found.push(...numbers);
	}
	expect(found).toEqual(playbook.steps.map((step) => step.number));
	// Each anchor, opened as a link, scrolls its step into view: the first and last step of every stage.
	for (const steps of playbook.stages.map((stage) => playbook.stepsOf(stage.id))) {
		for (const { number: n, stage } of [steps[0]!, steps.at(-1)!]) {
			await page.goto(`/stages/${stage}/#step-${n}`);
			await expect(page.locator(`#step-${n}`)).toBeInViewport();
		}
	}
});

test('step references in the notes link to the step', async ({ page }) => {
	await page.goto('/stages/day-of-upgrade/');
	const link = page.locator('#step-24').locator('..').getByRole('link', { name: 'step 20' });
	await link.click();
	await expect(page).toHaveURL(/\/stages\/day-of-upgrade\/#step-20$/);
	await expect(page.locator('#step-20')).toBeInViewport();
});

test('the roles page derives its matrix from the steps', async ({ page }) => {
	await page.goto('/roles/');
	const engineerColumn = await page.locator('table.role-matrix thead th').allTextContents();
	const col = engineerColumn.findIndex((t) => t.trim() === 'IQVIA Engineer');
	expect(col).toBeGreaterThan(0);
	const rows = page.locator('table.role-matrix tbody tr:not(.matrix-stage)');
	const marked: number[] = [];
	for (let i = 0; i < (await rows.count()); i++) {
		const cell = rows.nth(i).locator('th, td').nth(col);
		if ((await cell.textContent())?.includes('●')) marked.push(i + 1);
	}
	expect(marked).toEqual([6, 14, 15, 20, 21, 22, 25, 26]);
});

test('a page is complete and readable with JavaScript off', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/stages/validation/');
	await expect(page.locator('section.step')).toHaveCount(5);
	await expect(page.locator('#step-12 ~ .step-activity')).toHaveText(/Confirm to the IQVIA PM that the validation is complete/);
	// Without scripts nothing can be recorded, so the page shows no boxes: it points to the paper sheet instead.
	await expect(page.getByRole('checkbox')).toHaveCount(0);
	await expect(page.locator('checklist-bar').getByRole('link', { name: "this stage's sign-off sheet" })).toHaveAttribute('href', /\/print\/stages\/validation\/$/);
	await context.close();
});

test('search finds the Day of Upgrade page from a phrase of step 17', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Search' }).first().click();
	await page.locator('site-search dialog').getByRole('searchbox').fill('lab data transfers');
	const first = page.locator('site-search .search-result').first();
	await expect(first.locator('.search-result-link')).toHaveAttribute('href', /\/stages\/day-of-upgrade\/#step-17$/);
	await expect(first.locator('.search-result-label')).toHaveText('Day of Upgrade');
});
