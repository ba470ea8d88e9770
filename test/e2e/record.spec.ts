import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { fingerprintText } from '../../src/state/fingerprint';
import { collectErrors, openWithStorage, useTheme } from './site';

const PATH = '/record/';
const v1 = (value: object) => JSON.stringify({ v: 1, ...value });
const event = (step: string, at: string, by = 'Dana Reyes', done = true) => ({
	step,
	done,
	by,
	meaning: 'performed',
	at,
	comment: '',
	fingerprint: fingerprintText(`The text of ${step} as signed.`),
	text: `The text of ${step} as signed.`,
});

/** A record of every kind of state, in the exact text the state modules store. */
const SEED: Record<string, string> = {
	'cup:plan:site': v1({ value: 'Acme Research' }),
	'cup:plan:targetVersion': v1({ value: '24.2' }),
	'cup:signoff:review-release-notes:0m7x1a2b3-abc': v1(event('review-release-notes', '2025-03-14T09:00:00.000Z')),
	'cup:signoff:review-release-notes:0m7x1a2b4-def': v1({ ...event('review-release-notes', '2025-03-14T09:05:00.000Z', 'Dana Reyes', false), comment: 'Ticked by mistake' }),
	'cup:signoff:share-validation-scope:0m7x1a2b5-ghi': v1(event('share-validation-scope', '2025-04-01T10:00:00.000Z')),
	'cup:signer': v1({ name: 'Dana Reyes', meaning: 'reviewed' }),
	'cup:view:side': v1({ value: 'customer' }),
	'cup:view:collapse': v1({ value: true }),
	'cup:draft:val-request': v1({ values: { site: 'Acme', pair: ['main', 'test'], urgent: true }, savedAt: '2025-03-01T10:00:00.000Z' }),
	'cup:quarantine:cup:plan:instances': '{not json',
};

/**
 * Every key of the page's localStorage with its text (Starlight's theme key included), but for the note of
 * set-aside values the reader has seen on this page, which is not part of the record.
 */
const stored = (page: Page) =>
	page.evaluate(() =>
		Object.fromEntries(
			Object.keys(localStorage)
				.filter((key) => key !== 'cup:seen:set-aside')
				.sort()
				.map((key) => [key, localStorage.getItem(key)!]),
		),
	);
/** The playbook's own keys of the page's localStorage with their text. */
const record$ = async (page: Page) => Object.fromEntries(Object.entries(await stored(page)).filter(([key]) => key.startsWith('cup:')));

/** Opens the record page on a browser holding exactly the given entries. */
async function openWith(page: Page, entries: Record<string, string>) {
	await openWithStorage(page, PATH, entries);
	await expect(page.getByRole('button', { name: 'Export my record' })).toBeVisible();
}

