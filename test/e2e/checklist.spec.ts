import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { collectErrors, useTheme } from './site';
import { fingerprintText } from '../../src/state/fingerprint';

// The stage checklists, the upgrade plan and the overview's progress, as a customer PM uses them.

const STAGE = '/stages/validation/';
const SCOPE = 'share-validation-scope'; // step 8
const TESTING = 'test-upgraded-environment'; // step 9

test.use({ timezoneId: 'Europe/Berlin', locale: 'en-GB' });

const step = (page: Page, n: number) => page.locator(`section.step[data-step-number="${n}"]`);
const box = (page: Page, n: number) => page.getByRole('checkbox', { name: `Step ${n} done` });
const status = (page: Page, n: number) => step(page, n).locator('[data-ref="status"]');

/** Stores items in the site's localStorage before the page under test opens. */
async function seed(context: BrowserContext, items: Record<string, string>): Promise<void> {
	const helper = await context.newPage();
	await helper.goto('/404/');
	await helper.evaluate((all) => Object.entries(all).forEach(([k, v]) => localStorage.setItem(k, v)), items);
	await helper.close();
}

/** The sign-off events stored for a step, as the state core wrote them. */
async function storedEvents(page: Page, stepId: string): Promise<Record<string, unknown>[]> {
	return page.evaluate((id) => {
		const found: Record<string, unknown>[] = [];
		for (let i = 0; i < localStorage.length; i++) {
			const key = localStorage.key(i)!;
			if (key.startsWith(`cup:signoff:${id}:`)) found.push(JSON.parse(localStorage.getItem(key)!));
		}
		return found;
	}, stepId);
}

const signer = (name: string, role = 'customer') => ({ 'cup:signer': JSON.stringify({ v: 2, name, role }) });

/** Ticks a box and answers what the page asks: the name and role (as a customer) if it does not know them, then the sign-off panel as it opens (with a comment, if given). */
async function tick(page: Page, target: Locator, name = 'Dana Reyes', comment = '') {
	await target.click();
	const dialog = page.locator('dialog.signer-dialog');
	const panel = page.locator('dialog.signoff-dialog');
	// The signing code loads on use: wait for its first question.
	await expect.poll(async () => (await dialog.isVisible()) || (await panel.isVisible()), { timeout: 15_000 }).toBe(true);
	if (await dialog.isVisible()) {
		await dialog.getByLabel('Your name').fill(name);
		await dialog.getByLabel('Your role').selectOption('customer');
		await dialog.getByRole('button', { name: 'Sign off' }).click();
	}
	await sign(page, comment);
}

/** Confirms the sign-off panel a tick opens, its meaning as set (or as chosen first), with a comment if given. */
async function sign(page: Page, comment = '') {
	const panel = page.locator('dialog.signoff-dialog');
	await expect(panel).toBeVisible({ timeout: 15_000 });
	if (comment) await panel.getByLabel(/Comment/).fill(comment);
	await panel.getByRole('button', { name: 'Sign off' }).click();
	await expect(panel).toBeHidden();
}

/** Ticks a step for a signer the page already knows, confirming the panel: the box stands once the event is recorded. */
async function check(page: Page, n: number, comment = '') {
	await box(page, n).check();
	await sign(page, comment);
	await expect(box(page, n)).toBeChecked();
}

/** Unticks a step: withdraws its latest standing sign-off, giving the reason asked. */
async function untick(page: Page, n: number, reason = 'ticked by mistake') {
	await box(page, n).click();
	const dialog = page.locator('dialog.signoff-dialog');
	await dialog.getByLabel('Reason').fill(reason);
	await dialog.getByRole('button', { name: 'Withdraw' }).click();
	await expect(box(page, n)).not.toBeChecked();
}

