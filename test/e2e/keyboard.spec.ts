import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { isBuilt, pageTypes, toolUse } from './page-types';
import { collectErrors, useTheme } from './site';

// Accessibility beyond axe: each tool used with the keyboard alone, with a focus indicator that
// can be seen at every stop, and status messages announced through live regions.

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Whether the focused element draws a focus indicator: an outline or a box shadow. */
async function focusVisible(page: Page): Promise<{ what: string; visible: boolean }> {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (!el || el === document.body) return { what: 'body', visible: false };
		// Date and time inputs step through their parts, some inside the browser's own shadow tree,
		// which draws its own focus ring there; the input itself then does not match :focus-visible.
		if (el instanceof HTMLInputElement && /^(date|time|datetime-local|month|week)$/.test(el.type) && !el.matches(':focus-visible')) {
			return { what: el.id, visible: true };
		}
		const style = getComputedStyle(el);
		const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
		const shadow = style.boxShadow !== 'none';
		const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;
		return { what, visible: outline || shadow };
	});
}

/** Presses Tab until the target has focus, checking the focus indicator at every stop; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 300): Promise<string[]> {
	const unseen: string[] = [];
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		const focus = await focusVisible(page);
		if (!focus.visible) unseen.push(focus.what);
		if (await target.evaluate((el) => el === document.activeElement)) return unseen;
	}
	throw new Error(`Tab never reached ${target} in ${limit} presses`);
}

test('a checklist step is signed off with the keyboard alone', async ({ page }) => {
	expect(isBuilt('/stages/preparation/'), 'the stage page is built').toBe(true);
	const errors = collectErrors(page);
	await page.goto('/stages/preparation/', { waitUntil: 'networkidle' });
	const box = page.locator('step-signoff input[data-ref="done"]').first();
	expect(await box.count(), 'the checklist is on the stage page').toBeGreaterThan(0);
	expect(await tabTo(page, box), 'focus stops with no visible indicator').toEqual([]);
	await page.keyboard.press('Space');
	// A first sign-off in this browser asks who signs; the dialog opens once the signing code has loaded.
	const dialog = page.locator('dialog.signer-dialog');
	await expect(dialog).toBeVisible();
	{
		await page.keyboard.type('Ada Lovelace');
		// On to the role: typing an option's first letters chooses it in a closed select.
		await page.keyboard.press('Tab');
		await expect(dialog.getByLabel('Your role')).toBeFocused();
		await page.keyboard.type('Customer');
		await expect(dialog.getByLabel('Your role')).toHaveValue('customer');
		await page.keyboard.press('Tab');
		await expect(dialog.getByRole('button', { name: 'Sign off' })).toBeFocused();
		await page.keyboard.press('Enter');
	}
	// Then the sign-off panel, on its first field (the meaning, set for the customer's step); Tab leads to "Sign off".
	const panel = page.locator('dialog.signoff-dialog');
	await expect(panel).toBeVisible();
	await expect(panel.getByLabel('What your signature means')).toBeFocused();
	await expect(panel.getByLabel('What your signature means')).toHaveValue('performed');
	await page.keyboard.press('Tab');
	await expect(panel.getByLabel(/Comment/)).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(panel.getByRole('button', { name: 'Sign off' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(panel).toBeHidden();
	await expect(box).toBeFocused();
	await expect(box).toBeChecked();
	const status = page.locator('step-signoff [data-ref="status"]').first();
	await expect(status).not.toHaveText('Not signed off yet.');
	expect(errors).toEqual([]);
});

test('a ticket form is filled and copied with the keyboard alone', async ({ page }) => {
	expect(isBuilt('/tickets/val-request/'), 'the ticket page is built').toBe(true);
	const errors = collectErrors(page);
	await page.goto('/tickets/val-request/', { waitUntil: 'networkidle' });
	const first = page.getByLabel('Site or organisation');
	expect(await tabTo(page, first), 'focus stops with no visible indicator').toEqual([]);
	await page.keyboard.type('Acme Research');
	const copy = page.getByRole('button', { name: 'Copy body' });
	expect(await tabTo(page, copy), 'focus stops with no visible indicator').toEqual([]);
	await page.keyboard.press('Enter');
	const status = page.locator('ticket-form [role="status"]').first();
	await expect(status).not.toBeEmpty();
	await expect(page.locator('.tf-preview')).toContainText('Acme Research');
	expect(errors).toEqual([]);
});

test('the release picker is used with the keyboard alone', async ({ page }) => {
	expect(isBuilt('/releases/'), 'the release picker is built').toBe(true);
	const errors = collectErrors(page);
	await page.goto('/releases/', { waitUntil: 'networkidle' });
	const from = page.locator('release-picker').getByLabel('Current version');
	expect(await tabTo(page, from), 'focus stops with no visible indicator').toEqual([]);
	await page.keyboard.type('22.1');
	await page.keyboard.press('Tab');
	await page.keyboard.type('23.3');
	await page.keyboard.press('Enter');
	await expect(page.locator('release-picker [data-rp="result"]')).toBeVisible();
	await expect(page.locator('release-picker [data-rp="status"]')).not.toBeEmpty();
	expect(errors).toEqual([]);
});

test('search is reached and used with the keyboard alone', async ({ page }) => {
	await page.goto('/glossary/', { waitUntil: 'networkidle' });
	await page.keyboard.press('Control+k');
	const box = page.locator('site-search dialog').getByRole('searchbox');
	await expect(box).toBeFocused();
	await page.keyboard.type('back up production');
	await expect(page.locator('site-search [role="status"]')).not.toBeEmpty();
	// The status speaks while the index loads, before any result is there to move to.
	await expect(page.locator('site-search .search-result-link').first()).toBeVisible();
	await page.keyboard.press('ArrowDown');
	expect((await focusVisible(page)).visible, 'the chosen result shows no focus').toBe(true);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#step-20$/);
});

test('every tool announces its status messages through a live region', async ({ page }) => {
	const regions: Record<string, string[]> = {
		'/tickets/val-request/': ['.tf-status'],
		'/releases/': ['[data-rp="status"]', '[data-rp="copy-status"]'],
		'/search/': ['.search-status'],
		'/plan/': ['[data-ref="problems"]', '[data-ref="download-status"]'],
	};
	for (const [path, selectors] of Object.entries(regions)) {
		if (!isBuilt(path)) continue;
		await page.goto(path);
		for (const selector of selectors) {
			const region = page.locator(selector).first();
			const live = await region.evaluate((el) => el.getAttribute('role') === 'status' || el.getAttribute('role') === 'alert' || el.hasAttribute('aria-live'));
			expect(live, `${path} ${selector} is not a live region`).toBe(true);
		}
	}
	if (isBuilt('/stages/preparation/')) {
		await page.goto('/stages/preparation/');
		for (const notice of await page.locator('[data-ref="storage"]').all()) {
			expect(await notice.getAttribute('role'), 'a storage notice is not announced').toMatch(/^(alert|status)$/);
		}
	}
});

for (const theme of ['light', 'dark'] as const) {
	for (const type of pageTypes().filter((t) => t.tool)) {
		test(`${type.name} (${type.path}) in use meets contrast and axe in the ${theme} theme`, async ({ page }) => {
			expect(isBuilt(type.path), `${type.path} is built`).toBe(true);
			test.setTimeout(60_000);
			await useTheme(page, theme);
			await page.goto(type.path, { waitUntil: 'networkidle' });
			const use = toolUse[type.name];
			if (use) await use(page);
			// Away from the last button clicked, so that its hover colours are not what is judged.
			await page.mouse.move(0, 0);
			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
		});
	}
}