/** Exports through the page and returns the file's name and text. */
async function exportRecord(page: Page) {
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export my record' }).first().click();
	const file = await download;
	return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

async function chooseFile(page: Page, name: string, content: string | Buffer) {
	// Playwright hands over at most 50 MB as a buffer; larger files go through the disk.
	if (content.length > 40 * 1024 * 1024) {
		const file = test.info().outputPath(name);
		await mkdir(dirname(file), { recursive: true });
		await writeFile(file, content);
		return page.getByLabel(/Exported record/).setInputFiles(file);
	}
	await page.getByLabel(/Exported record/).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
}

const record = (kinds: Record<string, Record<string, unknown>>, version = 1) =>
	JSON.stringify({ format: 'clinspark-upgrade-playbook/record', version, exportedAt: '2026-11-25T12:00:00.000Z', site: 'Acme Research', kinds });

test('export, reset everything, import and replace restores the record exactly', async ({ page }) => {
	const errors = collectErrors(page);
	await useTheme(page, 'dark');
	await openWith(page, SEED);
	const original = await stored(page);
	const counts = page.locator('[data-ur="counts"]');
	await expect(counts).toContainText('3 sign-off events for 2 steps');
	await expect(counts).toContainText('2 plan fields');
	await expect(counts).toContainText('1 ticket draft');

	const file = await exportRecord(page);
	expect(file.name).toMatch(/^upgrade-record-acme-research-\d{4}-\d\d-\d\d\.json$/);
	const doc = JSON.parse(file.text);
	expect(doc).toMatchObject({ format: 'clinspark-upgrade-playbook/record', version: 2, site: 'Acme Research' });
	expect(Object.keys(doc.kinds.signoffs)).toHaveLength(3);
	await expect(page.getByRole('status').filter({ hasText: 'Exported upgrade-record-acme-research' })).toBeVisible();

	await page.getByLabel('What to reset').selectOption({ label: 'Everything the playbook keeps in this browser' });
	await page.getByRole('button', { name: 'Reset…' }).click();
	await expect(page.getByText(/This removes: Everything the playbook keeps in this browser: 3 sign-off events/)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Export my record first' }).last()).toBeVisible();
	await page.getByRole('button', { name: 'Yes, remove 10 entries' }).click();
	await expect(page.getByText('Reset done: 10 entries were removed.')).toBeVisible();
	expect(await stored(page)).toEqual({ 'starlight-theme': 'dark' });
	await expect(counts).toContainText('0 sign-off events');

	await chooseFile(page, file.name, file.text);
	const preview = page.locator('[data-ur="preview"]');
	await expect(preview).toBeVisible();
	await expect(preview).toContainText('Step 1. Review the release notes: 2 added');
	await expect(preview).toContainText('Site: (empty) → “Acme Research”');
	await page.getByRole('button', { name: 'Replace my record' }).click();
	// The signer is personal to the browser: never taken from a file, so it is the one entry not restored.
	await expect(page.getByText(/Your record was replaced by the file: 9 items saved/)).toBeVisible();
	await expect(preview).toBeHidden();
	const restored = await stored(page);
	const { 'cup:signer': _, ...rest } = original;
	const plain = (all: Record<string, string>) => Object.fromEntries(Object.entries(all).filter(([key]) => !key.startsWith('cup:signoff:')));
	expect(plain(restored)).toEqual(plain(rest));
	// Sign-offs of format 1 come back as their migration to format 2: the same keys and facts.
	for (const key of Object.keys(rest).filter((key) => key.startsWith('cup:signoff:'))) {
		const { v: __, done: ___, ...facts } = JSON.parse(rest[key]!);
		expect(JSON.parse(restored[key]!), key).toMatchObject({ v: 2, ...facts, role: 'not recorded', seq: 0 });
	}
	await expect(counts).toContainText('3 sign-off events for 2 steps');
	expect(errors).toEqual([]);
});

test('a reset of one stage removes only that stage’s sign-offs, after confirmation', async ({ page }) => {
	await openWith(page, SEED);
	await page.getByLabel('What to reset').selectOption({ label: 'Sign-offs of stage 2. Validation (steps 8-12)' });
	await page.getByRole('button', { name: 'Reset…' }).click();
	await expect(page.getByText(/The 1 sign-off event of 1 step in stage 2\. Validation/)).toBeVisible();
	// Cancelling removes nothing.
	await page.getByRole('button', { name: 'Cancel' }).last().click();
	expect(await record$(page)).toEqual(SEED);
	await page.getByRole('button', { name: 'Reset…' }).click();
	await page.getByRole('button', { name: 'Yes, remove 1 entry' }).click();
	const expected = { ...SEED };
	delete expected['cup:signoff:share-validation-scope:0m7x1a2b5-ghi'];
	expect(await record$(page)).toEqual(expected);
});

test('the reset confirmation offers an export first', async ({ page }) => {
	await openWith(page, SEED);
	await page.getByRole('button', { name: 'Reset…' }).click();
	const download = page.waitForEvent('download');
	await page.locator('[data-ur="confirm"]').getByRole('button', { name: 'Export my record first' }).click();
	expect((await download).suggestedFilename()).toMatch(/^upgrade-record-acme-research-/);
	await expect(page.locator('[data-ur="reset-status"]')).toContainText('Exported');
	expect(await record$(page)).toEqual(SEED);
});

test('merge adds the events of a second record and keeps each once', async ({ page }) => {
	await openWith(page, SEED);
	const other = record({
		signoffs: {
			// The same event as in this browser, and two new ones from a colleague.
			'cup:signoff:review-release-notes:0m7x1a2b3-abc': event('review-release-notes', '2025-03-14T09:00:00.000Z'),
			'cup:signoff:review-release-notes:0m8aaaaaa-zzz': event('review-release-notes', '2025-05-02T08:00:00.000Z', 'Sam Lee'),
			'cup:signoff:confirm-closure:0m9bbbbbb-yyy': event('confirm-closure', '2025-06-30T16:00:00.000Z', 'Sam Lee'),
		},
		plan: { 'cup:plan:site': 'Acme Research', 'cup:plan:prodTicket': 'FHSD-1234' },
		signer: { 'cup:signer': { name: 'Sam Lee', meaning: 'approved' } },
	});
	await chooseFile(page, 'colleague.json', other);
	const merge = page.locator('.ur-mode').first();
	await expect(merge).toContainText('2 new events, 1 already in this browser.');
	await expect(merge).toContainText('Step 28. Confirm and close: 1 added');
	await expect(merge).toContainText('PROD ticket: (empty) → “FHSD-1234”');
	await expect(merge).toContainText("The file's signer, Sam Lee (approved), is not taken over");
	await page.getByRole('button', { name: 'Merge into my record' }).click();
	await expect(page.getByText(/The file was merged into your record: 3 items saved/)).toBeVisible();
	const after = await stored(page);
	for (const [key, value] of Object.entries(SEED)) expect(after[key], key).toBe(value);
	expect(Object.keys(after).filter((key) => key.startsWith('cup:signoff:'))).toHaveLength(5);
	// An event of format 1 from the file is stored as its migration to format 2: the same facts, role "not recorded".
	expect(JSON.parse(after['cup:signoff:confirm-closure:0m9bbbbbb-yyy']!)).toMatchObject({ v: 2, kind: 'signed', by: 'Sam Lee', role: 'not recorded' });
	expect(after['cup:plan:prodTicket']).toBe(v1({ value: 'FHSD-1234' }));
	// The same file again changes nothing, and the page says so.
	await chooseFile(page, 'colleague.json', other);
	await expect(page.locator('.ur-mode').first()).toContainText('Nothing would change');
	await expect(page.getByRole('button', { name: 'Merge into my record' })).toBeHidden();
	await page.getByRole('button', { name: 'Cancel' }).first().click();
	expect(await stored(page)).toEqual(after);
});

test.describe('a bad file leaves the record as it was and says why', () => {
	const cases: { name: string; content: () => string | Buffer; message: RegExp }[] = [
		{ name: 'invalid JSON', content: () => '{"format": "clinspark-upgrade-playbook/record",\n "version": 1,,}', message: /not valid JSON at line 2, column 15/ },
		{ name: 'a file cut short', content: () => '{"format": "clinspark-upgrade-playbook/record", "kinds": {', message: /not valid JSON: it ends too early/ },
		{ name: 'a future version', content: () => record({}, 99), message: /made by a newer version of the playbook \(record format 99/ },
		{ name: 'a 100 MB file', content: () => Buffer.alloc(100 * 1024 * 1024, 0x20), message: /too large to be an upgrade record: 100 MB, where the limit is 96 MB/ },
		{ name: 'a foreign JSON file', content: () => '{"hello": 1}', message: /not an upgrade record exported by this playbook/ },
		{
			name: 'a record with one unusable sign-off',
			content: () =>
				record({
					plan: { 'cup:plan:site': 'Globex' },
					signoffs: { 'cup:signoff:confirm-closure:0m9bbbbbb-yyy': { ...event('confirm-closure', '2025-06-30T16:00:00.000Z'), meaning: 'witnessed' } },
				}),
			message: /1 entry this page cannot use, so none of it is imported/,
		},
	];
	for (const c of cases) {
		test(c.name, async ({ page }) => {
			// Handing 100 MB to the browser takes a while on a busy machine.
			test.slow(c.name === 'a 100 MB file');
			const errors = collectErrors(page);
			await openWith(page, SEED);
			const before = await stored(page);
			await chooseFile(page, 'record.json', c.content());
			const alert = page.getByRole('alert').filter({ hasText: c.message });
			await expect(alert).toBeVisible();
			await expect(alert).toContainText('Your record was not changed.');
			await expect(page.locator('[data-ur="preview"]')).toBeHidden();
			expect(await stored(page)).toEqual(before);
			expect(errors).toEqual([]);
		});
	}

	test('a good file after a bad one clears the message', async ({ page }) => {
		await openWith(page, SEED);
		await chooseFile(page, 'bad.json', '{');
		await expect(page.getByRole('alert')).toContainText('not valid JSON');
		await chooseFile(page, 'good.json', record({ plan: { 'cup:plan:site': 'Acme Research' } }));
		await expect(page.locator('[data-ur="preview"]')).toBeVisible();
		await expect(page.getByRole('alert')).toBeEmpty();
	});
});

test('works by keyboard alone, and focus follows each step', async ({ page }) => {
	await openWith(page, SEED);
	await page.getByLabel('What to reset').focus();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Reset…' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Confirm the reset' })).toBeFocused();
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Yes, remove 2 entries' })).toBeFocused();
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(page.locator('[data-ur="reset-status"]')).toBeFocused();
	await expect(page.locator('[data-ur="reset-status"]')).toContainText('Reset cancelled');
	expect(await record$(page)).toEqual(SEED);

	await chooseFile(page, 'record.json', record({ plan: { 'cup:plan:site': 'Globex' } }));
	await expect(page.getByRole('heading', { name: 'What the file would change' })).toBeFocused();
});

