import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { isBuilt, pageTypes, signOffFirstStep, toolUse, type PageType } from './page-types';
import { fingerprintText } from '../../src/state/fingerprint';
import { collectErrors } from './site';

// The fault suite: every tool that keeps state, run against storage that fails in each way a
// browser's can, and against values spoiled by hand. In every case the reader sees a clear
// message, no error escapes to the console, and nothing that was stored is lost.

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** How a stateful tool is driven here: the element that shows it is built, and what a reader does that saves state. */
interface Stateful {
	ready: string;
	write: (page: Page) => Promise<unknown>;
	/** A key the tool reads, to spoil by hand. */
	corruptKey: string;
	/** What two tabs do at once, and what must hold after; by default both write and nothing is checked beyond the general rules. */
	race?: (a: Page, b: Page, after: () => Promise<Record<string, string>>) => Promise<void>;
}

/** Both tabs tick step 1 at the same moment; sign-offs are append-only, so both events must be kept and both tabs agree. */
async function raceOnStep(a: Page, b: Page, after: () => Promise<Record<string, string>>): Promise<void> {
	const box = (page: Page) => page.locator('step-signoff input[data-ref="done"]').first();
	await Promise.all([box(a).click(), box(b).click()]);
	for (const page of [a, b]) {
		// The signing code loads on use: wait for its dialog, the name and role first if this tab asks them, then the sign-off panel.
		const dialog = page.locator('dialog.signer-dialog');
		const panel = page.locator('dialog.signoff-dialog');
		await expect.poll(async () => (await dialog.isVisible()) || (await panel.isVisible()), { timeout: 15_000 }).toBe(true);
		if (await dialog.isVisible()) {
			const name = dialog.getByLabel('Your name');
			if (!(await name.inputValue())) await name.fill(page === a ? 'Tab A' : 'Tab B');
			const role = dialog.getByLabel('Your role');
			if (!(await role.inputValue())) await role.selectOption('customer');
			await dialog.getByRole('button', { name: 'Sign off' }).click();
		}
		await expect(panel).toBeVisible({ timeout: 15_000 });
		await panel.getByRole('button', { name: 'Sign off' }).click();
	}
	await expect.poll(async () => Object.keys(await after()).filter((k) => k.startsWith('cup:signoff:review-release-notes:')).length).toBe(2);
	await expect.poll(async () => (await box(a).isChecked()) === (await box(b).isChecked())).toBe(true);
}

