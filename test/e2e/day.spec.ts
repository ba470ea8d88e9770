import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readProcess } from '../../src/process/loader';
import { collectErrors, openWithStorage, useTheme } from './site';

// The run sheet of the Day of Upgrade, walked both ways, and what it records seen from the stage checklist,
// the copied status, the printed log and the upgrade record.

test.use({ timezoneId: 'Europe/Berlin', locale: 'en-GB' });

const playbook = readProcess(new URL('../..', import.meta.url).pathname);
const DAY = playbook.stepsOf('day-of-upgrade');
const sideOf = (roles: string[]) => playbook.roles.find((role) => role.id === roles[0])!.side;
const DECISION = DAY.find((step) => step.id === 'decide-go-no-go')!.number;
const AFTER = DAY.filter((step) => step.number > DECISION).map((step) => step.number);
const PLACES = DAY.map((step) => step.number);

const current = (page: Page) => page.locator('[data-ref="current"]');
const stepItem = (page: Page, number: number) => page.locator(`#day-step-${number}`);

/** Opens the run sheet on an empty record with a signer of the customer's side. */
async function openAsCustomer(page: Page, seed: Record<string, string> = {}) {
	await openWithStorage(page, '/day/', { 'cup:signer': JSON.stringify({ v: 2, name: 'Dana Reyes', role: 'customer' }), ...seed });
	await expect(current(page)).toBeVisible();
}

/** Stored events of steps before the decision, as the run sheet writes them: the customer's performed, IQVIA's reported. */
function walkedTo(decision: number): Record<string, string> {
	let seq = 0;
	const entries: Record<string, string> = {};
	for (const step of DAY.filter((s) => s.number < decision)) {
		seq += 1;
		// An hour apart, the last one 20 minutes ago, so the clocks read as on a real day.
		const at = new Date(Date.now() - 20 * 60_000 - (decision - step.number - 1) * 3600_000).toISOString();
		const base = { kind: 'signed', step: step.id, by: 'Dana Reyes', role: 'customer', at, seq, comment: '', fingerprint: 'x', text: 'x' };
		const iqvia = sideOf(step.roles) === 'iqvia';
		entries[`cup:signoff:${step.id}:e${seq}`] = JSON.stringify(iqvia ? { v: 3, ...base, reported: { by: 'iqvia', at } } : { v: 2, ...base, meaning: 'performed' });
	}
	return entries;
}

/** Records the current step done: the customer's as performed, IQVIA's as reported in the ticket at a given local time. */
async function finishCurrent(page: Page, number: number) {
	const step = DAY.find((s) => s.number === number)!;
	await expect(current(page).locator('[data-ref="number"]')).toHaveText(`Step ${number}`);
	if (sideOf(step.roles) === 'iqvia') {
		await page.getByLabel('Reported in the ticket at').fill('2025-06-14T09:40');
		await page.getByRole('button', { name: 'Done, as IQVIA reported it' }).click();
	} else {
		await page.getByRole('button', { name: 'Start', exact: true }).click();
		await expect(stepItem(page, number).locator('[data-ref="status"]')).toHaveText('running');
		await expect(page.getByLabel('Sign as')).toHaveValue('performed');
		await page.getByRole('button', { name: 'Done', exact: true }).click();
	}
	await expect(stepItem(page, number).locator('[data-ref="status"]')).toContainText('done');
}

test('without JavaScript the page lists every step of the day as guidance', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/day/');
	for (const step of DAY) {
		await expect(stepItem(page, step.number)).toContainText(`Step ${step.number}`);
		await expect(stepItem(page, step.number)).toContainText(step.activity);
	}
	await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeHidden();
	await expect(stepItem(page, PLACES[0]!).locator('[data-ref="status"]')).toBeHidden();
	await expect(page.getByText('Without JavaScript this page lists the steps')).toBeVisible();
	await context.close();
});

test('the page draws the first step as current before its script runs, as the script shows it with nothing recorded', async ({ page }) => {
	const shape = async () => ({
		current: (await current(page).textContent())!.replace(/\s+/g, ' '),
		clocks: (await page.locator('.day-clocks').textContent())!.replace(/\s+/g, ' '),
		status: await stepItem(page, PLACES[0]!).locator('[data-ref="status"]').textContent(),
	});
	await page.route(/\/_astro\/page\.[\w-]+\.js$/, (route) => route.abort());
	await page.goto('/day/');
	const drawn = await shape();
	await page.unroute(/\/_astro\/page\.[\w-]+\.js$/);
	await page.goto('/day/');
	await expect(page.locator('run-sheet:defined')).toHaveCount(1);
	expect(await shape()).toEqual(drawn);
	expect(drawn.current).toContain(`Step ${PLACES[0]}`);
	expect(drawn.current).toContain(DAY[0]!.title);
	expect(drawn.status).toBe('next');
});