test('ticking asks for a name once, and the sign-off survives a reload with who, meaning, time and comment', async ({ page }) => {
	const errors = collectErrors(page);
	await page.goto(STAGE, { waitUntil: 'networkidle' });
	await box(page, 8).click();
	const dialog = page.locator('dialog.signer-dialog');
	await expect(dialog).toBeVisible();
	await dialog.getByLabel('Your name').fill('Dana Reyes');
	await dialog.getByLabel('Your role').selectOption('customer');
	await dialog.getByRole('button', { name: 'Sign off' }).click();
	// Then the full panel: who signs, the meaning (set for the step's own role), a comment.
	const panel = page.locator('dialog.signoff-dialog');
	await expect(panel).toBeVisible();
	await expect(panel).toContainText('Signing as Dana Reyes, Customer');
	await expect(panel.getByLabel('What your signature means')).toHaveValue('performed');
	await panel.getByLabel('What your signature means').selectOption('reviewed');
	await panel.getByLabel(/Comment/).fill('VAL-1234');
	await panel.getByRole('button', { name: 'Sign off' }).click();
	await expect(box(page, 8)).toBeChecked();
	await expect(box(page, 8)).toBeFocused();

	// The name is asked once per browser: the next tick opens the panel only.
	await box(page, 9).click();
	await expect(panel).toBeVisible();
	await expect(dialog).toBeHidden();
	await expect(panel.getByLabel(/Comment/)).toHaveValue('');
	await panel.getByRole('button', { name: 'Sign off' }).click();
	await expect(box(page, 9)).toBeChecked();

	const [event] = await storedEvents(page, SCOPE);
	expect(event).toMatchObject({ v: 2, kind: 'signed', step: SCOPE, by: 'Dana Reyes', role: 'customer', meaning: 'reviewed', comment: 'VAL-1234' });
	expect(String(event!.at)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
	expect(event!.fingerprint).toBe(await step(page, 8).getAttribute('data-fingerprint'));
	// The text signed is the step's text, sent apart from the page, and it is the text the fingerprint was made from.
	expect(String(event!.text)).toMatch(/^Share the validation scope\n/);
	expect(fingerprintText(String(event!.text))).toBe(event!.fingerprint);

	await page.reload({ waitUntil: 'networkidle' });
	await expect(box(page, 8)).toBeChecked();
	await expect(status(page, 8)).toContainText('Dana Reyes, Customer (reviewed)');
	// The comment is in the step's details, with the history.
	await step(page, 8).locator('details.signoff-details summary').click();
	await expect(step(page, 8).locator('.signoff-history li').first()).toContainText('Comment: VAL-1234');
	// Details offers what a signed step allows: sign again or withdraw, not "not applicable".
	await expect(step(page, 8).getByRole('button', { name: 'Sign again' })).toBeVisible();
	await expect(step(page, 8).getByRole('button', { name: 'Withdraw…' })).toBeVisible();
	await expect(step(page, 8).getByRole('button', { name: 'Not applicable…' })).toBeHidden();
	await expect(step(page, 8).locator('[data-ref="none"]')).toBeHidden();
	// Stored in UTC, shown the site's one way: the reader's local time (Berlin here) with its offset, then UTC.
	const time = status(page, 8).locator('time');
	await expect(time).toHaveAttribute('datetime', String(event!.at));
	const utc = String(event!.at).slice(11, 16);
	await expect(time).toHaveText(new RegExp(`^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\(UTC\\+0[12]:00\\) · ${utc} UTC$`));
	await expect(page.getByLabel('Your name, for sign-offs')).toHaveValue('Dana Reyes');
	await expect(page.locator('checklist-bar [data-ref="count"]')).toHaveText('2 of 5 done');
	expect(errors).toEqual([]);
});

test('cancelling the name question signs nothing', async ({ page }) => {
	await page.goto(STAGE, { waitUntil: 'networkidle' });
	await box(page, 10).click();
	await page.locator('dialog.signer-dialog').getByRole('button', { name: 'Cancel' }).click();
	await expect(box(page, 10)).not.toBeChecked();
	await expect(status(page, 10)).toHaveText('Not signed off yet.');
	expect(await storedEvents(page, 'raise-validation-tickets')).toEqual([]);
});

test('unticking adds an event: the history shows both, newest first', async ({ page, context }) => {
	await seed(context, signer('Dana Reyes'));
	await page.goto(STAGE, { waitUntil: 'networkidle' });
	await check(page, 8);
	await untick(page, 8, 'ticked by mistake');
	await expect(status(page, 8)).toContainText('Not done: last change by Dana Reyes, Customer');
	const history = step(page, 8).locator('details.signoff-details');
	await history.locator('summary').click();
	await expect(history.locator('summary')).toContainText('(2)');
	const items = history.locator('li');
	await expect(items).toHaveCount(2);
	await expect(items.nth(0)).toContainText('Withdrew a sign-off by Dana Reyes, Customer');
	await expect(items.nth(0)).toContainText('Reason: ticked by mistake');
	await expect(items.nth(1)).toContainText('Signed by Dana Reyes, Customer (performed)');
	const events = await storedEvents(page, SCOPE);
	expect(events.map((e) => e.kind).sort()).toEqual(['signed', 'withdrawn']);
	// Each event under its own key: nothing was rewritten.
	await page.reload({ waitUntil: 'networkidle' });
	await expect(step(page, 8).locator('details.signoff-details li')).toHaveCount(2);
});

test('two pages in one browser stay in sync', async ({ context }) => {
	await seed(context, signer('Dana Reyes'));
	const [a, b] = [await context.newPage(), await context.newPage()];
	await a.goto(STAGE, { waitUntil: 'networkidle' });
	await b.goto(STAGE, { waitUntil: 'networkidle' });
	await check(a, 8);
	await expect(box(b, 8)).toBeChecked();
	await expect(status(b, 8)).toContainText('Dana Reyes, Customer (performed)');
	await expect(b.locator('checklist-bar [data-ref="count"]')).toHaveText('1 of 5 done');
	await untick(b, 8);
	await expect(box(a, 8)).not.toBeChecked();
	// The overview follows too.
	await b.goto('/', { waitUntil: 'networkidle' });
	await check(a, 9);
	await expect(b.locator('upgrade-progress [data-ref="total"]')).toHaveText('1 of 28 done in the whole upgrade.');
});

test('two sign-offs of one step at the same moment both survive', async ({ context }) => {
	await seed(context, signer('Dana Reyes'));
	// "At once" made certain: each page hears of the other's writes only when released, as when two
	// people click within the same instant.
	await context.addInitScript(() => {
		const held: StorageEvent[] = [];
		const w = window as unknown as { holding: boolean; release: () => void };
		w.holding = true;
		w.release = () => {
			w.holding = false;
			for (const { key, newValue, oldValue, storageArea, url } of held.splice(0)) dispatchEvent(new StorageEvent('storage', { key, newValue, oldValue, storageArea, url }));
		};
		addEventListener(
			'storage',
			(event) => {
				if (!w.holding) return;
				event.stopImmediatePropagation();
				held.push(event);
			},
			true,
		);
	});
	const [a, b] = [await context.newPage(), await context.newPage()];
	await a.goto(STAGE, { waitUntil: 'networkidle' });
	await b.goto(STAGE, { waitUntil: 'networkidle' });
	await Promise.all([box(a, 8).check(), box(b, 8).check()]);
	// Both panels are open at once; each signs with its own comment.
	for (const [page, comment] of [[a, 'from tab A'], [b, 'from tab B']] as const) await page.locator('dialog.signoff-dialog').getByLabel(/Comment/).fill(comment);
	await Promise.all([a, b].map((page) => page.locator('dialog.signoff-dialog').getByRole('button', { name: 'Sign off' }).click()));
	await expect(step(a, 8).locator('details.signoff-details li')).toHaveCount(1);
	await Promise.all([a, b].map((page) => page.evaluate(() => (window as unknown as { release: () => void }).release())));
	await expect(step(a, 8).locator('details.signoff-details li')).toHaveCount(2);
	await expect(step(b, 8).locator('details.signoff-details li')).toHaveCount(2);
	const events = await storedEvents(a, SCOPE);
	expect(events.map((e) => e.comment).sort()).toEqual(['from tab A', 'from tab B']);
	// Both ticks stand behind the step, on both pages: two signatures in the row, both comments in the details.
	for (const page of [a, b]) {
		await expect(status(page, 8).locator('time')).toHaveCount(2);
		await expect(step(page, 8).locator('.signoff-history')).toContainText('Comment: from tab A');
		await expect(step(page, 8).locator('.signoff-history')).toContainText('Comment: from tab B');
	}
});

test('the view shows one side, keeps the numbers, collapses done steps, and is remembered', async ({ page, context }) => {
	await seed(context, signer('Dana Reyes'));
	await page.goto(STAGE, { waitUntil: 'networkidle' });
	await check(page, 8);
	await page.getByRole('radio', { name: "The customer's" }).check();
	// Step 11 is IQVIA's: its heading (and number) stays, its content and checkbox go.
	await expect(page.locator('#step-11')).toBeVisible();
	await expect(step(page, 11).locator('.step-activity')).toBeHidden();
	await expect(box(page, 11)).toBeHidden();
	await expect(step(page, 11).locator('.signoff-filtered')).toBeVisible();
	await expect(step(page, 12).locator('.step-activity')).toBeVisible();
	await expect(page.locator('checklist-bar [data-ref="count"]')).toHaveText('1 of 5 done (1 of 4 in this view)');
	await expect(page.getByText("Showing the customer's steps; step 11 shown by number only.")).toBeVisible();

	await page.getByRole('radio', { name: "IQVIA's" }).check();
	await expect(step(page, 8).locator('.step-activity')).toBeHidden();
	await expect(step(page, 11).locator('.step-activity')).toBeVisible();
	await expect(page.locator('checklist-bar [data-ref="next"]')).toContainText('Step 11: Resolve configuration issues');

	await page.getByRole('radio', { name: 'All steps' }).check();
	await page.getByLabel('Collapse done steps').check();
	await expect(step(page, 8).locator('.step-activity')).toBeHidden();
	await expect(box(page, 8)).toBeVisible();
	await expect(step(page, 9).locator('.step-activity')).toBeVisible();

	await page.getByRole('radio', { name: "The customer's" }).check();
	await page.reload({ waitUntil: 'networkidle' });
	await expect(page.getByRole('radio', { name: "The customer's" })).toBeChecked();
	await expect(page.getByLabel('Collapse done steps')).toBeChecked();
	await expect(step(page, 11).locator('.step-activity')).toBeHidden();
});

test('the next open step is named and linked', async ({ page, context }) => {
	await seed(context, signer('Dana Reyes'));
	await page.goto(STAGE, { waitUntil: 'networkidle' });
	await check(page, 8);
	const next = page.locator('checklist-bar [data-ref="next"] a');
	await expect(next).toHaveText('Step 9: Test the upgraded environment');
	await next.click();
	await expect(page).toHaveURL(/#step-9$/);
	await expect(page.locator('#step-9')).toBeInViewport();
});

test('with storage throwing, ticking still works for the session and the page says so', async ({ page }) => {
	const errors = collectErrors(page);
	await page.addInitScript(() => {
		const setItem = Storage.prototype.setItem;
		Storage.prototype.setItem = function (key: string, value: string) {
			if (key.startsWith('cup:')) throw new DOMException('The operation is insecure.', 'SecurityError');
			setItem.call(this, key, value);
		};
	});
	await page.goto(STAGE, { waitUntil: 'networkidle' });
	await expect(page.locator('checklist-bar [data-ref="storage"]')).toContainText('Progress will not be kept');
	await tick(page, box(page, 8));
	await expect(box(page, 8)).toBeChecked();
	await expect(status(page, 8)).toContainText('Dana Reyes, Customer (performed)');
	await expect(page.locator('checklist-bar [data-ref="count"]')).toHaveText('1 of 5 done');
	expect(errors).toEqual([]);
});

test('a step whose text changed since it was signed is flagged, and re-signing clears the flag', async ({ page, context }) => {
	const old = {
		v: 1,
		step: TESTING,
		done: true,
		by: 'Sam Lee',
		meaning: 'performed',
		at: '2025-03-10T08:15:00.000Z',
		comment: 'VAL-101',
		fingerprint: '00000000000000',
		text: 'Test the upgraded environment\nTest the new functionality in the upgraded environment.',
	};
	await seed(context, { ...signer('Dana Reyes'), [`cup:signoff:${TESTING}:m0seed-old`]: JSON.stringify(old) });
	await page.goto(STAGE, { waitUntil: 'networkidle' });
	const flag = step(page, 9).locator('[data-ref="recheck"]');
	await expect(box(page, 9)).toBeChecked();
	await expect(flag).toBeVisible();
	await expect(flag).toContainText('This step changed after it was signed: re-check.');
	// Before and after, word by word: words of the new text are marked as added.
	await expect(flag.locator('ins').first()).toBeVisible();
	await expect(flag.locator('.signoff-diff')).toContainText('configuration items');
	await expect(page.locator('checklist-bar [data-ref="recheck"]')).toHaveText('Changed since signed, to re-check: step 9.');
	await expect(step(page, 9).locator('details.signoff-details li')).toContainText('signed an earlier text of this step');

	// The flag stays in sight in the row; "Sign again" is with the history, under Details.
	await expect(step(page, 9).getByRole('button', { name: 'Sign again' })).toBeHidden();
	await step(page, 9).locator('details.signoff-details summary').click();
	await step(page, 9).getByRole('button', { name: 'Sign again' }).click();
	await sign(page);
	await expect(flag).toBeHidden();
	await expect(page.locator('checklist-bar [data-ref="recheck"]')).toBeHidden();
	await expect(box(page, 9)).toBeChecked();
	const events = await storedEvents(page, TESTING);
	expect(events).toHaveLength(2);
	// The event of format 1 reads as the same facts, with "not recorded" where format 1 had no field.
	const { v: _, done: __, ...facts } = old;
	expect(events.find((e) => e.by === 'Sam Lee')).toMatchObject({ ...facts, kind: 'signed', role: 'not recorded', seq: 0 });
	await page.reload({ waitUntil: 'networkidle' });
	await expect(flag).toBeHidden();
});

test('keyboard only: Tab reaches a step checkbox, Space ticks it, the name dialog is answered by keyboard', async ({ page }) => {
	await page.goto(STAGE, { waitUntil: 'networkidle' });
	await box(page, 8).focus();
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.press('Tab');
	await expect(box(page, 8)).toBeFocused();
	const dialog = page.locator('dialog.signer-dialog');
	const panel = page.locator('dialog.signoff-dialog');
	// Escape in the name dialog cancels: nothing is signed and focus is back on the box.
	await page.keyboard.press('Space');
	await expect(dialog).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(box(page, 8)).not.toBeChecked();
	await expect(box(page, 8)).toBeFocused();
	await page.keyboard.press('Space');
	await expect(dialog.getByLabel('Your name')).toBeFocused();
	await page.keyboard.type('Kim Park');
	await page.keyboard.press('Tab');
	await page.keyboard.type('Customer');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(dialog).toBeHidden();
	// The sign-off panel opens on the meaning; Escape there cancels too, leaving nothing recorded.
	await expect(panel).toBeVisible();
	await expect(panel.getByLabel('What your signature means')).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(panel).toBeHidden();
	await expect(box(page, 8)).not.toBeChecked();
	await expect(box(page, 8)).toBeFocused();
	expect(await storedEvents(page, SCOPE)).toEqual([]);
	// Ticked again, the panel is answered by keyboard: a comment, then Enter signs.
	await page.keyboard.press('Space');
	await expect(panel.getByLabel('What your signature means')).toBeFocused();
	await page.keyboard.press('Tab');
	await page.keyboard.type('VAL-9');
	await page.keyboard.press('Enter');
	await expect(panel).toBeHidden();
	await expect(box(page, 8)).toBeChecked();
	await expect(box(page, 8)).toBeFocused();
	await expect(status(page, 8)).toContainText('Kim Park, Customer (performed)');
	// Unticking asks the reason, answered by keyboard.
	await page.keyboard.press('Space');
	await expect(page.locator('dialog.signoff-dialog')).toBeVisible();
	await expect(page.locator('dialog.signoff-dialog').getByRole('radio')).toBeFocused();
	await page.keyboard.press('Tab');
	await page.keyboard.type('Signed the wrong step');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(box(page, 8)).not.toBeChecked();
	await expect(status(page, 8)).toContainText('last change by Kim Park');
	// The view controls work from the keyboard too.
	await page.getByRole('radio', { name: 'All steps' }).focus();
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('radio', { name: "The customer's" })).toBeChecked();
});

test('JavaScript off: the page reads as guidance, no dead control shows, and the paper sheet is a link away', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(STAGE);
	for (const n of [8, 9, 10, 11, 12]) {
		await expect(step(page, n).locator('.step-activity')).toBeVisible();
		await expect(box(page, n)).toBeHidden();
		await expect(step(page, n).getByText('Details')).toBeHidden();
	}
	await expect(page.getByRole('button', { name: 'Print checklist' })).toBeHidden();
	await expect(page.getByRole('button', { name: /Not applicable/ }).first()).toBeHidden();
	await expect(page.getByText('The service desk ticket and your quality system remain the record.').first()).toBeVisible();
	const sheet = page.getByRole('link', { name: "this stage's sign-off sheet" });
	await expect(sheet).toBeVisible();
	await sheet.click();
	await expect(page).toHaveURL(/\/print\/stages\/validation\/$/);
	// The sheet keeps its boxes to tick on paper.
	await expect(page.locator('.sheet-box').first()).toBeVisible();
	await context.close();
});

