import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { selectRange, summarizeRange, type ReleaseRange } from '../../src/releases/range';
import { readingListText } from '../../src/releases/reading-list';
import { readProcess } from '../../src/process/loader';
import { FLAG_KEYS, releaseSchema, type Release } from '../../src/releases/schema';
import { stripCitations } from '../../src/sources/citations';
import { collectErrors, useTheme } from './site';

// The catalogue as the build reads it: YAML 1.1, validated by the collection's schema.
const directory = join(import.meta.dirname, '../../content/releases');
/** The steps each flag kind points to, as the site was built with them. */
const flagSteps = readProcess(join(import.meta.dirname, '../..')).flagSteps;
const catalogue: Release[] = readdirSync(directory)
	.filter((file) => file.endsWith('.yaml'))
	.map((file) => releaseSchema.parse(parse(readFileSync(join(directory, file), 'utf8'), { schema: 'yaml-1.1' })))
	// Readers see each statement with a numbered marker for its source; the markers are checked on their own.
	.map((release) => ({ ...release, flags: Object.fromEntries(Object.entries(release.flags).map(([k, v]) => [k, v === null ? null : stripCitations(v)])) as Release['flags'] }));

/** The range range.ts computes, which the page must show exactly. */
function expected(from: string, to: string): ReleaseRange {
	const result = selectRange(catalogue, from, to);
	if (!result.ok) throw new Error(`test setup: ${from} → ${to} should be a range`);
	return result;
}

/** Text as a reader sees it, with typographic quotes and dashes made plain, to compare with the YAML. */
const plain = (text: string) =>
	text
		.replace(/[‘’]/g, "'")
		.replace(/[“”]/g, '"')
		.replace(/…/g, '...')
		.replace(/–/g, '--')
		.replace(/—/g, '---')
		.replace(/\s+/g, ' ')
		.trim();

const picker = (page: Page) => page.locator('#release-picker');
/** The versions the shown reading list links to, in order, once a list is shown. */
async function listed(page: Page): Promise<string[]> {
	await expect(picker(page).locator('[data-rp="result"]')).toBeVisible();
	return picker(page)
		.locator('[data-rp="list"] > li a[href^="/releases/"]')
		.evaluateAll((links) => links.map((a) => (a.getAttribute('href') ?? '').split('/')[2] ?? ''));
}
const gapLabels = (page: Page) => picker(page).locator('[data-rp="gap-list"] li strong').allTextContents();

/** Types both versions and asks for the list, the way a keyboard user does. */
async function pick(page: Page, from: string, to: string) {
	const status = picker(page).locator('[data-rp="status"]');
	const before = (await status.textContent()) ?? '';
	await page.locator('#release-picker-from').fill(from);
	await page.locator('#release-picker-to').fill(to);
	await page.locator('#release-picker-to').press('Enter');
	// Every answer is announced, so a changed announcement means this pick has been answered.
	await expect(status).not.toHaveText(before === '' ? /^$/ : before);
}

async function openPicker(page: Page, query = '') {
	await page.goto(`/releases/${query}`);
	// The datalist is filled once the picker's code and the catalogue index have loaded; a busy machine may take a while.
	await expect(picker(page).locator('datalist option')).toHaveCount(catalogue.length, { timeout: 15_000 });
}

