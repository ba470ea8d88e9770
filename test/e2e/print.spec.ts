import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readProcess } from '../../src/process/loader';
import { collectErrors, useTheme } from './site';

// The sign-off sheets: a stage printed from its page, one role's steps, the whole upgrade.

test.use({ timezoneId: 'Europe/Berlin', locale: 'en-GB' });

/** The process as the site was built from it: the sheets must hold what content/ says. */
const playbook = readProcess(new URL('../..', import.meta.url).pathname);
const numbers = (steps: { number: number }[]) => steps.map((step) => step.number);
const ROLE_STEPS: Record<string, number[]> = {
	'iqvia-engineer': numbers(playbook.stepsFor('iqvia-engineer')),
	customer: numbers(playbook.stepsFor('customer')),
};
const ALL = numbers(playbook.steps);
const VALIDATION = numbers(playbook.stepsOf('validation'));

const plan = {
	site: 'Acme Research, Leeds',
	instances: 'PROD MAIN and PROD TEST',
	currentVersion: '23.2',
	targetVersion: '24.2',
	valTicket: 'FHSD-4411',
	prodTicket: 'FHSD-4520',
	upgradeDate: '2025-06-14',
};
const event = (step: string, at: string, done: boolean, by: string, meaning: string, comment = '') =>
	JSON.stringify({ v: 1, step, done, by, meaning, at, comment, fingerprint: 'signed-text', text: 'The text as signed.' });

/** A plan and a few sign-offs, stored before the page opens. */
async function seed(context: BrowserContext): Promise<void> {
	const helper = await context.newPage();
	await helper.goto('/404/');
	await helper.evaluate(
		([plan, events]) => {
			for (const [field, value] of Object.entries(plan)) localStorage.setItem(`cup:plan:${field}`, JSON.stringify({ v: 1, value }));
			for (const [key, value] of Object.entries(events)) localStorage.setItem(key, value);
		},
		[
			plan,
			{
				'cup:signoff:share-validation-scope:a1': event('share-validation-scope', '2025-03-10T08:00:00.000Z', true, 'Dana Reyes', 'performed', 'VAL-1234'),
				'cup:signoff:share-validation-scope:a2': event('share-validation-scope', '2025-03-11T09:30:00.000Z', true, 'Sam Lee', 'reviewed'),
				'cup:signoff:test-upgraded-environment:b1': event('test-upgraded-environment', '2025-03-12T10:00:00.000Z', true, 'Dana Reyes', 'performed'),
				'cup:signoff:test-upgraded-environment:b2': event('test-upgraded-environment', '2025-03-12T10:05:00.000Z', false, 'Dana Reyes', 'performed', 'by mistake'),
				'cup:signoff:back-up-prod:c1': event('back-up-prod', '2025-06-14T06:00:00.000Z', true, 'Priya Shah', 'performed', 'Backup 4411-A'),
			},
		] as const,
	);
	await helper.close();
}

/** Prints the page to a PDF and returns its text, one string per page, laid out as on paper. */
async function pdfPages(page: Page, name: string, format: 'A4' | 'Letter'): Promise<string[]> {
	const file = test.info().outputPath(`${name}-${format}.pdf`);
	writeFileSync(file, await page.pdf({ format }));
	await test.info().attach(`${name}-${format}.pdf`, { path: file, contentType: 'application/pdf' });
	return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((text) => text.trim());
}

/** The index of the page where each step's row starts: a line that begins with its number, then its role. */
function rowPages(pages: string[], numbers: number[]): Map<number, number> {
	const found = new Map<number, number>();
	for (const n of numbers) {
		const row = new RegExp(`^\\s*${n}\\s{2,}(Customer|IQVIA)\\b`, 'm');
		const index = pages.findIndex((text) => row.test(text));
		if (index >= 0) found.set(n, index);
	}
	return found;
}

/** What every sheet must carry on paper: each step, the plan, the columns, the uncontrolled-copy notice; no controls. */
async function expectSheet(page: Page, name: string, numbers: number[], format: 'A4' | 'Letter') {
	const pages = await pdfPages(page, name, format);
	const text = pages.join('\n');
	const rows = rowPages(pages, numbers);
	expect([...rows.keys()], `${name} (${format}): step rows found in the PDF`).toEqual(numbers);
	for (const heading of ['Step', 'Responsible', 'Activity', 'Done', 'Signed by', 'Date and time', 'Comment']) expect(text).toContain(heading);
	for (const value of [plan.site, plan.valTicket, plan.prodTicket, '14 June 2025']) expect(text).toContain(value);
	expect(text).toMatch(/Uncontrolled copy when printed/);
	expect(text).toMatch(/Printed\s/);
	expect(text).toMatch(/Page 1 of \d/);
	expect(text).not.toMatch(/Include sign-off history|Print checklist|Search/);
	// The table header comes back on every page that holds rows.
	for (const p of new Set(rows.values())) expect(pages[p]).toMatch(/Responsible\s+Activity/);
	return pages;
}