test('the upgrade plan is saved as typed and read by every tool', async ({ page, context }) => {
	const errors = collectErrors(page);
	await page.goto('/', { waitUntil: 'networkidle' });
	const form = page.locator('plan-form');
	await form.getByLabel('Customer / site name').fill('Acme Research, Leeds');
	await form.getByLabel('Instances concerned').fill('PROD MAIN and PROD TEST');
	await form.getByLabel('Current version').fill('23.2');
	await form.getByLabel('Target version').fill('24.2');
	await form.getByLabel('VAL ticket number').fill('FHSD-4411');
	await form.getByLabel('PROD ticket number').fill('FHSD-4520');
	await form.getByLabel('Planned upgrade date').fill('2025-06-14');
	const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('cup:plan:upgradeDate')!));
	expect(stored).toEqual({ v: 1, value: '2025-06-14' });

	const other = await context.newPage();
	await other.goto('/print/', { waitUntil: 'networkidle' });
	await expect(other.locator('[data-plan="site"]')).toHaveText('Acme Research, Leeds');
	await expect(other.locator('[data-plan="upgradeDate"]')).toHaveText('Sat 14 Jun 2025');
	// A change on the overview reaches the open sheet.
	await form.getByLabel('PROD ticket number').fill('FHSD-4521');
	await expect(other.locator('[data-plan="prodTicket"]')).toHaveText('FHSD-4521');
	await page.reload({ waitUntil: 'networkidle' });
	await expect(form.getByLabel('Customer / site name')).toHaveValue('Acme Research, Leeds');
	expect(errors).toEqual([]);
});