test('Go: the day walked from step 17 to the last step, IQVIA steps recorded as reported, and the stage checklist shows the same events', async ({ page }) => {
	const errors = collectErrors(page);
	await openAsCustomer(page);
	await stepItem(page, 23).getByLabel('Planned').fill('4 h');
	await stepItem(page, 23).getByLabel('Planned').press('Tab');
	await expect(stepItem(page, 23).getByText(/The plan estimates "3-5 hours\?"/)).toBeVisible();

	for (const number of PLACES.filter((n) => n < DECISION)) await finishCurrent(page, number);
	await expect(page.locator('[data-ref="since-stop"]')).not.toHaveText('not yet');

	// The decision: nothing is chosen for the signer, and a reason is asked.
	await expect(current(page).locator('[data-ref="number"]')).toHaveText(`Step ${DECISION}`);
	await expect(page.getByRole('radio', { name: /^Go/ })).not.toBeChecked();
	await expect(page.getByRole('radio', { name: /^No-Go/ })).not.toBeChecked();
	await page.getByRole('button', { name: 'Record the decision' }).click();
	await expect(page.locator('[data-ref="error"]')).toHaveText('Choose Go or No-Go.');
	// By keyboard: focus the Go radio and choose it with the space bar.
	await page.getByRole('radio', { name: /^Go/ }).focus();
	await page.keyboard.press('Space');
	await page.getByLabel('Why').fill('Final checks and QC of configuration items as expected');
	await page.getByRole('button', { name: 'Record the decision' }).click();
	await expect(current(page).locator('[data-ref="number"]')).toHaveText(`Step ${DECISION + 1}`);

	for (const number of AFTER) await finishCurrent(page, number);
	await expect(current(page).locator('[data-ref="title"]')).toHaveText('Every step of the day is closed');
	await expect(page.locator('[data-ref="end-label"]')).toHaveText('Ended');

	// The stage checklist reads the same log: IQVIA's step reported, never performed by the customer; the decision.
	await page.goto('/stages/day-of-upgrade/');
	const step22 = page.locator('section.step[data-step-number="22"]');
	await expect(step22.getByText(/reported by IQVIA in the ticket at 2025-06-14 09:40 \(UTC\+02:00\) · 07:40 UTC, recorded by Dana Reyes, Customer/).first()).toBeVisible();
	await expect(step22.getByText(/Dana Reyes, Customer \(performed\)/)).toHaveCount(0);
	const step24 = page.locator(`section.step[data-step-number="${DECISION}"]`);
	await step24.locator('summary', { hasText: 'Details' }).click();
	await expect(step24.getByText('Decided: Go')).toBeVisible();
	for (const number of PLACES) await expect(page.locator(`section.step[data-step-number="${number}"] input[type="checkbox"]`).first()).toBeChecked();
	expect(errors).toEqual([]);
});

test("IQVIA's copy of the sheet records the customer's steps as reported and its own as performed", async ({ page }) => {
	await openAsCustomer(page);
	await page.getByLabel('Your role').selectOption('iqvia-engineer');
	await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeHidden();
	await expect(page.getByLabel('Sign as')).toBeHidden();
	await page.getByRole('button', { name: 'Done, as the customer reported it' }).click();
	await expect(page.locator('[data-ref="error"]')).toHaveText('Enter when the customer reported step 17 in the ticket.');
	await page.getByLabel('Reported in the ticket at').fill('2025-06-14T07:05');
	await page.getByRole('button', { name: 'Done, as the customer reported it' }).click();
	await expect(stepItem(page, 17).locator('[data-ref="status"]')).toHaveText('done 2025-06-14 07:05 (UTC+02:00) · 05:05 UTC (reported)');
	const stored = await page.evaluate(() => Object.entries(localStorage).filter(([key]) => key.startsWith('cup:signoff:stop-prod-activity:')).map(([, value]) => JSON.parse(value)));
	expect(stored).toEqual([expect.objectContaining({ v: 3, kind: 'signed', role: 'iqvia-engineer', reported: { by: 'customer', at: '2025-06-14T05:05:00.000Z' } })]);
	expect(stored[0]).not.toHaveProperty('meaning');
	for (const n of [18, 19]) {
		await page.getByLabel('Reported in the ticket at').fill('2025-06-14T07:30');
		await page.getByRole('button', { name: 'Done, as the customer reported it' }).click();
		await expect(stepItem(page, n).locator('[data-ref="status"]')).toContainText('done');
	}
	// Step 20 is the engineer's own: started and performed.
	await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
	await expect(page.getByLabel('Sign as')).toHaveValue('performed');
});