test('"Print checklist" prints the stage as a sign-off sheet, and nothing else of the page', async ({ page, context }) => {
	const errors = collectErrors(page);
	await seed(context);
	await page.addInitScript(() => {
		window.print = () => {
			(window as unknown as { printed: number }).printed = ((window as unknown as { printed?: number }).printed ?? 0) + 1;
		};
	});
	await page.goto('/stages/validation/', { waitUntil: 'networkidle' });
	await page.getByRole('button', { name: 'Print checklist' }).click();
	await expect.poll(() => page.evaluate(() => (window as unknown as { printed?: number }).printed)).toBe(1);
	await page.emulateMedia({ media: 'print' });
	const sheet = page.locator('checklist-bar signoff-sheet');
	await expect(sheet).toBeVisible();
	await expect(page.locator('h1#_top, .sidebar, header.header, .step-activity, .checklist-controls').first()).toBeHidden();
	for (const n of VALIDATION) await expect(sheet.locator(`tr[data-step-number="${n}"]`)).toBeVisible();
	await expect(sheet.locator('thead th')).toHaveText(['Step', 'Responsible', 'Activity', 'Done', 'Signed by (name, meaning)', 'Date and time', 'Comment']);
	await expect(sheet.locator('[data-plan="site"]')).toHaveText(plan.site);
	await expect(sheet.locator('[data-printed]')).toHaveText(/\d{4}, \d\d:\d\d/);

	// Step 8: two standing signatures; step 9: unticked, so blank with lines to write on.
	const eight = sheet.locator('tr[data-step-number="8"]');
	await expect(eight).toHaveAttribute('data-done', '');
	await expect(eight.locator('[data-cell="by"]')).toHaveText('Dana Reyes (performed)Sam Lee (reviewed)');
	await expect(eight.locator('[data-cell="when"]')).toContainText('10 Mar 2025, 09:00 CET');
	await expect(eight.locator('[data-cell="comment"]')).toContainText('VAL-1234');
	await expect(eight.locator('[data-cell="recheck"]')).toHaveText('Text changed: re-check');
	const nine = sheet.locator('tr[data-step-number="9"]');
	await expect(nine).not.toHaveAttribute('data-done');
	await expect(nine.locator('[data-cell="by"] .sheet-line')).toHaveCount(2);
	await expect(nine.locator('[data-cell="state"]')).toHaveText('Not done');

	// No row splits across pages, and the header repeats.
	expect(await eight.evaluate((row) => getComputedStyle(row).breakInside)).toBe('avoid');
	expect(await sheet.locator('thead').first().evaluate((head) => getComputedStyle(head).display)).toBe('table-header-group');
	for (const format of ['A4', 'Letter'] as const) {
		// Printing ends with "afterprint", after which the page prints as its guidance: ask for the sheet each time.
		await page.emulateMedia({ media: 'screen' });
		await page.getByRole('button', { name: 'Print checklist' }).click();
		await expect(page.locator('html')).toHaveAttribute('data-print', 'sheet');
		await page.emulateMedia({ media: 'print' });
		const pages = await expectSheet(page, 'stage-validation', VALIDATION, format);
		expect(pages.join('\n')).not.toMatch(/Build the validation around/);
		// Once printed, the sheet leaves the page.
		await expect(sheet).toHaveCount(0);
		await expect(page.locator('html')).not.toHaveAttribute('data-print');
	}
	await expect(sheet).toBeHidden();
	await expect(page.locator('.step-activity').first()).toBeVisible();
	const guidance = (await pdfPages(page, 'stage-guidance', 'A4')).join('\n');
	expect(guidance).toMatch(/Build the validation around/);
	expect(errors).toEqual([]);
});

