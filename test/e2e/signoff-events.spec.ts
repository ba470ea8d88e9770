import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './site';

// Sign-off events as a signer makes them: who, for which side, with what meaning, and how they are withdrawn.

const STAGE = '/stages/preparation/';

test.use({ timezoneId: 'Europe/Berlin', locale: 'en-GB' });

const step = (page: Page, n: number) => page.locator(`section.step[data-step-number="${n}"]`);
const box = (page: Page, n: number) => page.getByRole('checkbox', { name: `Step ${n} done` });
const panel = (page: Page) => page.locator('dialog.signoff-dialog');

/** The sign-off events stored for a step number, as the state core wrote them, oldest first by sequence. */
async function storedEvents(page: Page, n: number): Promise<Record<string, unknown>[]> {
	const id = await step(page, n).getAttribute('data-step-id');
	return page.evaluate((stepId) => {
		const found: Record<string, unknown>[] = [];
		for (let i = 0; i < localStorage.length; i++) {
			const key = localStorage.key(i)!;
			if (key.startsWith(`cup:signoff:${stepId}:`)) found.push(JSON.parse(localStorage.getItem(key)!));
		}
		return found.sort((a, b) => Number(a.seq ?? 0) - Number(b.seq ?? 0));
	}, id);
}

test('issue 12 item 8: the name shown is the name recorded, when another tab changes it', async ({ context }) => {
	const a = await context.newPage();
	const errors = collectErrors(a);
	await a.goto(STAGE, { waitUntil: 'networkidle' });
	const nameA = a.getByLabel('Your name, for sign-offs');
	await nameA.fill('A');
	await nameA.focus();

	const b = await context.newPage();
	await b.goto(STAGE, { waitUntil: 'networkidle' });
	await b.getByLabel('Your name, for sign-offs').fill('B');
	await b.close();

	await a.bringToFront();
	// Whatever the box reads in tab A is the name the next tick records there.
	await expect.poll(async () => a.evaluate(() => localStorage.getItem('cup:signer'))).toContain('"B"');
	const shown = await nameA.inputValue();
	await box(a, 2).click();
	const dialog = a.locator('dialog[open]');
	// The signing code loads on use: wait for its question, or for the event when none is asked.
	await expect.poll(async () => (await dialog.count()) > 0 || (await storedEvents(a, 2)).length > 0).toBe(true);
	// A confirmation or a choice may be asked; answer it without changing the name.
	for (let i = 0; i < 3 && (await dialog.count()); i++) {
		const role = dialog.getByLabel(/Your role/);
		if ((await role.count()) && !(await role.inputValue())) await role.selectOption({ index: 1 });
		const meaning = dialog.getByLabel(/Meaning|Sign as|signature means/);
		if ((await meaning.count()) && !(await meaning.inputValue())) await meaning.selectOption({ index: 1 });
		await dialog.getByRole('button', { name: /Sign off|Sign/ }).first().click();
	}
	await expect.poll(async () => (await storedEvents(a, 2)).length).toBe(1);
	const [event] = await storedEvents(a, 2);
	expect(event!.by).toBe(shown);
	expect(errors).toEqual([]);
});

/** Sets this browser's signer before the page opens: name and role, as the checklist bar stores them. */
async function signAs(page: Page, name: string, role: string) {
	await page.addInitScript(
		([n, r]) => {
			if (!localStorage.getItem('cup:signer')) localStorage.setItem('cup:signer', JSON.stringify({ v: 2, name: n, role: r }));
		},
		[name, role],
	);
}

test('issue 14: a Customer signs step 5 as approved, step 1 as performed, and another role\'s step 6 only after confirming', async ({ page }) => {
	const errors = collectErrors(page);
	await signAs(page, 'Dana Reyes', 'customer');
	await page.goto(STAGE, { waitUntil: 'networkidle' });
	await expect(page.getByLabel('Your role, for sign-offs')).toHaveValue('customer');

	// Step 5 is a customer step: the panel starts on "performed"; the signer changes it to "approved" for this sign-off only.
	await box(page, 5).click();
	await expect(panel(page).getByLabel('What your signature means')).toHaveValue('performed');
	await panel(page).getByLabel('What your signature means').selectOption('approved');
	await panel(page).getByRole('button', { name: 'Sign off' }).click();
	await expect(box(page, 5)).toBeChecked();
	await expect(step(page, 5).locator('[data-ref="status"]')).toContainText('Dana Reyes, Customer (approved)');

	// Step 1 is a customer step too: "performed" unless changed, whatever step 5 was signed as.
	await box(page, 1).click();
	await expect(panel(page).getByLabel('What your signature means')).toHaveValue('performed');
	await panel(page).getByRole('button', { name: 'Sign off' }).click();
	await expect(box(page, 1)).toBeChecked();
	const [first] = await storedEvents(page, 1);
	expect(first).toMatchObject({ v: 2, kind: 'signed', by: 'Dana Reyes', role: 'customer', meaning: 'performed', seq: 2 });
	expect(first).not.toHaveProperty('otherRole');

	// Step 6 is the IQVIA Engineer's: no meaning is preset, and the panel asks to confirm, with the meaning chosen there.
	await box(page, 6).click();
	const dialog = page.locator('dialog.signoff-dialog');
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText('IQVIA Engineer');
	await expect(dialog.getByRole('heading')).toHaveText('Sign step 6 for another role?');
	await expect(dialog.getByLabel('What your signature means')).toHaveValue('');
	// No meaning nobody chose: without one the panel does not sign.
	await dialog.getByRole('button', { name: 'Sign off' }).click();
	await expect(dialog).toBeVisible();
	await dialog.getByLabel('What your signature means').selectOption('reviewed');
	await dialog.getByRole('button', { name: 'Sign off' }).click();
	await expect(dialog).toBeHidden();
	await expect(box(page, 6)).toBeChecked();
	const [sixth] = await storedEvents(page, 6);
	expect(sixth).toMatchObject({ kind: 'signed', role: 'customer', meaning: 'reviewed', otherRole: true });
	expect(errors).toEqual([]);
});