test('No-Go: steps after the decision become not applicable with the decision as reason, and the revert path is shown', async ({ page }) => {
	const errors = collectErrors(page);
	await openAsCustomer(page, walkedTo(DECISION));
	await expect(current(page).locator('[data-ref="number"]')).toHaveText(`Step ${DECISION}`);
	await page.getByRole('radio', { name: /^No-Go/ }).check();
	await page.getByLabel('Why').fill('Lab results report differs from VAL');
	await page.getByRole('button', { name: 'Record the decision' }).click();

	const revert = page.getByRole('region', { name: 'No-Go: revert to the backup' });
	await expect(revert).toBeVisible();
	await expect(revert).toContainText('re-installing the backup of PROD MAIN and PROD TEST taken at step 20');
	await expect(revert).toContainText('under one hour');
	await expect(revert.getByText('Playbook advice:')).toBeVisible();
	await expect(revert).toContainText('Reason: Lab results report differs from VAL.');
	await expect(current(page)).toBeHidden();
	for (const number of AFTER) await expect(stepItem(page, number).locator('[data-ref="status"]')).toHaveText('not applicable');

	// The Go / No-Go ticket, one click away, filled from the decision alone.
	await page.getByRole('link', { name: 'Open the Go / No-Go ticket, filled from this decision' }).click();
	await expect(page).toHaveURL(/\/tickets\/go-no-go\/$/);
	await expect(page.getByRole('radio', { name: 'No-Go', exact: true })).toBeChecked();
	await expect(page.getByLabel('Decided by')).toHaveValue('Dana Reyes');
	await expect(page.getByLabel('Why the upgrade does not go on')).toHaveValue('Lab results report differs from VAL');

	await page.goto('/stages/day-of-upgrade/');
	for (const number of AFTER) {
		const section = page.locator(`section.step[data-step-number="${number}"]`);
		await expect(section.getByText(`No-Go decided at step ${DECISION}: Lab results report differs from VAL`).first()).toBeVisible();
	}
	expect(errors).toEqual([]);
});

test('copy status: to the clipboard, and into a text area when the clipboard is refused', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await openAsCustomer(page, walkedTo(23));
	await page.getByRole('button', { name: 'Copy status for the ticket' }).click();
	await expect(page.locator('[data-ref="copied"]')).toContainText('Status copied');
	const text = await page.evaluate(() => navigator.clipboard.readText());
	expect(text).toMatch(/^Day of Upgrade status at /);
	expect(text).toMatch(/- Step 22 Report PROD MAIN upgraded: done \d{4}-\d\d-\d\d \d\d:\d\d \(UTC\+0[12]:00\)/);
	expect(text).toContain('reported by IQVIA in the ticket at');
	expect(text).toContain('Now: Step 23 Test PROD MAIN, not started yet.');
	expect(text).toContain('Who acts: Customer.');
	expect(text).toContain('Next: Step 24 Decide Go or No-Go (Customer).');

	await page.addInitScript(() => {
		Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
	});
	await page.reload();
	await page.getByRole('button', { name: 'Copy status for the ticket' }).click();
	const fallback = page.getByLabel('The clipboard was refused: select this status and copy it');
	await expect(fallback).toBeVisible();
	await expect(fallback).toBeFocused();
	expect(await fallback.inputValue()).toContain('Now: Step 23 Test PROD MAIN');
});

test('a step past its planned time is flagged and the expected end is shown', async ({ page }) => {
	const seed = walkedTo(23);
	// Step 23 started two hours ago, planned for one.
	seed['cup:signoff:test-prod-main:s1'] = JSON.stringify({ v: 2, kind: 'started', step: 'test-prod-main', by: 'Dana Reyes', role: 'customer', at: new Date(Date.now() - 2 * 3600_000).toISOString(), seq: 99, comment: '', fingerprint: 'x', text: 'x' });
	for (const step of DAY.filter((s) => s.number >= 23)) seed[`cup:planned:${step.id}`] = JSON.stringify({ v: 1, minutes: 60, note: '' });
	await openAsCustomer(page, seed);
	await expect(page.locator('[data-ref="over"]')).toContainText('Step 23 has run past its planned time (1 h) by 1 h');
	await expect(stepItem(page, 23).locator('[data-ref="actual"]')).toContainText('past its planned time');
	await expect(page.locator('[data-ref="end"]')).toHaveText(/\d{4}-\d\d-\d\d \d\d:\d\d \(UTC\+0[12]:00\) · \d\d:\d\d UTC/);
});