for (const [name, path, numbers] of [
	['whole upgrade', '/print/', ALL],
	['IQVIA Engineer', '/print/iqvia-engineer/', ROLE_STEPS['iqvia-engineer']!],
] as const) {
	test(`the ${name} sheet prints every one of its steps with the plan, on A4 and on Letter`, async ({ page, context }) => {
		test.setTimeout(90_000);
		const errors = collectErrors(page);
		await seed(context);
		await page.goto(path, { waitUntil: 'networkidle' });
		await expect(page.locator('tr[data-step-id]')).toHaveCount(numbers.length);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('sheet-tools')).toBeHidden();
		for (const format of ['A4', 'Letter'] as const) {
			const pages = await expectSheet(page, name.replace(/\s/g, '-'), [...numbers], format);
			// A row starts and ends on one page: the last words of its activity are on the page where it starts.
			const rows = rowPages(pages, [...numbers]);
			for (const row of await page.locator('tr[data-step-id]').all()) {
				const n = Number(await row.getAttribute('data-step-number'));
				const activity = (await row.locator('td').nth(1).innerText()).trim().split(/\s+/);
				const last = activity[activity.length - 1]!;
				const start = pages[rows.get(n)!]!;
				const after = start.slice(start.search(new RegExp(`^\\s*${n}\\s{2,}`, 'm')));
				expect(after, `step ${n} ends on the page where it starts (${format})`).toContain(last);
			}
		}
		expect(errors).toEqual([]);
	});
}

test('each role has a sheet of just its steps, linked from the roles page', async ({ page }) => {
	await page.goto('/roles/');
	await page.getByRole('link', { name: "Print this role's sign-off sheet" }).first().click();
	await expect(page).toHaveURL(/\/print\/customer\/$/);
	const numbers = await page.locator('tr[data-step-id]').evaluateAll((rows) => rows.map((row) => Number((row as HTMLElement).dataset.stepNumber)));
	expect(numbers).toEqual(ROLE_STEPS.customer);
	await expect(page.locator('h1')).toHaveText('Customer: 15 steps across the upgrade');
	for (const role of ['iqvia-pm', 'iqvia-support', 'iqvia-solution-specialist']) {
		const response = await page.goto(`/print/${role}/`);
		expect(response?.status()).toBe(200);
		await expect(page.locator('tr[data-step-id]').first()).toBeVisible();
	}
});

test('the whole-upgrade sheet can carry each step\'s history, newest first, kept in the address', async ({ page, context }) => {
	await seed(context);
	await page.goto('/print/', { waitUntil: 'networkidle' });
	const history = page.locator('tr[data-history-for="test-upgraded-environment"]');
	await expect(history).toBeHidden();
	await page.getByLabel('Include sign-off history').check();
	await expect(page).toHaveURL(/\/print\/\?history$/);
	await expect(history).toBeVisible();
	const items = history.locator('li');
	await expect(items).toHaveCount(2);
	await expect(items.nth(0)).toContainText('Unticked by Dana Reyes (performed), 12 Mar 2025, 11:05 CET. Comment: by mistake');
	await expect(items.nth(1)).toContainText('Ticked by Dana Reyes (performed), 12 Mar 2025, 11:00 CET.');
	// Steps never signed get no history row.
	await expect(page.locator('tr[data-history-for="confirm-closure"]')).toBeHidden();

	await page.goto('/print/?history', { waitUntil: 'networkidle' });
	await expect(page.getByLabel('Include sign-off history')).toBeChecked();
	await expect(history).toBeVisible();
	const text = (await pdfPages(page, 'whole-with-history', 'A4')).join('\n');
	expect(text).toContain('Step 9 sign-off history, newest first');
	expect(text).toContain('Unticked by Dana Reyes (performed)');
});

test('with JavaScript off a print page is a blank sheet, ready to fill in by hand', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/print/');
	await expect(page.locator('tr[data-step-id]')).toHaveCount(ALL.length);
	await expect(page.locator('tr[data-step-id][data-done]')).toHaveCount(0);
	for (const field of Object.keys(plan)) await expect(page.locator(`[data-plan="${field}"] .sheet-line`)).toHaveCount(1);
	await expect(page.locator('[data-printed] .sheet-line')).toHaveCount(1);
	await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
	const pages = await pdfPages(page, 'blank-whole', 'A4');
	expect([...rowPages(pages, ALL).keys()]).toEqual(ALL);
	await context.close();
});

for (const theme of ['light', 'dark'] as const) {
	for (const path of ['/print/?history', '/print/customer/']) {
		test(`${path} has no accessibility violation in the ${theme} theme`, async ({ page, context }) => {
			test.setTimeout(90_000);
			await seed(context);
			await useTheme(page, theme);
			await page.goto(path, { waitUntil: 'networkidle' });
			await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
		});
	}
}
