import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import ICAL from 'ical.js';
import { collectErrors, openWithStorage, useTheme } from './site';

const PATH = '/plan/';
// The upgrade day below is the Monday after Europe's clocks go forward (28 March 2027): 07:30 there is 05:30 UTC.
test.use({ timezoneId: 'Europe/Berlin' });

/** The playbook's keys in the page's localStorage, with their text. */
const stored = (page: Page) =>
	page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((key) => key.startsWith('cup:')).sort().map((key) => [key, localStorage.getItem(key)!])));

/** Opens the planner on a browser whose storage holds only the given entries. */
async function open(page: Page, entries: Record<string, string> = {}) {
	await openWithStorage(page, PATH, entries);
	await expect(page.getByRole('heading', { name: 'Your plan' })).toBeVisible();
}

/** Enters a plan counting back from Monday 29 March 2027, with a holiday on the Friday before it. */
async function enterPlan(page: Page) {
	await page.getByLabel('Target PROD upgrade date', { exact: true }).fill('2027-03-29');
	await page.getByLabel('Prep for Upgrade, in working days').fill('10');
	await page.getByLabel(/^Holidays/).fill('2027-03-26');
	await page.getByLabel('Start, local time').fill('07:30');
	await page.getByLabel('Expected hours').fill('9');
}

