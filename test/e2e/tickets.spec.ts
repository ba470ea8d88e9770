import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { collectErrors, openWithStorage, useTheme } from './site';

const fixtures = join(import.meta.dirname, '../fixtures/tickets');
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');
/** The golden VAL request as a download holds it: `Subject: …`, a blank line, then the body. */
const goldenFile = read('val-request.filled.golden.txt');
const [goldenSubject, golden] = [goldenFile.slice('Subject: '.length, goldenFile.indexOf('\n')), goldenFile.slice(goldenFile.indexOf('\n\n') + 2)];
const form: Record<string, unknown> = JSON.parse(read('val-request.form.json'));
const fixturePlan: Record<string, string | string[]> = JSON.parse(read('plan.json'));

const VAL = '/tickets/val-request/';
const preview = (page: Page) => page.locator('.tf-preview');
const head = (page: Page) => page.locator('[data-part=head]');
const copyBody = (page: Page) => page.getByRole('button', { name: 'Copy body' });
const field = (page: Page, name: string) => page.locator(`[data-field="${name}"]`);

/** The plan as the state core stores it: one `cup:plan:<field>` key per field, each `{"v":1,"value":"…"}`. */
function planEntries(plan: Record<string, string | string[]>): Record<string, string> {
	const entries: Record<string, string> = {};
	for (const [key, value] of Object.entries(plan)) {
		entries[`cup:plan:${key}`] = JSON.stringify({ v: 1, value: Array.isArray(value) ? value.join(', ') : value });
	}
	return entries;
}

/** Opens a page with the fixture plan already saved in the browser, as if entered earlier with the other tools. */
async function openWithPlan(page: Page, path = VAL, plan = fixturePlan) {
	await openWithStorage(page, path, planEntries(plan));
	await expect(page.locator('ticket-form .tf-app')).toBeVisible();
}

/** Types a list the way the form asks: one item per line, an item's later lines indented. */
const listTyping = (items: string[]) => items.map((item) => item.split('\n').join('\n  ')).join('\n');

/** Fills the VAL form with the fixture answers through its controls, as a person would. */
async function fillForm(page: Page, values: Record<string, unknown>) {
	for (const [name, value] of Object.entries(values)) {
		const box = field(page, name);
		if (typeof value === 'boolean') {
			await box.getByRole('radio', { name: value ? 'Yes' : 'No', exact: true }).check();
		} else if (Array.isArray(value)) {
			await page.locator(`#tf-${name}`).fill(listTyping(value as string[]));
		} else if (typeof value === 'object' && value !== null) {
			const range = value as { start: string; end: string };
			await box.getByLabel('Start date').fill(range.start);
			await box.getByLabel('End date').fill(range.end);
		} else if ((await box.locator('input[type=radio]').count()) > 0) {
			await box.locator(`input[type=radio][value="${String(value)}"]`).check();
		} else {
			await page.locator(`#tf-${name}`).fill(String(value));
		}
	}
}