for (const theme of ['light', 'dark'] as const) {
	test(`no accessibility violation in the ${theme} theme, with the preview and the confirmation open`, async ({ page }) => {
		// Three full axe runs.
		test.slow();
		await useTheme(page, theme);
		await openWith(page, SEED);
		const check = async () => {
			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
		};
		await check();
		await chooseFile(page, 'record.json', record({ plan: { 'cup:plan:site': 'Globex' } }));
		await expect(page.locator('[data-ur="preview"]')).toBeVisible();
		await chooseFile(page, 'bad.json', '{');
		await expect(page.getByRole('alert')).not.toBeEmpty();
		await check();
		await chooseFile(page, 'record.json', record({ plan: { 'cup:plan:site': 'Globex' } }));
		await page.getByRole('button', { name: 'Reset…' }).click();
		await expect(page.locator('[data-ur="confirm"]')).toBeVisible();
		await check();
	});
}

test('without JavaScript the page reads, shows no dead controls and says why', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(PATH);
	await expect(page.getByRole('heading', { name: 'Why export it' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Export my record' })).toBeHidden();
	// Chromium with scripts turned off by the test still parses <noscript> as text, so its content is checked in the HTML.
	expect(await page.locator('upgrade-record noscript').innerHTML()).toContain('need JavaScript');
	await context.close();
});
