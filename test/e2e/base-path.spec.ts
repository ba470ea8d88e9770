import { expect, test, type Page } from '@playwright/test';
import { pageTypes, toolUse } from './page-types';

// The site built under a base path (BASE_PATH=/playbook/, in dist-base/) and served there by nginx:
// every page type loads everything it needs from under /playbook/, and the tools that build
// addresses in the browser (search results, the release picker's data) keep to it.
// Paths here are relative, so they resolve under the project's baseURL.

const BASE = '/playbook/';

/** Records requests that leave the base path or fail, for a page and its workers. */
function strayRequests(page: Page): string[] {
	const stray: string[] = [];
	page.on('request', (req) => {
		const url = new URL(req.url());
		if (/^(data|blob):/.test(req.url())) return;
		if (!url.pathname.startsWith(BASE)) stray.push(`asked ${url.pathname}`);
	});
	page.on('response', (res) => {
		if (res.status() >= 400) stray.push(`${res.status()} for ${new URL(res.url()).pathname}`);
	});
	return stray;
}

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

for (const type of pageTypes()) {
	test(`${type.name} under ${BASE}: everything it loads is under the base path`, async ({ page }) => {
		const stray = strayRequests(page);
		await page.goto(type.path.replace(/^\//, ''), { waitUntil: 'networkidle' });
		await expect(page.locator('h1').first()).toBeVisible();
		expect(stray).toEqual([]);
	});
}

test('search results link to pages under the base path, once', async ({ page }) => {
	await page.goto('search/');
	await page.locator('#search-page-q').fill('back up production');
	const first = page.locator('search-page .search-result-link').first();
	await expect(first).toBeVisible();
	const href = (await first.getAttribute('href'))!;
	expect(href.startsWith(BASE) && !href.startsWith(`${BASE}playbook/`), href).toBe(true);
	await first.click();
	await expect(page).toHaveURL(new RegExp(`${BASE}stages/`));
	await expect(page.locator('h1').first()).toBeVisible();
});

test('the release picker loads its catalogue from under the base path', async ({ page }) => {
	const stray = strayRequests(page);
	await page.goto('releases/');
	await toolUse['release picker']!(page);
	const release = page.locator('.release-picker [data-rp="result"] a[href*="/releases/"]').first();
	expect(await release.getAttribute('href')).toMatch(new RegExp(`^${BASE}releases/`));
	expect(stray).toEqual([]);
});

test('step links in the guidance lead to the step under the base path', async ({ page }) => {
	await page.goto('');
	const step = page.locator('main a[href$="#step-1"]').first();
	expect(await step.getAttribute('href')).toMatch(new RegExp(`^${BASE}stages/`));
	await step.click();
	await expect(page.locator('#step-1')).toBeVisible();
});