test.describe('the VAL request generator', () => {
	test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

	test('the filled form previews the golden ticket, and copies its subject and its body separately', async ({ page }) => {
		const errors = collectErrors(page);
		await openWithPlan(page);
		await fillForm(page, form);
		await expect(page.getByRole('heading', { name: 'New ticket' })).toBeVisible();
		await expect.poll(() => preview(page).textContent()).toBe(golden);
		await expect(head(page)).toHaveText(goldenSubject);
		expect(golden.startsWith('Subject:')).toBe(false);
		await page.getByRole('button', { name: 'Copy subject' }).click();
		await expect(page.getByRole('status')).toContainText('Copied the subject');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(goldenSubject);
		await copyBody(page).click();
		await expect(page.getByRole('status')).toContainText('Copied the body');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(golden);
		expect(errors).toEqual([]);
	});

	test('Download saves a .txt named after the template, the site and the day, holding the preview', async ({ page }) => {
		await openWithPlan(page);
		await fillForm(page, form);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .txt' }).click()]);
		expect(download.suggestedFilename()).toMatch(/^val-request-northfield-clinical-research-unit-\d{4}-\d{2}-\d{2}\.txt$/);
		// A new ticket's file holds its subject line, then the body as previewed.
		expect(readFileSync(await download.path(), 'utf8')).toBe(`Subject: ${await head(page).textContent()}\n\n${await preview(page).textContent()}`);
		expect(readFileSync(await download.path(), 'utf8')).toBe(goldenFile);
	});

	test('a missing required field blocks copying, with its message beside it', async ({ page }) => {
		await openWithPlan(page);
		await fillForm(page, { ...form, contact_name: '' });
		await page.evaluate(() => navigator.clipboard.writeText('left alone'));
		await copyBody(page).click();

		const input = page.locator('#tf-contact_name');
		const message = page.locator('#tf-contact_name-error');
		await expect(input).toHaveAttribute('aria-invalid', 'true');
		await expect(message).toHaveText('Fill in this field.');
		await expect(input).toHaveAccessibleDescription(/Fill in this field\./);
		// Beside the field: in the field's own box, straight under its input.
		await expect(field(page, 'contact_name').locator('.tf-error')).toHaveText('Fill in this field.');
		const [inputBox, messageBox] = [await input.boundingBox(), await message.boundingBox()];
		expect(messageBox!.y - (inputBox!.y + inputBox!.height)).toBeLessThan(16);
		expect(Math.abs(messageBox!.x - inputBox!.x)).toBeLessThan(4);
		// Only that field is marked, the status says why nothing was copied, and the clipboard is untouched.
		await expect(page.locator('.tf-form [aria-invalid="true"]')).toHaveCount(1);
		await expect(input).toBeFocused();
		await expect(page.getByRole('status')).toHaveText('Not ready to copy: one answer needs attention (Contact person). Each problem is shown beside its field.');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('left alone');

		// Filling the field clears its mark, and copying then goes through.
		await input.fill('Dana Whitfield');
		await expect(input).not.toHaveAttribute('aria-invalid', /.*/);
		await expect(message).toHaveText('');
		await copyBody(page).click();
		// Copying is asynchronous (its code may still be loading): wait for it, as a reader would.
		await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(golden);
	});

	test('a condition makes a field required: keeping named configurations needs their names', async ({ page }) => {
		await openWithPlan(page);
		await fillForm(page, { ...form, kept_configurations: [] });
		await expect(field(page, 'kept_configurations').locator('.tf-required')).toBeVisible();
		await copyBody(page).click();
		await expect(page.locator('#tf-kept_configurations-error')).toHaveText('Add at least one item.');
		await field(page, 'config_approach').locator('input[value=synchronize_all]').check();
		await expect(field(page, 'kept_configurations').locator('.tf-required')).toBeHidden();
		await expect(page.locator('#tf-kept_configurations-error')).toHaveText('');
	});

	test('a malformed version is explained when the field is left, before any copying', async ({ page }) => {
		await openWithPlan(page);
		const version = page.locator('#tf-target_version');
		await version.fill('v24.1');
		await version.blur();
		await expect(page.locator('#tf-target_version-error')).toHaveText('Leave out the leading "v": write 24.1, not v24.1.');
		// An empty field that was only passed through is not flagged.
		await page.locator('#tf-contact_name').focus();
		await page.locator('#tf-contact_name').blur();
		await expect(page.locator('#tf-contact_name-error')).toHaveText('');
	});

	test('a draft survives a reload, even straight after typing', async ({ page }) => {
		await openWithPlan(page);
		await fillForm(page, { contact_name: 'Dana Whitfield', sso_in_val: true, val_pair: 'create', validation: { start: '2025-06-02', end: '2025-08-29' } });
		await page.locator('#tf-special_considerations').fill('Line one\nLine two');
		await page.reload();
		await expect(page.locator('#tf-contact_name')).toHaveValue('Dana Whitfield');
		await expect(page.locator('#tf-special_considerations')).toHaveValue('Line one\nLine two');
		await expect(field(page, 'sso_in_val').getByRole('radio', { name: 'Yes', exact: true })).toBeChecked();
		await expect(field(page, 'val_pair').locator('input[value=create]')).toBeChecked();
		await expect(page.locator('#tf-validation-end')).toHaveValue('2025-08-29');
		await expect(preview(page)).toContainText('Name: Dana Whitfield');
		const draft = await page.evaluate(() => JSON.parse(localStorage.getItem('cup:draft:val-request') ?? 'null'));
		expect(draft).toMatchObject({ v: 1, values: { contact_name: 'Dana Whitfield', sso_in_val: true } });
		// Another template keeps its own draft.
		await page.goto('/tickets/intent-to-upgrade/');
		await expect(page.locator('#tf-contact_name')).toHaveValue('');
	});

	test('Clear empties the form and forgets its draft, after asking; plan answers stay', async ({ page }) => {
		await openWithPlan(page);
		await fillForm(page, { contact_name: 'Dana Whitfield', sso_in_val: false });
		await page.getByRole('button', { name: 'Clear form' }).click();
		await page.getByRole('button', { name: 'Keep my answers' }).click();
		await expect(page.locator('#tf-contact_name')).toHaveValue('Dana Whitfield');
		await page.getByRole('button', { name: 'Clear form' }).click();
		await expect(page.getByRole('group', { name: /Clear every answer/ })).toBeVisible();
		await page.getByRole('button', { name: 'Clear the form' }).click();
		await expect(page.locator('#tf-contact_name')).toHaveValue('');
		await expect(field(page, 'sso_in_val').getByRole('radio', { name: 'No', exact: true })).not.toBeChecked();
		await expect(page.locator('#tf-site')).toHaveValue('Northfield Clinical Research Unit');
		await expect(page.getByRole('button', { name: 'Clear form' })).toBeFocused();
		expect(await page.evaluate(() => localStorage.getItem('cup:draft:val-request'))).toBeNull();
		await page.reload();
		await expect(page.locator('#tf-contact_name')).toHaveValue('');
	});

	test('what a user types shows literally: markup, script, emoji, long text and line breaks', async ({ page }) => {
		const dialogs: string[] = [];
		page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		await openWithPlan(page);
		await fillForm(page, form);
		const script = '<script>alert(1)</script>';
		const long = `${'x'.repeat(3000)} 🚀👩🏽‍🔬 <img src=x onerror=alert(2)>`;
		await page.locator('#tf-contact_name').fill(script);
		await page.locator('#tf-special_considerations').fill(`${long}\nSubject: fake\n{{site}}`);
		const text = (await preview(page).textContent()) ?? '';
		expect(text).toContain(`Name: ${script}\n`);
		expect(text).toContain(`Thank you,\n${script}\n`);
		expect(text).toContain(`Other considerations\n  ${long}\n  Subject: fake\n  {{site}}\n`);
		await expect(preview(page).locator('*')).toHaveCount(0);
		await expect(page.locator('img[src=x]')).toHaveCount(0);
		// Long text wraps inside the preview rather than widening the page.
		const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: innerWidth }));
		expect(widths.doc).toBeLessThanOrEqual(widths.view);
		await copyBody(page).click();
		await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(text);
		await page.reload();
		await expect(page.locator('#tf-contact_name')).toHaveValue(script);
		expect(dialogs).toEqual([]);
	});

	test('when the clipboard is refused, the text is selected and the reader is told to press Ctrl+C', async ({ page }) => {
		await page.addInitScript(() => {
			Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) } });
		});
		await openWithPlan(page);
		await fillForm(page, form);
		await copyBody(page).click();
		await expect(page.getByRole('status')).toContainText('press Ctrl+C');
		// A selection leaves out the final line break of the preformatted text; the ticket loses nothing by it.
		expect(await page.evaluate(() => getSelection()?.toString())).toBe(golden.trimEnd());
		await expect(preview(page)).toBeFocused();
	});
});