test.describe('release picker', () => {
	test('first to last lists every later release, oldest first', async ({ page }) => {
		const errors = collectErrors(page);
		await openPicker(page);
		await pick(page, '1.4.0', '24.2');
		await expect(picker(page).getByRole('heading', { name: 'Reading list: 1.4.0 → 24.2' })).toBeVisible();
		expect(await listed(page)).toEqual(['1.5', '1.5.5', '22.1', '22.2', '22.3', '23.1', '23.3', '24.1', '24.2']);
		expect(await listed(page)).toEqual(expected('1.4.0', '24.2').releases.map((r) => r.version));
		expect(await gapLabels(page)).toEqual(expected('1.4.0', '24.2').gaps.map((g) => g.label));
		await expect(picker(page).locator('[data-rp="summary"]')).toHaveText(summarizeRange(expected('1.4.0', '24.2').releases, flagSteps).sentence);
		await expect(picker(page).locator('[data-rp="summary"]')).toHaveText(/^9 releases; 4 state data-handling changes, see step 18; 1 changes bundled reports/);
		expect(errors).toEqual([]);
	});

	test('the summary links each step it names', async ({ page }) => {
		await openPicker(page);
		await pick(page, '22.3', '24.1');
		const summary = picker(page).locator('[data-rp="summary"]');
		await expect(summary.getByRole('link', { name: 'step 18' })).toHaveAttribute('href', '/stages/day-of-upgrade/#step-18');
		await expect(summary.getByRole('link', { name: 'steps 3' })).toHaveAttribute('href', '/stages/preparation/#step-3');
		await expect(summary.getByRole('link', { name: 'step 15' })).toHaveAttribute('href', '/stages/prep-for-upgrade/#step-15');
	});

	test('adjacent versions list exactly the target and name the version between them', async ({ page }) => {
		await openPicker(page);
		await pick(page, '23.1', '23.3');
		expect(await listed(page)).toEqual(['23.3']);
		expect(await gapLabels(page)).toEqual(['23.2']);
		await expect(picker(page).locator('[data-rp="gaps"]')).toContainText('service desk portal');
		await expect(picker(page).locator('[data-rp="summary"]')).toHaveText(/^1 release; /);
	});

	test('each listed release shows its date, summary, stated flags with their notes, and what is not stated', async ({ page }) => {
		await openPicker(page);
		await pick(page, '22.2', '23.1');
		const items = picker(page).locator('[data-rp="list"] > li');
		await expect(items).toHaveCount(2);
		const first = items.nth(0);
		await expect(first.getByRole('link', { name: 'ClinSpark 22.3: Privacy Remove for GDPR erasure requests' })).toHaveAttribute('href', '/releases/22.3/');
		await expect(first.locator('[data-rp="date"]')).toHaveText('Made available to customers in January 2023; only the month is public.');
		await expect(first).toContainText('It is known for a Privacy Remove action');
		await expect(first.locator('[data-rp="flags"] li').first()).toContainText('Data handling (see step 18): Privacy Remove (CLINSPARK-3199)');
		// No raw address in the list: each statement's source is cited on the release's own page.
		await expect(first.locator('[data-rp="flags"] li').first()).not.toContainText('https://');
		await expect(first.locator('.rp-not-stated')).toHaveText('Not stated: Bundled reports, dashboards or exports; Integrations or API; Security or infrastructure.');
		await expect(picker(page)).not.toContainText(/\bno\b.*flag/i);
	});

	test('a target before the current version gets a clear message and no list', async ({ page }) => {
		await openPicker(page);
		await pick(page, '24.1', '23.1');
		const error = page.locator('#release-picker-to-error');
		await expect(error).toBeVisible();
		await expect(error).toContainText('This process has no downgrades');
		await expect(page.locator('#release-picker-to')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.locator('#release-picker-to')).toHaveAttribute('aria-describedby', /release-picker-to-error/);
		await expect(picker(page).locator('[data-rp="result"]')).toBeHidden();
		await expect(picker(page).locator('[role="status"]').first()).toContainText('No reading list');
	});

	test('the same version twice is refused too', async ({ page }) => {
		await openPicker(page);
		await pick(page, '23.3', '23.3');
		await expect(page.locator('#release-picker-to-error')).toContainText('are the same (23.3)');
		await expect(picker(page).locator('[data-rp="result"]')).toBeHidden();
	});

	test('a badly written version is refused beside its field', async ({ page }) => {
		await openPicker(page);
		await pick(page, 'v23.1', '24.1');
		await expect(page.locator('#release-picker-from-error')).toHaveText(/Leave out the leading "v"/);
		await expect(page.locator('#release-picker-from')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.locator('#release-picker-to')).not.toHaveAttribute('aria-invalid', /.*/);
		await expect(picker(page).locator('[data-rp="result"]')).toBeHidden();
		// Fixing it clears the message.
		await pick(page, '23.1', '24.1');
		await expect(page.locator('#release-picker-from-error')).toBeHidden();
		await expect(page.locator('#release-picker-from')).not.toHaveAttribute('aria-invalid', /.*/);
	});

	for (const [from, to] of [
		['23.2', '24.4'],
		['24.2', '26.1'],
		['22.1.1', '23.2'],
	] as const) {
		test(`typed versions outside the catalogue (${from} → ${to}) are placed, and the gaps named as range.ts finds them`, async ({ page }) => {
			await openPicker(page);
			await pick(page, from, to);
			const range = expected(from, to);
			expect(await listed(page)).toEqual(range.releases.map((r) => r.version));
			expect(await gapLabels(page)).toEqual(range.gaps.map((g) => g.label));
			await expect(picker(page).locator('[data-rp="empty"]')).toBeVisible({ visible: range.releases.length === 0 });
			for (const [field, version] of [['from', from], ['to', to]] as const) {
				if (catalogue.some((r) => r.version === version)) continue;
				await expect(page.locator(`#release-picker-${field}-place`)).toContainText(`${version} is not in the catalogue`);
			}
		});
	}

	test('places a typed version between its catalogue neighbours', async ({ page }) => {
		await openPicker(page);
		await pick(page, '23.2', '24.4');
		await expect(page.locator('#release-picker-from-place')).toHaveText('23.2 is not in the catalogue; it falls between 23.1 and 23.3.');
		await expect(page.locator('#release-picker-to-place')).toHaveText('24.4 is not in the catalogue; it comes after 24.2, the newest release the catalogue holds.');
		expect(await listed(page)).toEqual(['23.3', '24.1', '24.2']);
		expect(await gapLabels(page)).toEqual(['23.4 and later 23.x', '24.3', '24.4 (the target itself)']);
	});

	test('an empty range says so rather than showing an empty list', async ({ page }) => {
		await openPicker(page);
		await pick(page, '24.2', '26.1');
		await expect(picker(page).locator('[data-rp="empty"]')).toHaveText('The catalogue has no release after 24.2 up to 26.1.');
		expect(await listed(page)).toEqual([]);
		expect(await gapLabels(page)).toEqual(['24.3 and later 24.x', '25.x', '26.1 (the target itself)']);
	});
});