/** Both tabs preview a different file, then merge at the same moment; both files must land, whichever tab is second. */
async function raceImports(a: Page, b: Page, after: () => Promise<Record<string, string>>): Promise<void> {
	const files = new Map([
		[a, ['cup:plan:instances', 'PROD MAIN from tab A']],
		[b, ['cup:plan:site', 'Site from tab B']],
	]);
	for (const [page, [key, value]] of files) {
		const record = { format: 'clinspark-upgrade-playbook/record', version: 1, exportedAt: new Date().toISOString(), site: '', kinds: { plan: { [key!]: value } } };
		await page.locator('input[type="file"]').first().setInputFiles({ name: 'record.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(record)) });
		await expect(page.getByRole('button', { name: 'Merge into my record' })).toBeVisible();
	}
	await Promise.all([a, b].map((page) => page.getByRole('button', { name: 'Merge into my record' }).click()));
	for (const page of [a, b]) {
		// The tab that merged second finds the record changed since its preview, says so and shows it again.
		const status = page.locator('[data-ur="import-status"]');
		await expect(status).toHaveText(/merged|changed since the preview/);
		if (/changed since the preview/.test((await status.textContent()) ?? '')) {
			await page.getByRole('button', { name: 'Merge into my record' }).click();
			await expect(status).toHaveText(/merged/);
		}
	}
	await expect.poll(async () => (await after())['cup:plan:instances']).toBe(JSON.stringify({ v: 1, value: 'PROD MAIN from tab A' }));
	await expect.poll(async () => (await after())['cup:plan:site']).toBe(JSON.stringify({ v: 1, value: 'Site from tab B' }));
}

const stateful: Record<string, Stateful> = {
	overview: { ready: 'plan-form', write: toolUse.overview!, corruptKey: 'cup:plan:site' },
	stage: { ready: 'step-signoff', write: (page) => signOffFirstStep(page), corruptKey: 'cup:signoff:review-release-notes:spoiled', race: raceOnStep },
	print: { ready: 'sheet-tools', write: toolUse.print!, corruptKey: 'cup:signoff:review-release-notes:spoiled' },
	'release picker': { ready: 'release-picker form', write: toolUse['release picker']!, corruptKey: 'cup:plan:currentVersion' },
	ticket: { ready: 'ticket-form form', write: toolUse.ticket!, corruptKey: 'cup:draft:val-request' },
	record: { ready: '.upgrade-record', write: toolUse.record!, corruptKey: 'cup:plan:site', race: raceImports },
	qc: { ready: 'qc-tool form', write: toolUse.qc!, corruptKey: 'cup:qc:result' },
	planner: { ready: 'plan-planner form', write: toolUse.planner!, corruptKey: 'cup:planner' },
	'run sheet': { ready: 'run-sheet .day-current', write: toolUse['run sheet']!, corruptKey: 'cup:planned:stop-prod-activity' },
};

// Data a reader saved earlier, in the current formats; none of it may be lost whatever happens.
// (Keys that none of the tools' actions here writes, so any change to them is a loss.)
const SAVED: Record<string, string> = {
	'cup:plan:valTicket': JSON.stringify({ v: 1, value: 'VAL-1234' }),
	'cup:plan:prodTicket': JSON.stringify({ v: 1, value: 'PROD-5678' }),
};
const MEMORY = /Progress will not be kept/;
const SET_ASIDE = /set aside, unchanged/;

/** Stores the given items in the site's localStorage from a page of its own, before the page under test opens. */
async function seed(context: BrowserContext, items: Record<string, string>): Promise<void> {
	const helper = await context.newPage();
	await helper.goto('/404/');
	await helper.evaluate((all) => Object.entries(all).forEach(([k, v]) => localStorage.setItem(k, v)), items);
	await helper.close();
}

/** Everything under `cup:` in the site's localStorage, read from a page with no fault. */
async function stored(context: BrowserContext): Promise<Record<string, string>> {
	const helper = await context.newPage();
	await helper.goto('/404/');
	const all = await helper.evaluate(() => {
		const items: Record<string, string> = {};
		for (let i = 0; i < localStorage.length; i++) {
			const key = localStorage.key(i)!;
			if (key.startsWith('cup:')) items[key] = localStorage.getItem(key)!;
		}
		return items;
	});
	await helper.close();
	return all;
}

/** Opens a page type's page, failing when the page or its tool is missing, saying which. */
async function open(page: Page, type: PageType, tool: Stateful): Promise<void> {
	expect(isBuilt(type.path), `${type.path} is built`).toBe(true);
	await page.goto(type.path, { waitUntil: 'networkidle' });
	expect(await page.locator(tool.ready).count(), `the ${type.name} tool (${tool.ready}) is on ${type.path}`).toBeGreaterThan(0);
}

// Only the playbook's own keys fail: Starlight's theme scripts read and write localStorage on
// every page without a guard, and their errors would hide whether ours are handled.
const faults: { name: string; install: () => void; message: RegExp; starlightThrows?: boolean }[] = [
	{
		name: 'localStorage throws on read',
		install: () => {
			const getItem = Storage.prototype.getItem;
			Storage.prototype.getItem = function (key: string) {
				if (key.startsWith('cup:')) throw new DOMException('The operation is insecure.', 'SecurityError');
				return getItem.call(this, key);
			};
		},
		message: MEMORY,
	},
	{
		name: 'localStorage throws on write',
		install: () => {
			const setItem = Storage.prototype.setItem;
			Storage.prototype.setItem = function (key: string, value: string) {
				if (key.startsWith('cup:')) throw new DOMException('The operation is insecure.', 'SecurityError');
				setItem.call(this, key, value);
			};
		},
		message: MEMORY,
	},
	{
		// Blocked site data: the browser refuses the storage object itself. Starlight's theme script reads it
		// unguarded while the page is parsed, so the block starts once the page's own scripts run.
		name: 'site data is blocked',
		install: () => {
			for (const name of ['localStorage', 'sessionStorage'] as const) {
				const real = Object.getOwnPropertyDescriptor(window, name)!.get!;
				Object.defineProperty(window, name, {
					configurable: true,
					get() {
						if (document.readyState !== 'loading') throw new DOMException('Access is denied for this document.', 'SecurityError');
						return real.call(window);
					},
				});
			}
		},
		message: MEMORY,
		starlightThrows: true,
	},
	{
		// Full mid-session: the tiny probe at start fits, the first real value does not.
		name: 'localStorage is full',
		install: () => {
			const setItem = Storage.prototype.setItem;
			Storage.prototype.setItem = function (key: string, value: string) {
				if (key.startsWith('cup:') && value.length > 1) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				setItem.call(this, key, value);
			};
		},
		message: /storage for the playbook is full/,
	},
];

/**
 * Errors of the playbook's own code only: Starlight's inline theme script reads storage without a guard, so
 * blocked storage makes it throw, from the page itself; the playbook's code all comes from /_astro/ files.
 */
function collectOwnErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
	});
	page.on('pageerror', (err) => {
		if (/\/_astro\//.test(err.stack ?? '')) errors.push(`uncaught: ${err.message}`);
	});
	return errors;
}