test.describe('the plan and the form stay in sync', () => {
	test('versions and the other plan answers stored in the plan appear in the form, with the reading list', async ({ page }) => {
		await openWithPlan(page);
		await expect(page.locator('#tf-current_version')).toHaveValue('22.3');
		await expect(page.locator('#tf-target_version')).toHaveValue('24.1');
		await expect(page.locator('#tf-site')).toHaveValue('Northfield Clinical Research Unit');
		await expect(page.locator('#tf-prod_instances')).toHaveValue('northfield-prod-main, northfield-prod-test');
		await expect(page.locator('#tf-prod_upgrade_date')).toHaveValue('2025-09-16');
		await expect(page.locator('#tf-reading_list')).toHaveValue(['23.1', '23.3', '24.1'].map((v) => `${v} – release notes and technical file`).join('\n'));
		// The versions the catalogue lacks inside the range are named too (23.2 lies between 23.1 and 23.3).
		await expect(page.locator('#tf-catalogue_gaps')).toHaveValue(/^23\.2 \(between 23\.1 and 23\.3\)$/m);
		// Each field the plan fills is marked, and the form says once what the mark means.
		await expect(page.locator('label[for="tf-target_version"]')).toContainText('(from your plan)');
		await expect(page.locator('.tf-intro')).toContainText('Answers marked (from your plan) fill every ticket');
	});

	test('a version typed in the form is saved to the plan and shows in another ticket and another tab', async ({ page, context }) => {
		await openWithPlan(page);
		const other = await context.newPage();
		await other.goto('/tickets/intent-to-upgrade/');
		await expect(other.locator('#tf-target_version')).toHaveValue('24.1');

		await page.locator('#tf-target_version').fill('24.2');
		await expect(page.locator('#tf-reading_list')).toHaveValue(
			['23.1', '23.3', '24.1', '24.2'].map((v) => `${v} – release notes and technical file`).join('\n'),
		);
		expect(await page.evaluate(() => localStorage.getItem('cup:plan:targetVersion'))).toBe('{"v":1,"value":"24.2"}');
		// The other tab follows through the storage event, without a reload.
		await expect(other.locator('#tf-target_version')).toHaveValue('24.2');
		await expect(other.locator('[data-part=head]')).toContainText('from 22.3 to 24.2');
		await page.goto('/tickets/prod-upgrade-request/');
		await expect(page.locator('#tf-target_version')).toHaveValue('24.2');
	});

	test('a plan changed elsewhere updates the open form', async ({ page, context }) => {
		await openWithPlan(page);
		const other = await context.newPage();
		await other.goto('/tickets/intent-to-upgrade/');
		await other.locator('#tf-site').fill('Southgate Unit');
		await expect(page.locator('#tf-site')).toHaveValue('Southgate Unit');
		await expect(head(page)).toContainText('– Southgate Unit');
		await expect(preview(page)).toContainText('Southgate Unit is preparing to upgrade');
	});

	test('a plan change elsewhere leaves alone the draft answers the plan does not hold', async ({ page, context }) => {
		await page.goto(VAL);
		await page.evaluate(() => {
			localStorage.clear();
			const draft = { v: 1, values: { site: 'Draft site', contact_name: 'Dana' }, savedAt: '2025-05-01T09:00:00.000Z' };
			localStorage.setItem('cup:draft:val-request', JSON.stringify(draft));
		});
		await page.reload();
		await expect(page.locator('#tf-site')).toHaveValue('Draft site');
		const other = await context.newPage();
		await other.goto('/tickets/intent-to-upgrade/');
		await other.locator('#tf-target_version').fill('24.2');
		await expect(page.locator('#tf-target_version')).toHaveValue('24.2');
		await expect(page.locator('#tf-site')).toHaveValue('Draft site');
		await expect(page.locator('#tf-contact_name')).toHaveValue('Dana');
	});
});