test('issue 14: cancelling the confirmation for another role\'s step signs nothing', async ({ page }) => {
	await signAs(page, 'Dana Reyes', 'customer');
	await page.goto(STAGE, { waitUntil: 'networkidle' });
	await box(page, 6).click();
	const dialog = page.locator('dialog.signoff-dialog');
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(box(page, 6)).not.toBeChecked();
	expect(await storedEvents(page, 6)).toEqual([]);
});

test('issue 14: unticking asks which sign-off is withdrawn and why; the history shows both events, the withdrawn one struck through', async ({ page }) => {
	const errors = collectErrors(page);
	await signAs(page, 'Dana Reyes', 'customer');
	await page.goto(STAGE, { waitUntil: 'networkidle' });
	await box(page, 1).click();
	await panel(page).getByLabel(/Comment/).fill('VAL-1234');
	await panel(page).getByRole('button', { name: 'Sign off' }).click();
	await expect(panel(page)).toBeHidden();
	await expect(box(page, 1)).toBeChecked();
	await box(page, 1).click();
	const dialog = page.locator('dialog.signoff-dialog');
	await expect(dialog).toBeVisible();
	// The one standing sign-off is chosen by default; a reason is required.
	await expect(dialog.getByRole('radio')).toHaveCount(1);
	await expect(dialog.getByRole('radio')).toBeChecked();
	await dialog.getByRole('button', { name: 'Withdraw' }).click();
	await expect(dialog).toBeVisible();
	await dialog.getByLabel('Reason').fill('Ticked before the notes were read');
	await dialog.getByRole('button', { name: 'Withdraw' }).click();
	await expect(dialog).toBeHidden();
	await expect(box(page, 1)).not.toBeChecked();

	const events = await storedEvents(page, 1);
	expect(events.map((e) => e.kind)).toEqual(['signed', 'withdrawn']);
	expect(events[1]).toMatchObject({ withdraws: expect.any(String), reason: 'Ticked before the notes were read', role: 'customer' });

	const details = step(page, 1).locator('details.signoff-details');
	await details.locator('summary').click();
	const history = details.locator('.signoff-history');
	await expect(history.locator('li')).toHaveCount(2);
	await expect(history.locator('li s')).toHaveCount(1);
	await expect(history.locator('li').nth(1)).toContainText('Signed by Dana Reyes, Customer (performed)');
	await expect(history.locator('li').nth(1)).toContainText('Withdrawn by Dana Reyes, Customer');
	await expect(history.locator('li').nth(1)).toContainText('Ticked before the notes were read');
	await expect(history.locator('li').nth(1)).toContainText('Comment: VAL-1234');
	await expect(history.locator('li').first()).toContainText('Withdrew a sign-off');
	// Times are shown as everywhere on the site: local time with the offset, then UTC.
	await expect(history.locator('time').first()).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d \(UTC\+0[12]:00\) · \d\d:\d\d UTC$/);
	expect(errors).toEqual([]);
});

test('issue 14: "not applicable" closes a step with a reason and counts in progress', async ({ page }) => {
	await signAs(page, 'Dana Reyes', 'customer');
	await page.goto(STAGE, { waitUntil: 'networkidle' });
	const count = page.locator('checklist-bar [data-ref="count"]');
	const before = await count.textContent();
	// With the history, under the step's Details.
	await expect(step(page, 2).getByRole('button', { name: 'Not applicable…' })).toBeHidden();
	await step(page, 2).locator('details.signoff-details summary').click();
	await step(page, 2).getByRole('button', { name: 'Not applicable…' }).click();
	const dialog = page.locator('dialog.signoff-dialog');
	await dialog.getByLabel('Reason').fill('No integrations at this site');
	await dialog.getByRole('button', { name: 'Mark not applicable' }).click();
	await expect(step(page, 2).locator('[data-ref="status"]')).toContainText('Not applicable');
	await expect(step(page, 2).locator('[data-ref="status"]')).toContainText('No integrations at this site');
	await expect(count).toContainText('1 of');
	await expect(count).toContainText('(1 not applicable)');
	expect(before).toMatch(/^0 of/);
	const [na] = await storedEvents(page, 2);
	expect(na).toMatchObject({ kind: 'not-applicable', reason: 'No integrations at this site', role: 'customer' });
});

test('a first sign-off asks for the name and the role, and keeps both for this browser', async ({ page }) => {
	await page.goto(STAGE, { waitUntil: 'networkidle' });
	await box(page, 1).click();
	const dialog = page.locator('dialog.signer-dialog').first();
	await dialog.getByLabel('Your name').fill('Sam Lee');
	await dialog.getByLabel('Your role').selectOption({ label: 'Customer' });
	await dialog.getByRole('button', { name: 'Sign off' }).click();
	await panel(page).getByRole('button', { name: 'Sign off' }).click();
	await expect(box(page, 1)).toBeChecked();
	expect(JSON.parse((await page.evaluate(() => localStorage.getItem('cup:signer')))!)).toEqual({ v: 2, name: 'Sam Lee', role: 'customer' });
	const [event] = await storedEvents(page, 1);
	expect(event).toMatchObject({ by: 'Sam Lee', role: 'customer', meaning: 'performed' });
});
