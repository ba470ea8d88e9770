import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

const root = join(import.meta.dirname, '../..');

/** One page type of bench/page-types.json: the list every quality check reads. */
export interface PageType {
	name: string;
	path: string;
	tool: boolean;
	stateful: boolean;
	/** The page asks search engines not to index it (a print view), so Lighthouse's "is crawlable" is not held. */
	noindex?: boolean;
}

/** Every listed page type, built or not. */
export function pageTypes(): PageType[] {
	return (JSON.parse(readFileSync(join(root, 'bench', 'page-types.json'), 'utf8')) as { pages: PageType[] }).pages;
}

/** Whether dist/ holds the page at a path like `/tickets/val-request/`. */
export function isBuilt(path: string): boolean {
	return existsSync(join(root, process.env.E2E_DIST ?? 'dist', path, 'index.html'));
}

/**
 * Uses the tool of a page type the way a reader would, so that every script it loads on
 * demand runs. A page type with no entry here is only visited. Returns what was done.
 */
export const toolUse: Record<string, (page: Page) => Promise<string>> = {
	overview: async (page) => {
		const form = page.locator('plan-form');
		if (!(await form.count())) return 'no plan form yet';
		await form.getByLabel('Customer / site name').fill('Acme Research');
		return 'filled the upgrade plan';
	},
	stage: signOffFirstStep,
	'release picker': pickRange,
	search: async (page) => {
		await page.locator('#search-page-q').fill('back up production');
		await expect(page.locator('search-page .search-result-link').first()).toBeVisible();
		// The header's quick search loads its own code and the index on first use.
		await page.getByRole('button', { name: 'Search' }).first().click();
		await page.locator('site-search dialog').getByRole('searchbox').fill('lab data transfers');
		await expect(page.locator('site-search dialog .search-result').first()).toBeVisible();
		await page.keyboard.press('Escape');
		return 'searched on the page and in the header';
	},
	ticket: async (page) => {
		await page.getByLabel('Contact person').fill('Ada Lovelace');
		await page.getByRole('button', { name: 'Copy body' }).click();
		await expect(page.locator('.tf-status')).not.toBeEmpty();
		return 'filled a field and copied the ticket';
	},
	print: async (page) => {
		await page.locator('sheet-tools input[data-ref="history"]').check();
		return 'showed the sign-off history';
	},
	record: async (page) => {
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Export my record' }).first().click();
		await download;
		// Importing writes: it is what fills storage, or finds it failing.
		const record = { format: 'clinspark-upgrade-playbook/record', version: 1, exportedAt: new Date().toISOString(), site: '', kinds: { plan: { 'cup:plan:instances': 'PROD MAIN and PROD TEST' } } };
		await page.locator('input[type="file"]').first().setInputFiles({ name: 'record.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(record)) });
		await page.getByRole('button', { name: 'Merge into my record' }).click();
		return 'exported the record and merged one in';
	},
	'run sheet': async (page) => {
		const planned = page.locator('run-sheet li input[data-ref="planned"]').first();
		await planned.fill('30');
		await planned.press('Tab');
		await page.getByRole('button', { name: 'Copy status for the ticket' }).click();
		await expect(page.locator('run-sheet [data-ref="copied"]')).not.toBeEmpty();
		return 'planned a step and copied the status';
	},
	qc: async (page) => {
		const sum = (n: number) => n.toString(16).padStart(32, '0');
		await page.getByLabel('Before: paste the listing').fill(`Name\tChecksum\nLab results\t${sum(1)}\nOld report\t${sum(2)}`);
		await page.getByLabel('After: paste the listing').fill(`Name\tChecksum\nLab results\t${sum(3)}\nNew report\t${sum(4)}`);
		await page.getByRole('button', { name: 'Compare' }).click();
		await expect(page.locator('.qc-item').first()).toBeVisible();
		return 'compared two listings';
	},
	planner: async (page) => {
		await page.getByLabel('Target PROD upgrade date', { exact: true }).fill('2027-03-29');
		await page.getByLabel('Prep for Upgrade, in working days').fill('10');
		await expect(page.locator('[data-milestone="slot-confirmed"]')).toBeVisible();
		// The calendar's code loads on first use.
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Download calendar (.ics)' }).click();
		await download;
		return 'planned from a target date and downloaded the calendar';
	},
};

/** Picks a release range in the first release picker of the page and copies its reading list. */
async function pickRange(page: Page): Promise<string> {
	const picker = page.locator('.release-picker').first();
	await picker.getByLabel('Current version').fill('22.1');
	await picker.getByLabel('Target version').fill('23.3');
	await picker.getByRole('button', { name: 'Show reading list' }).click();
	await expect(picker.locator('[data-rp="result"]')).toBeVisible();
	await picker.getByRole('button', { name: 'Copy reading list' }).click();
	return 'picked a release range and copied it';
}

/**
 * Ticks the first step of a stage page's checklist as a Customer (step 1 is the customer's), giving
 * the name and role if the page asks for them, and waits for the sign-off to show.
 */
export async function signOffFirstStep(page: Page, name = 'Ada Lovelace'): Promise<string> {
	const signoff = page.locator('step-signoff').first();
	// A click, not check(): the box stays unticked until the sign-off is recorded.
	await signoff.locator('input[data-ref="done"]').click();
	const status = signoff.locator('[data-ref="status"]');
	const open = page.locator('dialog[open]');
	// The signing code loads on use, so a dialog may open a moment after the click. The first sign-off in
	// a browser asks the name and role; a step of another role would ask to confirm.
	for (let i = 0; i < 3; i++) {
		await expect.poll(async () => (await open.count()) > 0 || (await status.textContent()) !== 'Not signed off yet.', { timeout: 15_000 }).toBe(true);
		if (!(await open.count())) break;
		const kind = (await open.first().getAttribute('class'))!.split(' ')[0];
		const nameBox = open.first().getByLabel(/Your name/);
		if ((await nameBox.count()) && !(await nameBox.inputValue())) await nameBox.fill(name);
		const role = open.first().getByLabel(/Your role/);
		if ((await role.count()) && !(await role.inputValue())) await role.selectOption('customer');
		await open.first().getByRole('button', { name: 'Sign off' }).click();
		await expect(page.locator(`dialog.${kind}[open]`)).toHaveCount(0);
	}
	await expect(signoff.locator('input[data-ref="done"]')).toBeChecked();
	await expect(signoff.locator('[data-ref="status"]')).not.toHaveText('Not signed off yet.');
	return 'signed off a step';
}