test('a notice says the draft will not be kept when the browser refuses storage', async ({ page }) => {
	await page.addInitScript(() => {
		Storage.prototype.setItem = () => {
			throw new DOMException('The operation is insecure.', 'SecurityError');
		};
	});
	await page.goto(VAL);
	const notice = page.locator('[data-storage-notice]');
	await expect(notice).toBeVisible();
	await expect(notice).toContainText('Progress will not be kept');
	await expect(notice).toContainText('Copy or download the ticket before you leave this page.');
	// The form still works from memory.
	await page.locator('#tf-contact_name').fill('Dana');
	await expect(preview(page)).toContainText('Name: Dana');
});

test('a spoiled draft is set aside, not lost, and the page says so', async ({ page }) => {
	const spoiled = '{"v":1,"values": oops';
	await page.goto(VAL);
	await page.evaluate((text) => localStorage.setItem('cup:draft:val-request', text), spoiled);
	await page.reload();
	await expect(page.locator('[data-storage-problems]')).toContainText('set aside, unchanged');
	expect(await page.evaluate(() => localStorage.getItem('cup:quarantine:cup:draft:val-request'))).toBe(spoiled);
	// The form starts afresh and works.
	await page.locator('#tf-contact_name').fill('Dana');
	await expect(preview(page)).toContainText('Name: Dana');
});

