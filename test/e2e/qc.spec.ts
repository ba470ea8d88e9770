import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { collectErrors, useTheme } from './site';

const PATH = '/qc/';
const md5 = (text: string, encoding: 'hex' | 'base64') => createHash('md5').update(text).digest(encoding);
const v1 = (value: string) => JSON.stringify({ v: 1, value });
const fixtures = join(import.meta.dirname, '../fixtures/qc');

/** A tab-separated listing as copied from a spreadsheet: name, view and data checksum of each component. */
function listing(encoding: 'hex' | 'base64', rows: [string, string, string][]): string {
	return ['Name\tView hash\tData hash', ...rows.map(([name, view, data]) => [name, md5(view, encoding), md5(data, encoding)].join('\t'))].join('\n');
}

// Before 23.3 (Base64) and after it (hex): three equal, one with a changed data template, one removed, one added.
const BEFORE = listing('base64', [
	['Lab results', 'lab/view', 'lab/data'],
	['Volunteer overview', 'vol/view', 'vol/data'],
	['Dosing by cohort', 'dose/view', 'dose/data'],
	['Screening export', 'scr/view', 'scr/data'],
	['Old dashboard', 'old/view', 'old/data'],
]);
const AFTER = listing('hex', [
	['Lab results', 'lab/view', 'lab/data'],
	['Volunteer overview', 'vol/view', 'vol/data'],
	['Dosing by cohort', 'dose/view', 'dose/data'],
	['Screening export', 'scr/view', 'scr/data v2'],
	['New dashboard', 'new/view', 'new/data'],
]);

/** The playbook's keys in the page's localStorage, with their text. */
const stored = (page: Page) =>
	page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((key) => key.startsWith('cup:')).sort().map((key) => [key, localStorage.getItem(key)!])));

/** Opens the page on a browser whose plan holds the given versions. */
async function open(page: Page, current = '23.1', target = '24.2') {
	await page.goto(PATH);
	await page.evaluate(
		([c, t]) => {
			localStorage.clear();
			localStorage.setItem('cup:plan:currentVersion', c!);
			localStorage.setItem('cup:plan:targetVersion', t!);
			localStorage.setItem('cup:plan:instances', JSON.stringify({ v: 1, value: 'PROD MAIN' }));
		},
		[v1(current), v1(target)],
	);
	await page.reload({ waitUntil: 'networkidle' });
	await expect(page.getByRole('button', { name: 'Compare' })).toBeVisible();
}

async function compareAcross(page: Page) {
	await page.getByLabel('Before: paste the listing').fill(BEFORE);
	await page.getByLabel('After: paste the listing').fill(AFTER);
	await page.getByRole('button', { name: 'Compare' }).click();
	await expect(page.locator('[data-qc="summary"]')).not.toBeEmpty();
}

test('a pair pasted across 23.3 gives exact counts, equal after re-encoding and to check, and keeps no listing', async ({ page }) => {
	const errors = collectErrors(page);
	await open(page);
	// The plan crosses 23.3, so that comparison is chosen, with the plan's versions and instances.
	await expect(page.getByLabel(/Before vs after across 23.3/)).toBeChecked();
	await expect(page.locator('#qc-before-version')).toHaveValue('23.1');
	await expect(page.locator('#qc-after-version')).toHaveValue('24.2');
	await expect(page.locator('#qc-after-instance')).toHaveValue('PROD MAIN');
	await compareAcross(page);

	await expect(page.locator('[data-qc="summary"]')).toHaveText('0 unchanged, 0 changed, 1 added, 1 removed, 3 equal after re-encoding, 1 to check.');
	await expect(page.locator('[data-qc="caveat"]')).toBeVisible();
	// Differences first: to check, then added and removed; equal components only when asked for.
	const items = page.locator('.qc-item');
	await expect(items.locator('h3')).toHaveText(['Screening export', 'New dashboard', 'Old dashboard']);
	await expect(items.first()).toContainText('data: to check');
	await expect(items.first()).toContainText(md5('scr/data', 'base64'));
	await expect(items.first()).toContainText(md5('scr/data v2', 'hex'));
	await page.getByLabel('Show').selectOption('reencoded');
	await expect(items.locator('h3')).toHaveText(['Dosing by cohort', 'Lab results', 'Volunteer overview']);
	await page.getByLabel('Component name contains').fill('lab');
	await expect(items.locator('h3')).toHaveText(['Lab results']);

	// Kept: the result, not what was pasted (equal components keep no checksum).
	const kept = await stored(page);
	expect(Object.keys(kept)).toContain('cup:qc:result');
	expect(kept['cup:qc:result']).toContain(md5('scr/data v2', 'hex'));
	expect(kept['cup:qc:result']).not.toContain(md5('lab/view', 'hex'));
	expect(JSON.stringify(kept)).not.toContain(md5('lab/view', 'base64'));

	// After a reload the result is still there, read back from storage.
	await page.reload({ waitUntil: 'networkidle' });
	await expect(page.locator('[data-qc="summary"]')).toHaveText('0 unchanged, 0 changed, 1 added, 1 removed, 3 equal after re-encoding, 1 to check.');
	expect(errors).toEqual([]);
});

