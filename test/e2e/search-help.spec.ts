import { expect, test } from '@playwright/test';

const status = '.search-status';
const help = '.search-help';

test.describe('search that leads somewhere when nothing matches', () => {
	test('a filter that empties the results says how many match without it, and one click drops it', async ({ page }) => {
		await page.goto('/search/?q=sandbox&role=iqvia-engineer');
		const searchPage = page.locator('search-page');
		await expect(searchPage.locator(status)).toHaveText('No results for “sandbox” for IQVIA Engineer.');
		await expect(searchPage.locator(help)).toContainText(/^\d+ results? without the stage and role filters\./);
		await searchPage.locator(help).getByRole('button', { name: 'Search without filters' }).click();
		await expect(searchPage.getByRole('checkbox', { name: /IQVIA Engineer/ })).not.toBeChecked();
		await expect(page).toHaveURL(/\/search\/\?q=sandbox$/);
		await expect(searchPage.locator('.search-result-link').first()).toHaveText(/^Step 2:/);
		await expect(searchPage.locator(help)).toBeHidden();
		await expect(searchPage.getByRole('searchbox')).toBeFocused();
	});

	test('a misspelt word is searched as the closest word the index holds, and said so', async ({ page }) => {
		await page.goto('/search/?q=tikcet');
		const searchPage = page.locator('search-page');
		await expect(searchPage.locator(status)).toHaveText(/^No results for “tikcet”\. Showing instead: \d+ results for “ticket”\./);
		await expect(searchPage.locator('.search-result').first()).toBeVisible();
	});

	test('other close words are offered as choices, and choosing one searches it', async ({ page }) => {
		await page.goto('/search/?q=rport');
		const searchPage = page.locator('search-page');
		await expect(searchPage.locator(status)).toHaveText(/^No results for “rport”\. Showing instead: \d+ results? for “report”\./);
		const choices = searchPage.locator(help).getByRole('button');
		await expect(choices.first()).toBeVisible();
		const other = (await choices.first().textContent())!;
		await choices.first().click();
		await expect(searchPage.getByRole('searchbox')).toHaveValue(other);
		await expect(searchPage.locator(status)).toHaveText(new RegExp(`results? for “${other}”\\.$`));
	});

	test('the quick search corrects a misspelt word too', async ({ page }) => {
		await page.goto('/glossary/');
		await page.getByRole('button', { name: 'Search' }).first().click();
		const dialog = page.locator('site-search dialog');
		await dialog.getByRole('searchbox').fill('dashbords');
		await expect(dialog.locator(status)).toHaveText(/^No results for “dashbords”\. Showing instead: .* for “dashboards”/);
		await expect(dialog.locator('.search-result').first()).toBeVisible();
	});

	test('words.json, the index words for corrections, is fetched once with the search and not on a page visit', async ({ page }) => {
		const fetched: string[] = [];
		page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
		await page.goto('/glossary/');
		await page.waitForLoadState('networkidle');
		expect(fetched.filter((path) => path.endsWith('/words.json'))).toEqual([]);
		await page.goto('/search/?q=backup');
		await expect(page.locator('search-page .search-result').first()).toBeVisible();
		await page.locator('search-page').getByRole('searchbox').fill('bakup');
		await expect(page.locator(`search-page ${status}`)).toHaveText(/^No results for “bakup”\. Showing instead: \d+ results? for “backup”/);
		expect(fetched.filter((path) => path.endsWith('/words.json'))).toHaveLength(1);
	});

	test('"backup" finds step 20, written "Back up", with and without the IQVIA Engineer filter', async ({ page }) => {
		for (const address of ['/search/?q=backup', '/search/?q=backup&role=iqvia-engineer']) {
			await page.goto(address);
			const links = page.locator('search-page .search-result-link');
			await expect(links.first()).toBeVisible();
			expect((await links.allTextContents()).slice(0, 3), address).toContainEqual(expect.stringMatching(/^Step 20:/));
		}
	});
});