test.describe('accessibility', () => {
	for (const theme of ['light', 'dark'] as const) {
		test(`the VAL page has no axe violation in the ${theme} theme, with errors showing too`, async ({ page }) => {
			// Two full axe runs over the longest form of the site.
			test.slow();
			await useTheme(page, theme);
			await openWithPlan(page);
			await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
			const violations = async () =>
				(await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
			expect(await violations()).toEqual([]);
			await page.locator('#tf-target_version').fill('v24');
			await copyBody(page).click();
			await expect(page.locator('.tf-form [aria-invalid="true"]').first()).toBeVisible();
			await page.getByRole('button', { name: 'Clear form' }).click();
			expect(await violations()).toEqual([]);
		});
	}

	test('keyboard only: Tab goes through every field of the VAL form, in order, to Copy', async ({ page }) => {
		await openWithPlan(page);
		const names = await page.locator('.tf-form [data-field]').evaluateAll((boxes) => boxes.map((box) => (box as HTMLElement).dataset.field));
		await page.locator('.tf-intro').click();
		const visited: string[] = [];
		for (let i = 0; i < 80; i++) {
			await page.keyboard.press('Tab');
			const focus = await page.evaluate(() => {
				const el = document.activeElement as HTMLElement;
				return { field: el.closest<HTMLElement>('[data-field]')?.dataset.field, text: el.textContent?.trim() ?? '' };
			});
			if (focus.field !== undefined && visited.at(-1) !== focus.field) visited.push(focus.field);
			if (focus.text === 'Copy body') break;
		}
		expect(visited).toEqual(names);
		await expect(copyBody(page)).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('status')).toContainText('Not ready to copy');
		// The first answer to give gets the focus.
		await expect(page.locator('#tf-contact_name')).toBeFocused();
		// Yes/no and choices answer with the arrow keys.
		await page.locator('#tf-sso_in_val').focus();
		await page.keyboard.press('ArrowRight');
		await expect(field(page, 'sso_in_val').getByRole('radio', { name: 'No', exact: true })).toBeChecked();
	});

	test('every control has a visible label and its help is its description', async ({ page }) => {
		await page.goto(VAL);
		await expect(page.getByLabel('Contact person')).toHaveAccessibleDescription(/The person IQVIA should reach about this request\./);
		await expect(page.getByRole('radiogroup', { name: /Single sign-on/ })).toBeVisible();
		await expect(page.getByRole('group', { name: /Validation period/ })).toBeVisible();
		await expect(page.getByLabel('Configurations not to be updated to the latest')).toHaveAccessibleDescription(/One per line\. Indent a line/);
		// The one default answer cites the plan step and words it comes from.
		await expect(page.getByRole('radiogroup', { name: /Report and dashboard configurations/ })).toHaveAccessibleDescription(/step 5 of the plan says “Typically, our approach is…”/);
		await expect(page.locator('#tf-contact_name')).toHaveAttribute('aria-required', 'true');
	});
});