/** Every value stored before is still there, unchanged, except those named, whose fate the test checks itself. */
function expectKept(before: Record<string, string>, after: Record<string, string>, except: string[] = []): void {
	for (const [key, value] of Object.entries(before)) {
		if (!except.includes(key)) expect(after[key], `${key} was lost or changed`).toBe(value);
	}
}

for (const type of pageTypes().filter((t) => t.stateful)) {
	const tool = stateful[type.name];
	test.describe(`${type.name} (${type.path})`, () => {
		// A stateful page type without a profile is a gap in the suite, so the spec refuses to load.
		if (!tool) throw new Error(`no fault profile for ${type.name}: add one to test/e2e/faults.spec.ts`);

		for (const fault of faults) {
			test(`${fault.name}: says so, keeps working, loses nothing`, async ({ page, context }) => {
				await seed(context, SAVED);
				const before = await stored(context);
				const errors = fault.starlightThrows ? collectOwnErrors(page) : collectErrors(page);
				await page.addInitScript(fault.install);
				await open(page, type, tool!);
				await tool!.write(page);
				await expect(page.getByText(fault.message).first()).toBeVisible();
				expect(errors).toEqual([]);
				// Nothing could be saved, so storage holds exactly what it held.
				expect(await stored(context)).toEqual(before);
			});
		}

		test('a value spoiled by hand is set aside, said so, and kept', async ({ page, context }) => {
			const spoiled = '{"v":1,"value": oops';
			await seed(context, { ...SAVED, [tool!.corruptKey]: spoiled });
			const before = await stored(context);
			const errors = collectErrors(page);
			await open(page, type, tool!);
			await tool!.write(page);
			await expect(page.getByText(SET_ASIDE).first()).toBeVisible();
			expect(errors).toEqual([]);
			const after = await stored(context);
			expect(after[`cup:quarantine:${tool!.corruptKey}`], 'the spoiled text was not kept').toBe(spoiled);
			expectKept(before, after, [tool!.corruptKey]);
		});

		test('a value saved by a newer version is left in place, read-only, with one notice', async ({ page, context }) => {
			const newer = JSON.stringify({ v: 99, value: 'from a newer playbook' });
			await seed(context, { ...SAVED, [tool!.corruptKey]: newer });
			const before = await stored(context);
			const errors = collectErrors(page);
			await open(page, type, tool!);
			await tool!.write(page);
			await expect(page.getByText(/newer version of the playbook/).first()).toBeVisible();
			expect(errors).toEqual([]);
			const after = await stored(context);
			expectKept(before, after);
			expect(Object.keys(after).filter((key) => key.startsWith('cup:quarantine:'))).toEqual([]);
		});

		test('two tabs racing on the same thing both land, with nothing spoiled', async ({ context }) => {
			await seed(context, SAVED);
			const before = await stored(context);
			const [a, b] = [await context.newPage(), await context.newPage()];
			const errors = [...collectErrors(a), ...collectErrors(b)];
			await open(a, type, tool!);
			await open(b, type, tool!);
			if (tool!.race) await tool!.race(a, b, () => stored(context));
			else await Promise.all([tool!.write(a), tool!.write(b)]);
			// Let the storage events cross between the tabs.
			await a.waitForTimeout(300);
			expect(errors).toEqual([]);
			const after = await stored(context);
			for (const [key, value] of Object.entries(after)) {
				expect(key.startsWith('cup:quarantine:'), `${key}: a racing write was taken for corrupt`).toBe(false);
				expect(() => JSON.parse(value), `${key} holds broken JSON`).not.toThrow();
			}
			expectKept(before, after);
			// Each tab still shows a working tool.
			await expect(a.locator(tool!.ready).first()).toBeVisible();
			await expect(b.locator(tool!.ready).first()).toBeVisible();
		});
	});
}