test.describe('copying the reading list', () => {
	test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

	test('puts exactly the reading list text on the clipboard', async ({ page, baseURL }) => {
		await openPicker(page);
		await pick(page, '22.3', '24.1');
		await picker(page).getByRole('button', { name: 'Copy reading list' }).click();
		await expect(picker(page).locator('[data-rp="copy-status"]')).toContainText('Copied');
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		expect(copied).toBe(readingListText(expected('22.3', '24.1'), flagSteps, `${baseURL}/releases/`));
		expect(copied).toContain(`Playbook: ${baseURL}/releases/?from=22.3&to=24.1`);
	});

	test('copies a range with a typed version and its gaps', async ({ page, baseURL }) => {
		await openPicker(page);
		await pick(page, '23.2', '24.4');
		await picker(page).getByRole('button', { name: 'Copy reading list' }).click();
		await expect(picker(page).locator('[data-rp="copy-status"]')).toContainText('Copied');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(readingListText(expected('23.2', '24.4'), flagSteps, `${baseURL}/releases/`));
	});
});

test('when the clipboard is refused, the text is selected for Ctrl+C', async ({ page, baseURL }) => {
	await page.addInitScript(() => {
		Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) } });
	});
	await openPicker(page);
	await pick(page, '23.1', '23.3');
	await picker(page).getByRole('button', { name: 'Copy reading list' }).click();
	await expect(picker(page).locator('[data-rp="copy-status"]')).toContainText('press Ctrl+C');
	const box = page.getByLabel('Reading list as plain text');
	await expect(box).toBeVisible();
	await expect(box).toBeFocused();
	await expect(box).toHaveValue(readingListText(expected('23.1', '23.3'), flagSteps, `${baseURL}/releases/`));
	const selected = await box.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
	expect(selected).toBe(readingListText(expected('23.1', '23.3'), flagSteps, `${baseURL}/releases/`));
});

