import { expect, test, type Page } from '@playwright/test';
import { pageTypes } from './page-types';
import { collectErrors } from './site';

// Site data blocked, as a browser set to refuse it does: merely reading window.localStorage throws.
// No page may throw for it (Starlight's own theme scripts did, on every page), and the theme switch
// must still change the theme, for the page at hand.

/** Makes every read of window.localStorage throw, before any script of the page runs. */
async function blockStorage(page: Page): Promise<void> {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'localStorage', {
			configurable: true,
			get() {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			},
		});
	});
}

for (const type of pageTypes()) {
	test(`${type.name} page (${type.path}): no uncaught error with storage blocked`, async ({ page }) => {
		await blockStorage(page);
		const errors = collectErrors(page);
		await page.goto(type.path, { waitUntil: 'networkidle' });
		// The block is in force: the page's own reads throw.
		expect(await page.evaluate(() => { try { void window.localStorage; return 'read'; } catch { return 'blocked'; } })).toBe('blocked');
		expect(errors.filter((e) => e.startsWith('uncaught:'))).toEqual([]);
	});
}

test('the theme switch still works with storage blocked', async ({ page }) => {
	await blockStorage(page);
	const errors = collectErrors(page);
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/roles/');
	const select = page.locator('header starlight-theme-select select');
	await expect(select).toHaveValue('auto');
	await select.selectOption('light');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
	await select.selectOption('dark');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	// Every switch on the page (the mobile menu has its own) shows the choice.
	await expect(page.locator('starlight-theme-select select').last()).toHaveValue('dark');
	expect(errors.filter((e) => e.startsWith('uncaught:'))).toEqual([]);
});

test('with storage allowed the theme choice is kept from page to page', async ({ page }) => {
	await page.goto('/roles/');
	await page.locator('header starlight-theme-select select').selectOption('light');
	await page.goto('/glossary/');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
	await expect(page.locator('header starlight-theme-select select')).toHaveValue('light');
});