test.describe('record import', () => {
	const path = '/record/';
	/** Offers a file to the record page's import, from disk so that even 20 MB passes quickly to the browser. */
	async function importFile(page: Page, name: string, content: string | Buffer) {
		const file = test.info().outputPath(name);
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, content);
		await page.locator('input[type="file"]').first().setInputFiles(file);
	}
	const cases: { name: string; content: () => string | Buffer; message: RegExp }[] = [
		{ name: 'invalid JSON', content: () => '{"format": "clinspark-upgrade-playbook/record", ', message: /not|JSON/i },
		{ name: 'a 100 MB file', content: () => Buffer.alloc(100 * 1024 * 1024, 0x20), message: /too large/i },
		{
			name: 'a future version',
			content: () => JSON.stringify({ format: 'clinspark-upgrade-playbook/record', version: 99, exportedAt: new Date().toISOString(), kinds: {} }),
			message: /newer version/i,
		},
	];
	for (const c of cases) {
		test(`${c.name} is refused with a message and changes nothing`, async ({ page, context }) => {
			expect(isBuilt(path), `${path} is built`).toBe(true);
			test.setTimeout(60_000);
			await seed(context, SAVED);
			const before = await stored(context);
			const errors = collectErrors(page);
			await page.goto(path, { waitUntil: 'networkidle' });
			await importFile(page, 'record.json', c.content());
			await expect(page.getByText(c.message).first()).toBeVisible();
			expect(errors).toEqual([]);
			expect(await stored(context)).toEqual(before);
		});
	}
});

test.describe('with JavaScript disabled', () => {
	test.use({ javaScriptEnabled: false });

	test('a stage page shows every step and prints', async ({ page }) => {
		await page.goto('/stages/day-of-upgrade/');
		await expect(page.locator('section.step')).toHaveCount(12);
		for (const n of [17, 28]) await expect(page.locator(`#step-${n}`)).toBeVisible();
		const pdf = await page.pdf({ format: 'A4' });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(pdf.length).toBeGreaterThan(10_000);
	});

	test('every listed page reads without JavaScript', async ({ page }) => {
		for (const type of pageTypes().filter((t) => isBuilt(t.path))) {
			await page.goto(type.path);
			await expect(page.locator('h1').first(), type.path).toBeVisible();
			await expect(page.locator('main'), type.path).not.toBeEmpty();
		}
	});
});