test('the same pair as VAL vs PROD calls the difference a change and warns about the encodings', async ({ page }) => {
	await open(page, '23.3', '24.2');
	await expect(page.getByLabel(/VAL vs PROD after the upgrade/)).toBeChecked();
	await compareAcross(page);
	await expect(page.locator('[data-qc="summary"]')).toHaveText('0 unchanged, 1 changed, 1 added, 1 removed, 3 equal after re-encoding.');
	await expect(page.locator('[data-qc="warning"]')).toContainText('Before vs after across 23.3');
	await expect(page.locator('[data-qc="caveat"]')).toBeHidden();
});

test('CSV files load, bad lines are listed with their numbers, a difference is marked, and the mark survives a reload', async ({ page }) => {
	const errors = collectErrors(page);
	await open(page, '23.3', '24.2');
	const before = await readFile(join(fixtures, 'semicolon-bom.csv'));
	const after = Buffer.from(
		`\uFEFFName;Type;Report Hashes\r\nRésultats labo;Report;${md5('Résultats labo/view', 'hex')} ${md5('Résultats labo/data', 'hex')} ${md5('Résultats labo/script', 'hex')}\r\nVolunteer overview;Dashboard;${md5('Volunteer overview/view', 'hex')} ${md5('Volunteer overview/data', 'hex')} ${md5('changed script', 'hex')}\r\nBroken;Report;${md5('x', 'hex').slice(0, 30)}\r\n`,
	);
	await page.getByLabel(/Before.*choose a file|or choose a file/).first().setInputFiles({ name: 'val.csv', mimeType: 'text/csv', buffer: before });
	await page.locator('#qc-after-file').setInputFiles({ name: 'prod.csv', mimeType: 'text/csv', buffer: after });
	await expect(page.locator('[data-qc="after-file-status"]')).toContainText('prod.csv');
	await page.getByRole('button', { name: 'Compare' }).click();
	await expect(page.locator('[data-qc="summary"]')).toHaveText('1 unchanged, 1 changed, 0 added, 0 removed.');
	await expect(page.locator('[data-qc="unreadable"]')).toContainText('1 line(s) of the "after" listing could not be read');
	await expect(page.locator('[data-qc="unreadable"]')).toContainText('Line 4:');

	const item = page.locator('.qc-item', { hasText: 'Volunteer overview' });
	await expect(item).toContainText('data script: changed');
	await item.getByLabel('Mark', { exact: true }).selectOption('expected');
	await item.getByLabel('Comment', { exact: true }).fill('Script re-saved in PROD, whitespace only');
	await item.getByRole('button', { name: /Save the mark/ }).click();
	await expect(item.locator('[data-mark-for]')).toContainText('Marked expected: Script re-saved in PROD, whitespace only');
	const marks = Object.keys(await stored(page)).filter((key) => key.startsWith('cup:qcmark:'));
	expect(marks).toHaveLength(1);

	// A second judgement follows the first; both stay.
	await item.getByLabel('Mark', { exact: true }).selectOption('investigate');
	await item.getByRole('button', { name: /Save the mark/ }).click();
	await expect(item.locator('[data-mark-for]')).toContainText('Marked to investigate');
	expect(Object.keys(await stored(page)).filter((key) => key.startsWith('cup:qcmark:'))).toHaveLength(2);

	await page.reload({ waitUntil: 'networkidle' });
	await expect(page.locator('.qc-item', { hasText: 'Volunteer overview' }).locator('[data-mark-for]')).toContainText('Marked to investigate');
	await page.getByLabel('Show').selectOption('unmarked');
	await expect(page.locator('.qc-item')).toHaveCount(0);
	expect(errors).toEqual([]);
});