test.describe('the range in the address', () => {
	test('a shared link restores the range', async ({ page }) => {
		await openPicker(page, '?from=22.3&to=24.1');
		await expect(page.locator('#release-picker-from')).toHaveValue('22.3');
		await expect(page.locator('#release-picker-to')).toHaveValue('24.1');
		expect(await listed(page)).toEqual(['23.1', '23.3', '24.1']);
		expect(await gapLabels(page)).toEqual(expected('22.3', '24.1').gaps.map((g) => g.label));
	});

	test('picking a range writes it to the address, keeping the path', async ({ page }) => {
		await openPicker(page);
		await pick(page, '23.1', '24.2');
		await expect(page).toHaveURL(/\/releases\/\?from=23\.1&to=24\.2$/);
		await page.reload();
		await expect(picker(page).getByRole('heading', { name: 'Reading list: 23.1 → 24.2' })).toBeVisible();
		expect(await listed(page)).toEqual(['23.3', '24.1', '24.2']);
	});

	for (const [query, field, text] of [
		['?from=v22.3&to=24.1', 'from', '"from" parameter in the address, "v22.3"'],
		['?from=22.3&to=24.x', 'to', '"to" parameter in the address, "24.x"'],
	] as const) {
		test(`a link with a bad version says so (${query})`, async ({ page }) => {
			await openPicker(page, query);
			const notice = picker(page).locator('[data-rp="notice"]');
			await expect(notice).toBeVisible();
			await expect(notice).toContainText('The link you opened names a version that is not valid');
			await expect(notice).toContainText(text);
			await expect(page.locator(`#release-picker-${field}-error`)).toBeVisible();
			await expect(picker(page).locator('[data-rp="result"]')).toBeHidden();
		});
	}
});

test.describe('the upgrade plan', () => {
	const stored = (page: Page, key: string) =>
		page.evaluate((k) => {
			const raw = localStorage.getItem(k);
			return raw === null ? null : (JSON.parse(raw) as { value?: string }).value;
		}, key);

	test('picking a range saves both versions in the plan', async ({ page }) => {
		await openPicker(page);
		await pick(page, '22.3', '24.1');
		await expect.poll(() => stored(page, 'cup:plan:currentVersion')).toBe('22.3');
		await expect.poll(() => stored(page, 'cup:plan:targetVersion')).toBe('24.1');
	});

	test('the plan prefills the picker when the address has no range', async ({ page }) => {
		await page.addInitScript(() => {
			localStorage.setItem('cup:plan:currentVersion', JSON.stringify({ v: 1, value: '23.1' }));
			localStorage.setItem('cup:plan:targetVersion', JSON.stringify({ v: 1, value: '24.1' }));
		});
		await openPicker(page);
		await expect(page.locator('#release-picker-from')).toHaveValue('23.1');
		await expect(page.locator('#release-picker-to')).toHaveValue('24.1');
		expect(await listed(page)).toEqual(['23.3', '24.1']);
	});

	test('a shared link wins over the plan and does not overwrite it until a range is picked', async ({ page }) => {
		await page.addInitScript(() => {
			if (sessionStorage.getItem('seeded')) return;
			sessionStorage.setItem('seeded', '1');
			localStorage.setItem('cup:plan:currentVersion', JSON.stringify({ v: 1, value: '23.1' }));
			localStorage.setItem('cup:plan:targetVersion', JSON.stringify({ v: 1, value: '24.1' }));
		});
		await openPicker(page, '?from=1.5&to=22.2');
		expect(await listed(page)).toEqual(['1.5.5', '22.1', '22.2']);
		expect(await stored(page, 'cup:plan:currentVersion')).toBe('23.1');
		await page.locator('#release-picker-to').press('Enter');
		await expect.poll(() => stored(page, 'cup:plan:currentVersion')).toBe('1.5');
		await expect.poll(() => stored(page, 'cup:plan:targetVersion')).toBe('22.2');
	});
});