/** Fills the origin's localStorage to the last character, as a browser with no room left. */
async function fillStorage(page: Page): Promise<void> {
	await page.goto('/404/');
	await page.evaluate(() => {
		let i = 0;
		for (let size = 1024 * 1024; size >= 1; ) {
			try {
				localStorage.setItem(`filler:${i++}`, 'x'.repeat(size));
			} catch {
				size = Math.floor(size / 2);
			}
		}
	});
}

/** The sign-off events in a downloaded record file. */
async function downloadedSignoffs(page: Page, click: () => Promise<void>): Promise<Record<string, unknown>> {
	const download = page.waitForEvent('download');
	await click();
	const path = await (await download).path();
	const { readFileSync } = await import('node:fs');
	const record = JSON.parse(readFileSync(path!, 'utf8')) as { kinds: { signoffs?: Record<string, unknown> } };
	return record.kinds.signoffs ?? {};
}

test.describe('the record under faults', () => {
	test('item 1: memory fallback keeps a sign-off for the tab when storage is full, across its pages', async ({ page }) => {
		await fillStorage(page);
		// Counted from here: the page used to fill storage is the site's 404 page, which answers 404.
		const errors = collectErrors(page);
		await page.goto('/stages/preparation/', { waitUntil: 'networkidle' });
		await expect(page.getByText(/storage for the playbook is full/).first()).toBeVisible();
		await expect(page.getByText(/until this tab is closed/).first()).toBeVisible();
		await signOffFirstStep(page);
		// Follow the sidebar, as a reader would, to export.
		await page.getByRole('link', { name: 'Upgrade record' }).first().click();
		await expect(page.locator('.upgrade-record [data-ur="ui"]')).toBeVisible();
		const signoffs = await downloadedSignoffs(page, () => page.getByRole('button', { name: 'Export my record' }).first().click());
		expect(Object.keys(signoffs)).toHaveLength(1);
		await page.getByRole('link', { name: '1. Preparation' }).first().click();
		await expect(page.locator('step-signoff input[data-ref="done"]').first()).toBeChecked();
		expect(errors).toEqual([]);
	});

	test('item 1: memory fallback says "until you leave this page" when nothing is kept, and offers the export in the notice', async ({ page }) => {
		const errors = collectErrors(page);
		await page.addInitScript(faults[0]!.install);
		await page.goto('/stages/preparation/', { waitUntil: 'networkidle' });
		const notice = page.locator('checklist-bar [data-ref="storage"]');
		await expect(notice).toContainText(/until you leave or reload this page/);
		await expect(notice).not.toContainText(/tab is closed/);
		await signOffFirstStep(page);
		const signoffs = await downloadedSignoffs(page, () => notice.getByRole('button', { name: /Export/ }).click());
		expect(Object.keys(signoffs)).toHaveLength(1);
		await expect(notice).toContainText(/Exported/);
		expect(errors).toEqual([]);
	});

	for (const mode of ['Merge into my record', 'Replace my record']) {
		test(`item 2: a half-written import leaves nothing written (${mode})`, async ({ page, context }) => {
			const signoff = (step: string, id: string, comment: string) => [
				`cup:signoff:${step}:${id}`,
				JSON.stringify({ v: 1, step, done: true, by: 'Dana Reyes', meaning: 'performed', at: '2025-03-14T09:00:00.000Z', comment, fingerprint: fingerprintText(`The text of ${step}.`), text: `The text of ${step}.` }),
			];
			const mine = Object.fromEntries([signoff('review-release-notes', 'own-1', 'mine'), signoff('review-release-notes', 'own-2', 'mine too')]);
			await seed(context, { ...SAVED, ...mine });
			await fillStorage(page);
			// About 100,000 characters of room: less than the file needs.
			await page.evaluate(() => {
				localStorage.removeItem('filler:0');
				localStorage.setItem('filler:0', 'x'.repeat(1024 * 1024 - 100_000));
			});
			const before = await stored(context);
			const events = Object.fromEntries(
				Array.from({ length: 40 }, (_, i) => signoff('share-validation-scope', `imp-${i}`, `${i} ${'c'.repeat(4000)}`)).map(([key, raw]) => {
					const { v: _v, ...event } = JSON.parse(raw!) as Record<string, unknown>;
					return [key, event];
				}),
			);
			const record = { format: 'clinspark-upgrade-playbook/record', version: 1, exportedAt: new Date().toISOString(), site: '', kinds: { signoffs: events } };
			await page.goto('/record/', { waitUntil: 'networkidle' });
			const errors = collectErrors(page);
			await page.locator('input[type="file"]').first().setInputFiles({ name: 'record.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(record)) });
			await page.getByRole('button', { name: mode }).click();
			await expect(page.locator('[data-ur="alert"]')).toContainText(/none of it was imported.*not changed/);
			await page.reload({ waitUntil: 'networkidle' });
			expect(await stored(context)).toEqual(before);
			expect(errors).toEqual([]);
		});
	}

	test('item 5: values set aside are reported on every page until seen on the record page', async ({ page, context }) => {
		const spoiled = { 'cup:signoff:review-release-notes:spoiled': '{"v":1,"step": oops', 'cup:plan:site': '{"v":1,"value": oops' };
		await seed(context, { ...SAVED, ...spoiled });
		const errors = collectErrors(page);
		await page.goto('/stages/preparation/', { waitUntil: 'networkidle' });
		await expect(page.locator('checklist-bar [data-ref="storage"]')).toContainText('cup:signoff:review-release-notes:spoiled');
		// The overview does not read sign-offs, and still says what was set aside on the stage page.
		await page.goto('/', { waitUntil: 'networkidle' });
		const overview = page.locator('plan-form [data-ref="storage"]');
		await expect(overview).toContainText('cup:signoff:review-release-notes:spoiled');
		await expect(overview).toContainText('cup:plan:site');
		await page.goto('/record/', { waitUntil: 'networkidle' });
		const explained = page.locator('[data-ur="set-aside"]');
		await expect(explained).toContainText('cup:quarantine:cup:plan:site');
		await expect(explained).toContainText('cup:quarantine:cup:signoff:review-release-notes:spoiled');
		await expect(explained).toContainText(/what to do/i);
		await page.goto('/stages/preparation/', { waitUntil: 'networkidle' });
		await expect(page.locator('step-signoff').first()).toBeVisible();
		await expect(page.getByText(SET_ASIDE)).toHaveCount(0);
		expect(errors).toEqual([]);
		const after = await stored(context);
		for (const [key, value] of Object.entries(spoiled)) expect(after[`cup:quarantine:${key}`]).toBe(value);
	});

	test('item 5: opened first, the record page explains values set aside: what, why and what to do', async ({ page, context }) => {
		await seed(context, { 'cup:plan:site': '{"v":1,"value": oops' });
		await page.goto('/record/', { waitUntil: 'networkidle' });
		const explained = page.locator('[data-ur="set-aside"]');
		await expect(explained).toContainText('cup:quarantine:cup:plan:site');
		await expect(explained).toContainText(/not valid JSON/);
		await expect(explained).toContainText(/what to do/i);
	});
});

test.describe('item 4: JavaScript off', () => {
	test.use({ javaScriptEnabled: false });

	test('item 4: the page says it is guidance only and links the paper sheet, shows no box, and the bar does not claim ticks are kept', async ({ page }) => {
		await page.goto('/stages/preparation/');
		await expect(page.getByText(/Without JavaScript this page shows the guidance only/)).toBeVisible();
		await expect(page.getByRole('link', { name: "this stage's sign-off sheet" })).toHaveAttribute('href', '/print/stages/preparation/');
		await expect(page.getByRole('checkbox', { name: 'Step 1 done' })).toBeHidden();
		await expect(page.getByText(/ticks are kept in this browser/)).toBeHidden();
	});
});