test.describe('pages and links', () => {
	test('the tickets page groups the templates by who sends them and at which step, each linked to its generator and its steps', async ({ page }) => {
		await page.goto('/tickets/');
		const groups = page.locator('.ticket-group h2');
		await expect(groups).toHaveText(['Sent by the Customer', 'Sent by the IQVIA PM', 'Sent by the IQVIA Engineer']);
		const hrefs = await page.locator('.ticket-link').evaluateAll((els) => els.map((el) => el.getAttribute('href')));
		expect([...new Set(hrefs)].sort()).toEqual(
			[
				'go-no-go',
				'intent-to-upgrade',
				'prod-main-upgraded',
				'prod-slot-proposed',
				'prod-test-upgraded',
				'prod-upgrade-request',
				'upgrade-closure',
				'upgrade-go-ahead',
				'val-access-confirmed',
				'val-provided',
				'val-request',
				'validation-complete',
				'validation-issue',
			].map((id) => `/tickets/${id}/`),
		);
		// IQVIA's messages sit at their steps: the engineer's at 6, 22 and 26, the PM's at 7 and 16.
		const engineer = page.locator('.ticket-group').filter({ has: page.getByRole('heading', { name: 'Sent by the IQVIA Engineer' }) });
		expect(await engineer.locator('li[data-step]').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.step))).toEqual(['6', '22', '26']);
		const step5 = page.locator('.ticket-group li[data-step="5"]');
		await expect(step5.getByRole('link', { name: /Step 5/ })).toHaveAttribute('href', '/stages/preparation/#step-5');
		await expect(page.locator('li[data-step="24"] .ticket-kind')).toHaveText('update');
		await step5.getByRole('link', { name: 'Request VAL instances for the upgrade' }).click();
		await expect(page).toHaveURL(/\/tickets\/val-request\/$/);
	});

	test('the tickets page has no axe violation', async ({ page }) => {
		await page.goto('/tickets/');
		const violations = (await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id);
		expect(violations).toEqual([]);
	});

	test('steps 4 and 5 on the Preparation page are one click from the VAL generator, and back', async ({ page }) => {
		for (const step of [4, 5]) {
			await page.goto(`/stages/preparation/#step-${step}`);
			await page.locator(`section.step[data-step-number="${step}"]`).getByRole('link', { name: /Request VAL instances for the upgrade/ }).click();
			await expect(page).toHaveURL(/\/tickets\/val-request\/$/);
			await page.getByRole('link', { name: `step ${step}: ${step === 4 ? 'Ask for a formal VAL request' : 'Raise the VAL request ticket'}` }).click();
			await expect(page).toHaveURL(new RegExp(`/stages/preparation/#step-${step}$`));
			await expect(page.locator(`#step-${step}`)).toBeInViewport();
		}
	});

	test('with JavaScript off, the fields and the ticket text are there to write by hand', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(VAL);
		// Playwright's text search skips <noscript>, so the note is found by its element.
		const note = page.locator('noscript .tf-notice');
		await expect(note).toBeVisible();
		await expect(note).toContainText('The live ticket generator needs JavaScript');
		await expect(page.locator('.tf-app')).toBeHidden();
		const byHand = page.locator('.tf-by-hand');
		await expect(byHand).toHaveAttribute('open', '');
		await expect(byHand.locator('dt', { hasText: 'Validation period' })).toBeVisible();
		await expect(byHand).toContainText('A new ticket. Its subject: VAL instances for the ClinSpark {{target_version}} upgrade – {{site}}');
		await expect(byHand.locator('.tf-template')).toContainText('{{#build_known.not_known}}');
		await context.close();
	});

	test('with JavaScript on, the hand-written version is folded away', async ({ page }) => {
		await page.goto(VAL);
		await expect(page.locator('.tf-by-hand')).not.toHaveAttribute('open', /.*/);
		await expect(page.locator('.tf-preview')).toContainText('Hello IQVIA Service Desk,');
	});
});

