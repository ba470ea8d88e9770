import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './site';

// Sign-off events as a signer makes them: who, for which side, with what meaning, and how they are withdrawn.

const STAGE = '/stages/preparation/';

test.use({ timezoneId: 'Europe/Berlin', locale: 'en-GB' });

const step = (page: Page, n: number) => page.locator(`section.step[data-step-number="${n}"]`);
const box = (page: Page, n: number) => page.getByRole('checkbox', { name: `Step ${n} done` });

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
	// A confirmation or a choice may be asked; answer it without changing the name.
	for (let i = 0; i < 3 && (await dialog.count()); i++) {
		const role = dialog.getByLabel(/Your role/);
		if ((await role.count()) && !(await role.inputValue())) await role.selectOption({ index: 1 });
		const meaning = dialog.getByLabel(/Meaning|Sign as/);
		if ((await meaning.count()) && !(await meaning.inputValue())) await meaning.selectOption({ index: 1 });
		await dialog.getByRole('button', { name: /Sign off|Sign/ }).first().click();
	}
	await expect.poll(async () => (await storedEvents(a, 2)).length).toBe(1);
	const [event] = await storedEvents(a, 2);
	expect(event!.by).toBe(shown);
	expect(errors).toEqual([]);
});