/** The text of the stage windows table, row by row. */
const stageRows = (page: Page) =>
	page.locator('[data-ref="stages"] tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((c) => c.textContent!.trim()).join(' | ')));
const milestone = (page: Page, id: string) => page.locator(`[data-milestone="${id}"] td`).first();

/** Downloads the calendar file through the page and reads it with ical.js. */
async function downloadCalendar(page: Page) {
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download calendar (.ics)' }).click();
	const file = await download;
	const text = await readFile((await file.path())!, 'utf8');
	const calendar = new ICAL.Component(ICAL.parse(text));
	const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
	return { name: file.suggestedFilename(), text, calendar, events };
}

test('plans from a target date, skips a holiday, keeps the plan on reload and downloads a calendar that updates', async ({ page }) => {
	const errors = collectErrors(page);
	await open(page, { 'cup:plan:site': JSON.stringify({ v: 1, value: 'Northfield' }) });
	// Opening the page writes nothing, and says what it needs.
	expect(Object.keys(await stored(page))).toEqual(['cup:plan:site']);
	await expect(page.locator('[data-ref="problems"]')).toContainText('Enter a target PROD upgrade date to plan from.');
	await expect(page.locator('[data-ref="problems"]')).toContainText('Prep for Upgrade needs its length in working days');

	await expect(page.locator('[data-ref="zone"]')).toContainText('this browser’s time zone (Europe/Berlin)');
	await enterPlan(page);
	await expect(page.locator('[data-ref="problems"]')).toBeEmpty();
	expect(await stageRows(page)).toEqual([
		'Preparation steps 1-7 | Mon 30 Nov 2026 to Mon 7 Dec 2026 | Fri 11 Dec 2026',
		'Validation steps 8-12 | Mon 14 Dec 2026 | Thu 11 Mar 2027',
		// The holiday on Friday 26 March ends Prep for Upgrade on the Thursday.
		'Prep for Upgrade steps 13-16 | Fri 12 Mar 2027 | Thu 25 Mar 2027',
		'Day of Upgrade steps 17-28 | Mon 29 Mar 2027 | Mon 29 Mar 2027',
	]);
	await expect(milestone(page, 'val-request')).toHaveText('Mon 30 Nov 2026 to Fri 11 Dec 2026');
	await expect(milestone(page, 'slot-confirmed')).toHaveText('Thu 25 Mar 2027');
	await expect(milestone(page, 'val-closed')).toHaveText('Mon 12 Apr 2027');
	await expect(page.locator('[data-milestone="val-closed"]')).toContainText('Two weeks after a successful PROD upgrade');

	// The target date is the upgrade plan's own field; the planner keeps only its own inputs.
	const saved = await stored(page);
	expect(saved['cup:plan:upgradeDate']).toBe(JSON.stringify({ v: 1, value: '2027-03-29' }));
	const planner = JSON.parse(saved['cup:planner']!);
	expect(planner).toMatchObject({ v: 1, anchor: 'upgrade', prepDays: '10', holidays: '2027-03-26', dayStart: '07:30', dayHours: '9', validationCount: '3' });
	expect(planner).not.toHaveProperty('upgradeDate');
	expect(planner.planId).toMatch(/^[0-9a-f]{16}$/);

	await page.reload({ waitUntil: 'networkidle' });
	await expect(page.getByLabel('Target PROD upgrade date', { exact: true })).toHaveValue('2027-03-29');
	await expect(page.getByLabel(/^Holidays/)).toHaveValue('2027-03-26');
	expect(await stageRows(page)).toContain('Prep for Upgrade steps 13-16 | Fri 12 Mar 2027 | Thu 25 Mar 2027');

	const first = await downloadCalendar(page);
	expect(first.name).toMatch(/^upgrade-plan-northfield-\d{4}-\d\d-\d\d\.ics$/);
	expect(first.text).toContain('\r\n');
	expect(first.calendar.getFirstPropertyValue('x-wr-calname')).toBe('ClinSpark upgrade: Northfield');
	expect(first.events.map((e) => e.summary)).toEqual([
		'Northfield: Preparation (steps 1-7)',
		'Northfield: Validation (steps 8-12)',
		'Northfield: Prep for Upgrade (steps 13-16)',
		'Northfield: VAL request raised',
		'Northfield: VAL available',
		'Northfield: Validation complete',
		'Northfield: PROD request raised',
		'Northfield: Slot confirmed',
		'Northfield: VAL expected to be closed',
		'Northfield: Day of Upgrade (steps 17-28)',
	]);
	const day = first.events.at(-1)!;
	expect(day.startDate.toJSDate().toISOString()).toBe('2027-03-29T05:30:00.000Z');
	expect(day.endDate.toJSDate().toISOString()).toBe('2027-03-29T14:30:00.000Z');
	expect(first.events[2]!.startDate.toString()).toBe('2027-03-12');
	expect(first.events[2]!.endDate.toString()).toBe('2027-03-26');
	expect(first.events.every((e) => e.sequence === 0)).toBe(true);
	await expect(page.locator('[data-ref="download-status"]')).toContainText('10 events');

	// Unchanged: the same UIDs and sequences.
	const second = await downloadCalendar(page);
	expect(second.events.map((e) => [e.uid, e.sequence])).toEqual(first.events.map((e) => [e.uid, e.sequence]));

	// Without the holiday, Prep for Upgrade and the milestones on its edges move: only those events are raised.
	await page.getByLabel(/^Holidays/).fill('');
	await expect(milestone(page, 'slot-confirmed')).toHaveText('Fri 26 Mar 2027');
	const third = await downloadCalendar(page);
	expect(third.events.map((e) => e.uid)).toEqual(first.events.map((e) => e.uid));
	const sequences = Object.fromEntries(third.events.map((e) => [e.summary.replace('Northfield: ', ''), e.sequence]));
	expect(sequences).toEqual({
		'Preparation (steps 1-7)': 0,
		'Validation (steps 8-12)': 1,
		'Prep for Upgrade (steps 13-16)': 1,
		'VAL request raised': 0,
		'VAL available': 0,
		'Validation complete': 1,
		'PROD request raised': 1,
		'Slot confirmed': 1,
		'VAL expected to be closed': 0,
		'Day of Upgrade (steps 17-28)': 0,
	});
	await expect(page.locator('[data-ref="download-status"]')).toContainText('5 of them changed since the last download');
	expect(errors).toEqual([]);
});

test('bad input gets a clear message and stays as typed', async ({ page }) => {
	await open(page);
	await page.getByRole('radio', { name: /a start date/ }).check();
	await page.getByLabel('Start date', { exact: true }).fill('2026-11-30');
	await page.getByLabel('Prep for Upgrade, in working days').fill('0');
	await page.getByLabel(/^Holidays/).fill('2026-12-25\nChristmas');
	await page.getByLabel('Validation length', { exact: true }).fill('6');
	await page.getByLabel('Validation length unit').selectOption('weeks');
	const problems = page.locator('[data-ref="problems"]');
	await expect(problems).toContainText('Prep for Upgrade needs its length in working days (1 to 250)');
	await expect(problems).toContainText('The holiday “Christmas” is not a date (YYYY-MM-DD).');
	await expect(page.locator('[data-ref="result"]')).toBeHidden();
	await page.reload({ waitUntil: 'networkidle' });
	await expect(page.getByLabel(/^Holidays/)).toHaveValue('2026-12-25\nChristmas');
	await expect(page.getByLabel('Prep for Upgrade, in working days')).toHaveValue('0');

	await page.getByLabel(/^Holidays/).fill('2026-12-25');
	await page.getByLabel('Prep for Upgrade, in working days').fill('5');
	await page.getByLabel('Expected hours').fill('30');
	// The dates stand; the short validation is a note, and the wrong hours hold back only the timed event.
	await expect(page.locator('[data-ref="notes"]')).toHaveText('Validation is planned shorter than the plan’s three months, which the plan gives “depending on the scope and approach taken by the customer”.');
	await expect(problems).toContainText('The upgrade day’s start time needs hours and minutes');
	await expect(problems).toContainText('expected length needs a number of hours above 0 and at most 24');
	await expect(page.locator('[data-ref="stages"] tr').first()).toContainText('Mon 30 Nov 2026');
});

test('export, reset and import on the record page keep the planner’s inputs', async ({ page }) => {
	await open(page);
	await enterPlan(page);
	await expect(milestone(page, 'slot-confirmed')).toHaveText('Thu 25 Mar 2027');
	const before = await stored(page);

	await page.goto('/record/');
	await expect(page.locator('[data-ur="counts"]')).toContainText('Upgrade planner');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export my record' }).first().click();
	const file = await download;
	const text = await readFile((await file.path())!, 'utf8');
	expect(Object.keys(JSON.parse(text).kinds.planner)).toEqual(['cup:planner']);

	await page.getByLabel('What to reset').selectOption({ label: 'Everything the playbook keeps in this browser' });
	await page.getByRole('button', { name: 'Reset…' }).click();
	await page.getByRole('button', { name: /^Yes, remove \d+ entries$/ }).click();
	expect(await stored(page)).toEqual({});
	await page.goto(PATH);
	await expect(page.locator('[data-ref="problems"]')).toContainText('Enter a target PROD upgrade date to plan from.');

	await page.goto('/record/');
	await page.getByLabel(/Exported record/).setInputFiles({ name: file.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
	await expect(page.locator('[data-ur="preview"]')).toBeVisible();
	await page.getByRole('button', { name: 'Replace my record' }).click();
	await expect(page.getByText(/Your record was replaced by the file/)).toBeVisible();
	expect(await stored(page)).toEqual(before);
	await page.goto(PATH);
	await expect(milestone(page, 'slot-confirmed')).toHaveText('Thu 25 Mar 2027');
});

test('every control, the tables and the swimlane are reachable by keyboard, and the calendar downloads by keyboard', async ({ page }) => {
	await open(page);
	await enterPlan(page);
	await page.getByLabel(/a target PROD upgrade date/).focus();
	const reached = new Set<string>();
	for (let i = 0; i < 60 && !reached.has('download'); i++) {
		await page.keyboard.press('Tab');
		const name = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			return el?.getAttribute('name') ?? el?.dataset.ref ?? el?.getAttribute('aria-labelledby') ?? el?.tagName ?? '';
		});
		reached.add(name);
	}
	for (const name of ['upgradeDate', 'validationCount', 'validationUnit', 'prepDays', 'holidays', 'dayStart', 'dayHours', 'planner-stages-caption', 'planner-milestones-caption', 'download']) {
		expect(reached, name).toContain(name);
	}
	const download = page.waitForEvent('download');
	await page.keyboard.press('Enter');
	expect((await download).suggestedFilename()).toMatch(/\.ics$/);
	// The swimlane scrolls by keyboard, and its links follow in the tab order.
	const lane = page.getByRole('region', { name: 'Role swimlane: steps by role and stage' });
	await lane.focus();
	await page.keyboard.press('Tab');
	await expect(page.locator(':focus')).toHaveText('1. Review the release notes');
});

test('the swimlane has every step under each of its roles, linked to its anchor', async ({ page }) => {
	await open(page);
	const table = page.getByRole('table', { name: 'Role swimlane: steps by role and stage' });
	await expect(table.getByRole('rowheader')).toHaveText([/^Customer/, /^IQVIA PM/, /^IQVIA Engineer/, /^IQVIA Support/, /^IQVIA Solution Specialist/]);
	await expect(table.getByRole('columnheader')).toHaveText(['Role', /^Preparation/, /^Validation/, /^Prep for Upgrade/, /^Day of Upgrade/]);
	const numbers = await table.getByRole('link').evaluateAll((links) => [...new Set(links.map((a) => Number(a.textContent!.split('.')[0])))].sort((a, b) => a - b));
	expect(numbers).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
	await expect(table.getByRole('link', { name: '14. Agree the slot and the support needed' })).toHaveCount(3);
	await table.getByRole('link', { name: '23. Test PROD MAIN' }).click();
	await expect(page).toHaveURL(/\/stages\/day-of-upgrade\/#step-23$/);
	await expect(page.locator('#step-23')).toBeInViewport();
});

test('at 390 pixels the page is no wider than the screen', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await open(page);
	await enterPlan(page);
	await expect(milestone(page, 'slot-confirmed')).toHaveText('Thu 25 Mar 2027');
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	await expect(page.locator('.swimlane-cue')).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
	test(`no accessibility violation in the ${theme} theme, with the dates and a problem on screen`, async ({ page }) => {
		test.slow();
		await useTheme(page, theme);
		await open(page);
		const check = async () => {
			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
		};
		await check();
		await enterPlan(page);
		await page.getByLabel('Expected hours').fill('0');
		await expect(page.locator('[data-ref="problems"]')).not.toBeEmpty();
		await check();
	});
}