test('the record prints as a sheet with the comparison, the marks and lines to sign, and nothing else of the page', async ({ page }) => {
	await page.addInitScript(() => {
		window.print = () => {
			(window as unknown as { printed: number }).printed = ((window as unknown as { printed?: number }).printed ?? 0) + 1;
		};
	});
	await open(page);
	await compareAcross(page);
	const item = page.locator('.qc-item', { hasText: 'Screening export' });
	await item.getByLabel('Mark', { exact: true }).selectOption('expected');
	await item.getByLabel('Comment', { exact: true }).fill('Bundled update of the export');
	await item.getByRole('button', { name: /Save the mark/ }).click();
	await expect(item.locator('[data-mark-for]')).toContainText('Marked expected');

	await page.getByRole('button', { name: 'Print the record' }).click();
	await expect.poll(() => page.evaluate(() => (window as unknown as { printed?: number }).printed)).toBe(1);
	await page.emulateMedia({ media: 'print' });
	const sheet = page.locator('.qc-sheet');
	await expect(sheet).toBeVisible();
	await expect(page.locator('h1#_top, .sidebar, header.header, [data-qc="form"]').first()).toBeHidden();
	await expect(sheet.locator('[data-sheet="before"]')).toHaveText('PROD MAIN, 23.1');
	await expect(sheet.locator('[data-sheet="after"]')).toHaveText('PROD MAIN, 24.2');
	await expect(sheet.locator('[data-sheet="mode"]')).toHaveText('Before vs after across 23.3');
	await expect(sheet.locator('[data-sheet="compared"]')).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d \(UTC[+-]\d\d:\d\d\) · \d\d:\d\d UTC$/);
	await expect(sheet.locator('[data-sheet="summary"]')).toContainText('0 unchanged, 0 changed, 1 added, 1 removed, 3 equal after re-encoding, 1 to check.');
	const rows = sheet.locator('tbody tr');
	await expect(rows).toHaveCount(6);
	await expect(rows.nth(0)).toContainText('Screening export');
	await expect(rows.nth(0)).toContainText('expected: Bundled update of the export');
	await expect(rows.nth(1)).toContainText('to check');
	await expect(sheet.locator('.qc-sheet-sign')).toContainText('Reviewer (name)SignatureDate');
});

test('the CSV download holds every component part with its outcome and mark', async ({ page }) => {
	await open(page);
	await compareAcross(page);
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download CSV' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^configuration-qc-prod-main-\d{4}-\d\d-\d\d\.csv$/);
	const lines = (await readFile((await file.path())!, 'utf8')).split('\r\n');
	expect(lines[0]).toBe('\uFEFFConfiguration QC,Before vs after across 23.3');
	expect(lines).toContain(`Screening export,data,to check,${md5('scr/data', 'base64')},${md5('scr/data v2', 'hex')},${md5('scr/data', 'hex')},${md5('scr/data v2', 'hex')},5,5,,,`);
	expect(lines.filter((line) => line.startsWith('Lab results,'))).toEqual(['Lab results,view,equal after re-encoding,,,,,2,2,,,', 'Lab results,data,equal after re-encoding,,,,,2,2,,,']);
	await expect(page.locator('[data-qc="action-status"]')).toContainText('Downloaded configuration-qc-prod-main-');
});

test('a file of garbage gets a clear message and changes nothing stored', async ({ page }) => {
	await open(page);
	await compareAcross(page);
	const before = await stored(page);
	const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
	await page.locator('#qc-after-file').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: garbage });
	await page.getByRole('button', { name: 'Compare' }).click();
	const alert = page.locator('[data-qc="alert"]');
	await expect(alert).toContainText('No component with a checksum was found in the "after" listing (the file photo.jpg)');
	await expect(alert).toContainText('Nothing was compared, and the stored result is unchanged.');
	expect(await stored(page)).toEqual(before);
	await expect(page.locator('[data-qc="summary"]')).toHaveText('0 unchanged, 0 changed, 1 added, 1 removed, 3 equal after re-encoding, 1 to check.');
});

test('steps 21 to 28 and the Validation stage link to the tool', async ({ page }) => {
	await page.goto('/stages/day-of-upgrade/');
	for (const n of [21, 22, 23, 24, 25, 26, 27, 28]) {
		const section = page.locator(`#step-${n}`).locator('xpath=ancestor::section[1]');
		await expect(section.locator('a[href="/qc/"]')).toHaveCount(1);
	}
	await page.goto('/stages/validation/');
	await expect(page.locator('main a[href="/qc/"]').first()).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
	test(`the page with a result and a mark has no accessibility violation (${theme})`, async ({ page }) => {
		await useTheme(page, theme);
		await open(page);
		await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
		await compareAcross(page);
		const item = page.locator('.qc-item').first();
		await item.getByLabel('Mark', { exact: true }).selectOption('investigate');
		await item.getByRole('button', { name: /Save the mark/ }).click();
		await expect(item.locator('[data-mark-for]')).toContainText('Marked to investigate');
		await page.mouse.move(0, 0);
		const results = await new AxeBuilder({ page }).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
	});
}