test('the picker works with the keyboard alone', async ({ page }) => {
	await openPicker(page);
	await page.locator('#release-picker-from').focus();
	await page.keyboard.type('23.1');
	await page.keyboard.press('Tab');
	await expect(page.locator('#release-picker-to')).toBeFocused();
	await page.keyboard.type('24.1');
	await page.keyboard.press('Tab');
	await expect(picker(page).getByRole('button', { name: 'Show reading list' })).toBeFocused();
	await page.keyboard.press('Enter');
	expect(await listed(page)).toEqual(['23.3', '24.1']);
	// The list's links and the copy button are reachable by Tab too.
	await picker(page).getByRole('button', { name: 'Copy reading list' }).focus();
	await page.keyboard.press('Tab');
	await expect(page.locator(':focus')).toHaveAttribute('href', /\/glossary\/#technical-file|\/releases\/23\.3\//);
});

test('without JavaScript the picker page lists every release, linked, and says the picker needs JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/releases/');
	// Chromium with scripting switched off by the test still parses <noscript> as text, so its words are checked, not its layout.
	expect(await page.locator('#release-picker noscript').textContent()).toContain('The picker needs JavaScript');
	await expect(page.locator('#release-picker form')).toBeHidden();
	const links = page.locator('.rp-all a');
	await expect(links).toHaveCount(catalogue.length);
	expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
		expected('1.0', '24.2').releases.map((r) => `/releases/${r.version}/`),
	);
	await context.close();
});

test('step 1 links to the release picker, and names the range of the plan once it has one', async ({ page }) => {
	const errors = collectErrors(page);
	await page.goto('/stages/preparation/');
	const step = page.locator('#step-1').locator('xpath=ancestor::section[1]');
	// The stage page carries a link, not the picker, and loads neither its code nor the catalogue.
	await expect(page.locator('release-picker')).toHaveCount(0);
	const line = step.locator('plan-range-line');
	await expect(line).toContainText('The release picker lists every release note');
	const link = step.getByRole('link', { name: 'Pick your release range and read every release note in it' });
	await expect(link).toHaveAttribute('href', '/releases/');
	// A range shown in the picker is saved in the plan; step 1 then says it, with the releases it spans.
	await link.click();
	await pick(page, '22.1', '23.3');
	await expect.poll(() => page.evaluate(() => localStorage.getItem('cup:plan:targetVersion'))).toContain('23.3');
	await page.goto('/stages/preparation/');
	const count = expected('22.1', '23.3').releases.length;
	await expect(line.locator('[data-ref="range"]')).toHaveText(`Your plan: 22.1 → 23.3, ${count} releases in the catalogue.`);
	await expect(line.locator('[data-ref="range"]')).toBeVisible();
	await expect(line.locator('[data-ref="about"]')).toBeHidden();
	// Back on the picker, the plan's range is the one shown.
	await link.click();
	await expect(picker(page).getByRole('heading', { name: 'Reading list: 22.1 → 23.3' })).toBeVisible();
	expect(errors).toEqual([]);
});

test('without JavaScript, step 1 links to the picker and says what it does', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/stages/preparation/');
	const step = page.locator('#step-1').locator('xpath=ancestor::section[1]');
	await expect(step.locator('plan-range-line')).toContainText('The release picker lists every release note');
	await expect(step.getByRole('link', { name: 'Pick your release range and read every release note in it' })).toHaveAttribute('href', '/releases/');
	await context.close();
});