test('the overview shows progress per stage and overall, with the next open step linked', async ({ page, context }) => {
	await seed(context, signer('Dana Reyes'));
	const stage = await context.newPage();
	await stage.goto('/stages/preparation/', { waitUntil: 'networkidle' });
	for (const n of [1, 2]) await check(stage, n);
	await page.goto('/', { waitUntil: 'networkidle' });
	const progress = page.locator('upgrade-progress');
	await expect(progress.locator('[data-ref="total"]')).toHaveText('2 of 28 done in the whole upgrade.');
	const preparation = progress.locator('tr', { hasText: 'Preparation' });
	await expect(preparation.locator('[data-ref="count"]')).toHaveText('2 of 7 done');
	await expect(progress.locator('tr', { hasText: 'Validation' }).locator('[data-ref="count"]')).toHaveText('0 of 5 done');
	const next = progress.locator('[data-ref="next"] a').first();
	await expect(next).toHaveText('Step 3: Point out what release testing leaves out');
	await next.click();
	await expect(page).toHaveURL(/\/stages\/preparation\/#step-3$/);
});

test("the overview's next open step follows the side chosen on the stage pages", async ({ page, context }) => {
	await seed(context, signer('Dana Reyes'));
	const stage = await context.newPage();
	await stage.goto('/stages/preparation/', { waitUntil: 'networkidle' });
	for (const n of [1, 2]) await check(stage, n);
	await stage.getByLabel("The customer's").check();
	await page.goto('/', { waitUntil: 'networkidle' });
	const progress = page.locator('upgrade-progress');
	// Step 3 is IQVIA's: the customer's next open step is 5; the counts stay those of every step.
	await expect(progress.locator('.upgrade-total [data-ref="next"]')).toHaveText(/^Next open step of the customer's steps: Step 5: .+ \(Preparation\)\.$/);
	await expect(progress.locator('tr', { hasText: 'Preparation' }).locator('[data-ref="next"]')).toHaveText(/^Step 5: /);
	await expect(progress.locator('[data-ref="total"]')).toHaveText('2 of 28 done in the whole upgrade.');
	await expect(progress.locator('[data-ref="side"]')).toContainText("the customer's steps");
	await stage.getByLabel("IQVIA's").check();
	await expect(progress.locator('.upgrade-total [data-ref="next"] a')).toHaveText(/^Step 3: /);
	await expect(progress.locator('tr', { hasText: 'Day of Upgrade' }).locator('[data-ref="next"]')).toHaveText(/^Step 20: /);
	await stage.getByLabel('All steps').check();
	await expect(progress.locator('.upgrade-total [data-ref="next"]')).toHaveText(/^Next open step: Step 3: /);
	await expect(progress.locator('[data-ref="side"]')).toBeHidden();
});

for (const theme of ['light', 'dark'] as const) {
	test(`a stage page with the checklist in use has no accessibility violation (${theme})`, async ({ page, context }) => {
		test.setTimeout(120_000);
		await useTheme(page, theme);
		const old = { v: 1, step: TESTING, done: true, by: 'Sam Lee', meaning: 'reviewed', at: '2025-03-10T08:15:00.000Z', comment: '', fingerprint: 'x', text: 'Old text' };
		await seed(context, { ...signer('Dana Reyes'), [`cup:signoff:${TESTING}:m0seed-old`]: JSON.stringify(old) });
		await page.goto(STAGE, { waitUntil: 'networkidle' });
		await check(page, 8, 'VAL-1');
		await check(page, 10);
		await untick(page, 10);
		await step(page, 10).locator('details.signoff-details summary').click();
		await expect(step(page, 9).locator('[data-ref="recheck"] ins').first()).toBeVisible();
		await page.getByLabel('Collapse done steps').check();
		const results = await new AxeBuilder({ page }).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
		// The name dialog too.
		await page.getByLabel('Your name, for sign-offs').fill('');
		await box(page, 12).click();
		await expect(page.locator('dialog.signer-dialog')).toBeVisible();
		const dialog = await new AxeBuilder({ page }).include('dialog.signer-dialog').analyze();
		expect(dialog.violations.map((v) => v.id)).toEqual([]);
		// And the sign-off panel.
		await page.locator('dialog.signer-dialog').getByLabel('Your name').fill('Dana Reyes');
		await page.locator('dialog.signer-dialog').getByRole('button', { name: 'Sign off' }).click();
		await expect(page.locator('dialog.signoff-dialog')).toBeVisible();
		const panel = await new AxeBuilder({ page }).include('dialog.signoff-dialog').analyze();
		expect(panel.violations.map((v) => v.id)).toEqual([]);
	});
}

/** Changes a step's activity as the page shows it, so that the page no longer gives the text its fingerprint was made from. */
async function spoilShownText(page: Page, n: number) {
	await step(page, n).locator('.step-activity').evaluate((el) => el.append(' (edited in the page)'));
}

test('a step whose text cannot be had is not signed: the row says so and nothing is recorded', async ({ page, context }) => {
	await seed(context, signer('Dana Reyes'));
	await page.route('**/step-texts/*.json', (route) => route.abort('internetdisconnected'));
	await page.goto(STAGE, { waitUntil: 'networkidle' });
	// The page's own text does not match its fingerprint, so the texts file is asked for, and it cannot be had.
	await spoilShownText(page, 8);
	await box(page, 8).click();
	await sign(page);
	await expect(step(page, 8).getByRole('alert')).toHaveText(/^Nothing was recorded: the signing could not be completed/);
	await expect(box(page, 8)).not.toBeChecked();
	expect(await storedEvents(page, SCOPE)).toEqual([]);
	// Once the text can be had, the same tick signs, and the notice goes; the text recorded is the fingerprinted one.
	await page.unroute('**/step-texts/*.json');
	await box(page, 8).click();
	await sign(page);
	await expect(box(page, 8)).toBeChecked();
	await expect(step(page, 8).getByRole('alert')).toHaveCount(0);
	const [event] = await storedEvents(page, SCOPE);
	expect(String(event!.text)).not.toContain('edited in the page');
	expect(fingerprintText(String(event!.text))).toBe(event!.fingerprint);
});

test('a page older than the site it asks for the text is not signed against a text it never showed', async ({ page, context }) => {
	await seed(context, signer('Dana Reyes'));
	await page.route('**/step-texts/*.json', async (route) => {
		const texts = (await (await route.fetch()).json()) as Record<string, string>;
		await route.fulfill({ json: { ...texts, [SCOPE]: `${texts[SCOPE]} Changed since.` } });
	});
	await page.goto(STAGE, { waitUntil: 'networkidle' });
	await spoilShownText(page, 8);
	await box(page, 8).click();
	await sign(page);
	await expect(step(page, 8).getByRole('alert')).toContainText('reload it');
	await expect(box(page, 8)).not.toBeChecked();
	expect(await storedEvents(page, SCOPE)).toEqual([]);
});

test('every step of every stage is signed with the text its page shows, without the texts file, and the file matches too', async ({ page, context, request }) => {
	test.setTimeout(180_000);
	await seed(context, signer('Dana Reyes'));
	const asked: string[] = [];
	page.on('request', (r) => r.url().includes('/step-texts/') && asked.push(r.url()));
	for (const stage of ['preparation', 'validation', 'prep-for-upgrade', 'day-of-upgrade']) {
		await page.goto(`/stages/${stage}/`, { waitUntil: 'networkidle' });
		const numbers = await page.locator('section.step').evaluateAll((all) => all.map((el) => Number((el as HTMLElement).dataset.stepNumber)));
		for (const n of numbers) {
			await box(page, n).check();
			const panel = page.locator('dialog.signoff-dialog');
			await expect(panel).toBeVisible({ timeout: 15_000 });
			// Another role's step has no meaning set: one is chosen.
			const meaning = panel.getByLabel('What your signature means');
			if (!(await meaning.inputValue())) await meaning.selectOption('reviewed');
			await panel.getByRole('button', { name: 'Sign off' }).click();
			await expect(status(page, n)).toContainText('Done');
			const id = (await step(page, n).getAttribute('data-step-id'))!;
			const [event] = await storedEvents(page, id);
			expect(fingerprintText(String(event!.text)), `step ${n}`).toBe(await step(page, n).getAttribute('data-fingerprint'));
		}
	}
	expect(asked).toEqual([]);
	// The file, asked for when the page cannot give the text, holds the same texts.
	for (const stage of ['preparation', 'validation']) {
		const texts = (await (await request.get(`/step-texts/${stage}.json`)).json()) as Record<string, string>;
		await page.goto(`/stages/${stage}/`, { waitUntil: 'networkidle' });
		for (const [id, text] of Object.entries(texts)) {
			const [event] = await storedEvents(page, id);
			expect(text, id).toBe(event!.text);
		}
	}
});

test('the stage texts match the fingerprints of every stage page, so no stored sign-off reads as changed', async ({ page, request }) => {
	for (const stage of ['preparation', 'validation', 'prep-for-upgrade', 'day-of-upgrade']) {
		await page.goto(`/stages/${stage}/`);
		const texts = (await (await request.get(`/step-texts/${stage}.json`)).json()) as Record<string, string>;
		const rows = await page.locator('step-signoff').evaluateAll((all) => all.map((el) => [(el as HTMLElement).dataset.step!, (el as HTMLElement).dataset.fingerprint!]));
		expect(rows.length).toBeGreaterThan(0);
		expect(Object.keys(texts).sort()).toEqual(rows.map(([id]) => id).sort());
		for (const [id, fingerprint] of rows) expect(fingerprintText(texts[id!]!), id).toBe(fingerprint);
		await expect(page.locator('[data-text]')).toHaveCount(0);
	}
});