test.describe('what a ticket may say, and when', () => {
	test.use({ permissions: ['clipboard-read', 'clipboard-write'], timezoneId: 'Europe/London' });

	test('an untouched form shows bracketed placeholders, never a broken sentence, and cannot be copied', async ({ page }) => {
		await page.goto(VAL);
		await page.evaluate(() => localStorage.clear());
		await page.reload();
		await expect(preview(page)).toContainText('[site] is preparing to upgrade ClinSpark from [current version] to [target version].');
		await expect(preview(page)).toContainText('SAS programs process or analyse our reports or exports: [not answered]');
		await expect(head(page)).toHaveText('VAL instances for the ClinSpark [target version] upgrade – [site]');
		expect(await preview(page).textContent()).not.toMatch(/from {2}to|\S {2,}\S| \./);
		await page.evaluate(() => navigator.clipboard.writeText('left alone'));
		await copyBody(page).click();
		await expect(page.getByRole('status')).toContainText('Not ready to copy');
		await expect(page.getByRole('status')).toContainText('SAS programs process or analyse our reports or exports');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('left alone');
	});

	test('an update shows the ticket it belongs to: its reference and its body copy separately, and the download holds both', async ({ page }) => {
		await openWithPlan(page, '/tickets/go-no-go/');
		await expect(page.getByRole('heading', { name: 'Update to an existing ticket' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Ticket to update' })).toBeVisible();
		await field(page, 'decision').locator('input[value=go]').check();
		await field(page, 'checks_done').getByRole('radio', { name: 'Yes', exact: true }).check();
		await page.locator('#tf-decided_by').fill('Priya Nair, customer PM\nTom Eriksen, QA lead');
		await page.locator('#tf-decided_at').fill('2025-09-16T14:40');
		const file = read('go-no-go.go-confirmed.golden.txt');
		await expect(head(page)).toHaveText('FHSD-4721');
		await expect.poll(() => preview(page).textContent()).toBe(file.slice(file.indexOf('\n\n') + 2));
		await page.getByRole('button', { name: 'Copy ticket reference' }).click();
		await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('FHSD-4721');
		await copyBody(page).click();
		await expect(page.getByRole('status')).toContainText('Copied the body');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await preview(page).textContent());
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .txt' }).click()]);
		expect(download.suggestedFilename()).toMatch(/^go-no-go-northfield-clinical-research-unit-\d{4}-\d{2}-\d{2}\.txt$/);
		expect(readFileSync(await download.path(), 'utf8')).toBe(file);
	});

	test('Go without the confirmation that defines it gives no body: Copy and Download say why and link steps 23 and 24', async ({ page }) => {
		await openWithPlan(page, '/tickets/go-no-go/');
		await field(page, 'decision').locator('input[value=go]').check();
		await page.locator('#tf-decided_by').fill('Priya Nair');
		await page.locator('#tf-decided_at').fill('2025-09-16T14:40');
		const notice = page.locator('.tf-blocked:visible');
		await expect(notice).toContainText('Go needs the confirmation that defines it');
		await expect(notice.getByRole('link', { name: /step 23/ })).toHaveAttribute('href', '/stages/day-of-upgrade/#step-23');
		await expect(notice.getByRole('link', { name: /step 24/ })).toHaveAttribute('href', '/stages/day-of-upgrade/#step-24');
		await expect(preview(page)).toBeHidden();
		await page.evaluate(() => navigator.clipboard.writeText('left alone'));
		await copyBody(page).click();
		await expect(page.getByRole('status')).toContainText('Not ready to copy: Go needs the confirmation');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('left alone');
		await field(page, 'checks_done').getByRole('radio', { name: 'No', exact: true }).check();
		await expect(notice).toBeVisible();
		// Only an explicit No-Go gives the No-Go body.
		await field(page, 'decision').locator('input[value=no_go]').check();
		await expect(page.locator('.tf-blocked:visible')).toHaveCount(0);
		await expect(preview(page)).toContainText('Our decision: No-Go.');
		await expect(preview(page)).toContainText('re-installing the backup');
		await expect(preview(page)).toContainText('Decided on: 2025-09-16 14:40 (UTC+01:00) · 13:40 UTC');
	});

	test('a PROD upgrade request while validation is not complete gives no request, and links step 12', async ({ page }) => {
		await openWithPlan(page, '/tickets/prod-upgrade-request/');
		await field(page, 'validation_complete').getByRole('radio', { name: 'No', exact: true }).check();
		const notice = page.locator('.tf-blocked:visible');
		await expect(notice).toContainText('Until then there is no scheduling request.');
		await expect(notice.getByRole('link', { name: /step 12/ })).toHaveAttribute('href', '/stages/validation/#step-12');
		await expect(preview(page)).toBeHidden();
		await expect(head(page)).toBeHidden();
		await field(page, 'validation_complete').getByRole('radio', { name: 'Yes', exact: true }).check();
		await expect(preview(page)).toContainText('Our validation in VAL is complete');
	});
});