test('a range typed and sent before the picker code has arrived is still answered', async ({ page }) => {
	// The picker's code is held back, so Enter surely comes before it has arrived.
	await page.route(/\/_astro\/picker\.[\w-]+\.js$/, async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 1500));
		await route.continue();
	});
	await page.goto('/releases/');
	const form = picker(page);
	await form.getByLabel('Current version').focus();
	await page.keyboard.type('22.3');
	await page.keyboard.press('Tab');
	await page.keyboard.type('24.1');
	await page.keyboard.press('Enter');
	await expect(form.getByRole('heading', { name: 'Reading list: 22.3 → 24.1' })).toBeVisible();
	expect(await form.locator('[data-rp="list"] > li a[href^="/releases/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
		'/releases/23.1/',
		'/releases/23.3/',
		'/releases/24.1/',
	]);
});

test.describe('when a download fails', () => {
	test('a catalogue index that cannot be loaded is reported, and the list of all releases remains', async ({ page }) => {
		await page.route(/\/releases\/index\.json/, (route) => route.abort());
		await page.goto('/releases/');
		await expect(picker(page).locator('[data-rp="notice"]')).toContainText('The release catalogue could not be loaded');
		await expect(picker(page).locator('form')).toBeHidden();
		await expect(page.locator('.rp-all a')).toHaveCount(catalogue.length);
	});

	test("the picker's code that cannot be loaded is reported", async ({ page }) => {
		await page.route(/\/_astro\/picker\.[\w-]+\.js$/, (route) => route.abort());
		await page.goto('/releases/');
		await expect(picker(page).locator('[data-rp="notice"]')).toContainText('The release picker could not be loaded');
	});
});

test.describe('release pages', () => {
	for (const release of catalogue) {
		test(`/releases/${release.version}/ shows each flag as stated with its note, or "Not stated"`, async ({ page }) => {
			const errors = collectErrors(page);
			await page.goto(`/releases/${release.version}/`);
			await expect(page.locator('h1')).toContainText(`ClinSpark ${release.version}`);
			for (const key of FLAG_KEYS) {
				const flag = page.locator(`.release-flag[data-flag="${key}"] dd`);
				const note = release.flags[key];
				if (note === null) await expect(flag).toHaveText('Not stated');
				else expect(plain((await flag.innerText()).replace(/\[\d+\]/g, ''))).toBe(plain(`Stated: ${note}`));
			}
			await expect(page.locator('.release-facts')).toContainText(release.date ?? '—');
			await expect(page.getByRole('link', { name: `Pick a reading list that ends at ${release.version}` })).toHaveAttribute('href', `/releases/?to=${release.version}`);
			await expect(page.getByRole('link', { name: `Public source page for ${release.version}` })).toHaveAttribute('href', release.source_url);
			expect(errors).toEqual([]);
		});
	}

	test('a release page links to its neighbours and is not in the sidebar', async ({ page }) => {
		await page.goto('/releases/23.3/');
		await expect(page.locator('.pagination-links a[rel="prev"]')).toHaveAttribute('href', '/releases/23.1/');
		await expect(page.locator('.pagination-links a[rel="next"]')).toHaveAttribute('href', '/releases/24.1/');
		await expect(page.locator('nav[aria-label="Main"] a[href^="/releases/2"]')).toHaveCount(0);
		await expect(page.locator('.release-notes code')).toHaveText('YYYYMMDDTHHMMSSZ');
	});
});

test.describe('accessibility', () => {
	for (const theme of ['light', 'dark'] as const) {
		test(`the picker page with a range shown has no axe violation (${theme})`, async ({ page }) => {
			await useTheme(page, theme);
			await openPicker(page);
			await pick(page, '23.2', '24.4');
			await pick(page, '24.1', '23.1');
			await pick(page, '22.3', '24.1');
			await expect(picker(page).locator('[data-rp="gaps"]')).toBeVisible();
			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
		});

		test(`the picker page with errors shown has no axe violation (${theme})`, async ({ page }) => {
			await useTheme(page, theme);
			await openPicker(page, '?from=v22.3&to=23.x');
			await expect(picker(page).locator('[data-rp="notice"]')).toBeVisible();
			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
		});

		test(`a release page has no axe violation (${theme})`, async ({ page }) => {
			await useTheme(page, theme);
			await page.goto('/releases/23.3/');
			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
		});
	}
});