test('the printed day log holds every step, planned and actual times, who signed, the decision and the revert', async ({ page }) => {
	const seed = walkedTo(DECISION);
	seed['cup:planned:test-prod-main'] = JSON.stringify({ v: 1, minutes: 240, note: '' });
	seed['cup:planned:revert'] = JSON.stringify({ v: 1, minutes: 50, note: '' });
	await openAsCustomer(page, seed);
	await page.getByRole('radio', { name: /^No-Go/ }).check();
	await page.getByLabel('Why').fill('Checksums differ');
	await page.getByRole('button', { name: 'Record the decision' }).click();
	await expect(page.getByRole('region', { name: 'No-Go: revert to the backup' })).toBeVisible();

	await page.goto('/print/');
	await page.getByRole('navigation', { name: 'Sign-off sheets' }).getByRole('link', { name: 'Day of Upgrade log' }).click();
	await expect(page).toHaveURL(/\/print\/day\/$/);
	await expect(page.locator('tr[data-step-id="test-prod-main"] [data-cell="planned"]')).toHaveText('4 h');
	const file = test.info().outputPath('day-log.pdf');
	await writeFile(file, await page.pdf({ format: 'A4' }));
	await test.info().attach('day-log.pdf', { path: file, contentType: 'application/pdf' });
	const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
	expect(text).toContain('Run sheet: Day of Upgrade log');
	// Titles wrap inside their column on paper: the rows are checked on the page, the figures in the PDF.
	for (const step of DAY) await expect(page.locator(`tr[data-step-id="${step.id}"]`)).toContainText(step.title);
	expect(text).toContain('Test PROD MAIN');
	expect(text).toMatch(/Test PROD MAIN 4 ?h/);
	expect(text).toContain('reported by IQVIA in');
	await expect(page.locator('tr[data-step-id="report-prod-main-upgraded"] [data-cell="by"]')).toContainText(/^reported by IQVIA in the ticket at .*, recorded by Dana Reyes, Customer$/);
	await expect(page.locator('tr[data-step-id="upgrade-prod-test"] [data-cell="by"]')).toContainText(`No-Go decided at step ${DECISION}: Checksums differ`);
	expect(text).toContain('No-Go, decided at step 24');
	expect(text).toContain('Reason: Checksums differ');
	expect(text).toContain('Planned for the revert: 50 min');
	expect(text).toMatch(/Page 1 of \d/);
});

test('planned times survive export, reset and import on the record page', async ({ page }) => {
	await openAsCustomer(page);
	await stepItem(page, 23).getByLabel('Planned').fill('3:30');
	await stepItem(page, 23).getByLabel('Planned').press('Tab');
	await page.getByLabel('Planned time of a revert (No-Go)').fill('45');
	await page.getByLabel('Planned time of a revert (No-Go)').press('Tab');
	await expect(stepItem(page, 23).getByLabel('Planned')).toHaveValue('3 h 30 min');
	await stepItem(page, 21).getByLabel('Planned').fill('soon');
	await stepItem(page, 21).getByLabel('Planned').press('Tab');
	await expect(page.locator('[data-ref="planned-error"]')).toContainText('"soon" is not a duration');

	await page.goto('/record/');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export my record' }).first().click();
	const file = await download;
	const text = await readFile((await file.path())!, 'utf8');
	expect(JSON.parse(text).kinds.planned).toEqual({
		'cup:planned:revert': { minutes: 45, note: '' },
		'cup:planned:test-prod-main': { minutes: 210, note: '' },
	});
	await page.getByLabel('What to reset').selectOption({ label: 'Everything the playbook keeps in this browser' });
	await page.getByRole('button', { name: 'Reset…' }).click();
	await page.getByRole('button', { name: /^Yes, remove/ }).click();
	expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('cup:planned:')))).toEqual([]);
	await page.getByLabel(/Exported record/).setInputFiles({ name: file.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
	await page.getByRole('button', { name: 'Replace my record' }).click();
	await expect(page.getByText(/Your record was replaced by the file/)).toBeVisible();

	await page.goto('/day/');
	await expect(stepItem(page, 23).getByLabel('Planned')).toHaveValue('3 h 30 min');
	await expect(page.getByLabel('Planned time of a revert (No-Go)')).toHaveValue('45 min');
});

for (const theme of ['light', 'dark'] as const) {
	test(`axe finds nothing on the run sheet mid-day and after No-Go, ${theme} theme, and nothing overflows at 390 px`, async ({ page }) => {
		// Three axe runs on a long page: slow on a busy machine.
		test.setTimeout(90_000);
		await useTheme(page, theme);
		await page.setViewportSize({ width: 390, height: 900 });
		await openAsCustomer(page, walkedTo(23));
		const check = async () => {
			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
			expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
		};
		await check();
		await page.setViewportSize({ width: 1280, height: 900 });
		await check();
		await openAsCustomer(page, walkedTo(DECISION));
		await page.getByRole('radio', { name: /^No-Go/ }).check();
		await page.getByLabel('Why').fill('Reports differ');
		await page.getByRole('button', { name: 'Record the decision' }).click();
		await expect(page.getByRole('region', { name: 'No-Go: revert to the backup' })).toBeVisible();
		await check();
	});
}
