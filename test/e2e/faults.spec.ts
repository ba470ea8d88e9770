import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { isBuilt, pageTypes, signOffFirstStep, toolUse, type PageType } from './page-types';
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
		const dialog = page.locator('dialog.signer-dialog');
		if (await dialog.isVisible()) {
			await dialog.locator('input').first().fill(page === a ? 'Tab A' : 'Tab B');
			await dialog.getByRole('button', { name: 'Sign off' }).click();
		}
	}
	await expect.poll(async () => Object.keys(await after()).filter((k) => k.startsWith('cup:signoff:review-release-notes:')).length).toBe(2);
	await expect.poll(async () => (await box(a).isChecked()) === (await box(b).isChecked())).toBe(true);
}

const stateful: Record<string, Stateful> = {
	overview: { ready: 'plan-form', write: toolUse.overview!, corruptKey: 'cup:plan:site' },
	stage: { ready: 'step-signoff', write: (page) => signOffFirstStep(page), corruptKey: 'cup:signoff:review-release-notes:spoiled', race: raceOnStep },
	print: { ready: 'sheet-tools', write: toolUse.print!, corruptKey: 'cup:signoff:review-release-notes:spoiled' },
	'release picker': { ready: 'release-picker form', write: toolUse['release picker']!, corruptKey: 'cup:plan:currentVersion' },
	ticket: { ready: 'ticket-form form', write: toolUse.ticket!, corruptKey: 'cup:draft:val-request' },
	record: { ready: '.upgrade-record', write: toolUse.record!, corruptKey: 'cup:plan:site' },
	qc: { ready: 'qc-tool form', write: toolUse.qc!, corruptKey: 'cup:qc:result' },
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
const faults: { name: string; install: () => void; message: RegExp }[] = [
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
 * What a tool does not do yet, by page type and case ("memory" for the three storage faults,
 * "corrupt", "race"): these cases are marked fixme with the reason, until the tool is fixed
 * and its entry removed.
 */
const knownGaps: Record<string, Partial<Record<'memory' | 'corrupt' | 'race', string>>> = {
	'release picker': {
		memory: 'the picker shows no message when progress cannot be saved ($storageStatus is not shown)',
		corrupt: 'the picker does not say that a spoiled plan value was set aside ($storageProblems is not shown)',
	},
	record: {
		corrupt: 'the record page does not say that a spoiled value was set aside ($storageProblems is not shown)',
		race: 'racing imports are not scripted yet: the second tab previews "nothing to change" once the first has merged',
	},
};

/** Marks a case fixme when its tool has a known gap. */
function gap(type: string, kind: 'memory' | 'corrupt' | 'race'): void {
	const reason = knownGaps[type]?.[kind];
	test.fixme(reason !== undefined, reason);
}

for (const type of pageTypes().filter((t) => t.stateful)) {
	const tool = stateful[type.name];
	test.describe(`${type.name} (${type.path})`, () => {
		// A stateful page type without a profile is a gap in the suite, so the spec refuses to load.
		if (!tool) throw new Error(`no fault profile for ${type.name}: add one to test/e2e/faults.spec.ts`);

		for (const fault of faults) {
			test(`${fault.name}: says so, keeps working, loses nothing`, async ({ page, context }) => {
				gap(type.name, 'memory');
				await seed(context, SAVED);
				const errors = collectErrors(page);
				await page.addInitScript(fault.install);
				await open(page, type, tool!);
				await tool!.write(page);
				await expect(page.getByText(fault.message).first()).toBeVisible();
				expect(errors).toEqual([]);
				const after = await stored(context);
				for (const [key, value] of Object.entries(SAVED)) expect(after[key], `${key} was lost`).toBe(value);
			});
		}

		test('a value spoiled by hand is set aside, said so, and kept', async ({ page, context }) => {
			gap(type.name, 'corrupt');
			const spoiled = '{"v":1,"value": oops';
			await seed(context, { ...SAVED, [tool!.corruptKey]: spoiled });
			const errors = collectErrors(page);
			await open(page, type, tool!);
			await tool!.write(page);
			await expect(page.getByText(SET_ASIDE).first()).toBeVisible();
			expect(errors).toEqual([]);
			const after = await stored(context);
			expect(after[`cup:quarantine:${tool!.corruptKey}`], 'the spoiled text was not kept').toBe(spoiled);
			for (const [key, value] of Object.entries(SAVED)) expect(after[key], `${key} was lost`).toBe(value);
		});

		test('two tabs racing on the same thing both land, with nothing spoiled', async ({ context }) => {
			gap(type.name, 'race');
			await seed(context, SAVED);
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
			for (const [key, value] of Object.entries(SAVED)) expect(after[key], `${key} was lost`).toBe(value);
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
		{ name: 'a 20 MB file', content: () => Buffer.alloc(20 * 1024 * 1024, 0x20), message: /too large/i },
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
