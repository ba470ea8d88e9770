import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readProcess } from '../../src/process/loader';
import { collectErrors, useTheme } from './site';

// The sign-off sheets: a stage printed from its page or its print page, one role's steps, the whole upgrade.
// Every sheet is in the one sheet frame: a running header and "Page X of Y" on every printed page.

test.use({ timezoneId: 'Europe/Berlin', locale: 'en-GB' });

/** The process as the site was built from it: the sheets must hold what content/ says. */
const playbook = readProcess(new URL('../..', import.meta.url).pathname);
const numbers = (steps: { number: number }[]) => steps.map((step) => step.number);
const sheetSteps = (role: string) => numbers(playbook.steps.filter((step) => step.roles.includes(role) || step.waits.includes(role)));
const ROLE_STEPS: Record<string, number[]> = {
	// A role's sheet holds its own steps and, marked "waits for", the steps its work waits on (the engineer: 19 and 24).
	'iqvia-engineer': sheetSteps('iqvia-engineer'),
	customer: sheetSteps('customer'),
};
const ALL = numbers(playbook.steps);
const VALIDATION = numbers(playbook.stepsOf('validation'));
const DAY_OF_UPGRADE = numbers(playbook.stepsOf('day-of-upgrade'));
const COLUMNS = ['Step', 'Responsible', 'Activity', 'Done', 'Signed by: name, role, meaning', 'Date and time', 'Initials / signature', 'Comment'];
/** A time as the site writes it (formatTime), here in Berlin: local with its offset, then UTC. */
const TIME = /\d{4}-\d\d-\d\d \d\d:\d\d \(UTC\+0[12]:00\) · \d\d:\d\d UTC/;

const plan = {
	site: 'Acme Research, Leeds',
	instances: 'PROD MAIN and PROD TEST',
	currentVersion: '23.2',
	targetVersion: '24.2',
	valTicket: 'FHSD-4411',
	prodTicket: 'FHSD-4520',
	upgradeDate: '2025-06-14',
};
const event = (step: string, at: string, done: boolean, by: string, meaning: string, comment = '') =>
	JSON.stringify({ v: 1, step, done, by, meaning, at, comment, fingerprint: 'signed-text', text: 'The text as signed.' });

/** A plan and a few sign-offs, stored before the page opens. */
async function seed(context: BrowserContext): Promise<void> {
	const helper = await context.newPage();
	await helper.goto('/404/');
	await helper.evaluate(
		([plan, events]) => {
			for (const [field, value] of Object.entries(plan)) localStorage.setItem(`cup:plan:${field}`, JSON.stringify({ v: 1, value }));
			for (const [key, value] of Object.entries(events)) localStorage.setItem(key, value);
		},
		[
			plan,
			{
				'cup:signoff:share-validation-scope:a1': event('share-validation-scope', '2025-03-10T08:00:00.000Z', true, 'Dana Reyes', 'performed', 'VAL-1234'),
				'cup:signoff:share-validation-scope:a2': event('share-validation-scope', '2025-03-11T09:30:00.000Z', true, 'Sam Lee', 'reviewed'),
				'cup:signoff:test-upgraded-environment:b1': event('test-upgraded-environment', '2025-03-12T10:00:00.000Z', true, 'Dana Reyes', 'performed'),
				'cup:signoff:test-upgraded-environment:b2': event('test-upgraded-environment', '2025-03-12T10:05:00.000Z', false, 'Dana Reyes', 'performed', 'by mistake'),
				'cup:signoff:back-up-prod:c1': event('back-up-prod', '2025-06-14T06:00:00.000Z', true, 'Priya Shah', 'performed', 'Backup 4411-A'),
			},
		] as const,
	);
	await helper.close();
}

/** Prints the page to a PDF and returns its text, one string per page (read page by page with `pdftotext -f N -l N`), laid out as on paper. */
async function pdfPages(page: Page, name: string, format: 'A4' | 'Letter'): Promise<string[]> {
	const file = test.info().outputPath(`${name}-${format}.pdf`);
	writeFileSync(file, await page.pdf({ format }));
	await test.info().attach(`${name}-${format}.pdf`, { path: file, contentType: 'application/pdf' });
	const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
	const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
	expect(count, `${name} (${format}): page count`).toBeGreaterThan(0);
	test.info().annotations.push({ type: 'pages', description: `${name} ${format}: ${count}` });
	return Array.from({ length: count }, (_, i) => execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }));
}

/** What the running header says on every page of a sheet. */
interface Header {
	title: string;
	scope: string;
}

/** Every page carries the running header (site, sheet title, scope, print time) and "Page X of Y". */
function expectHeaderOnEveryPage(pages: string[], header: Header, label: string) {
	pages.forEach((text, i) => {
		const where = `${label}: page ${i + 1} of ${pages.length}`;
		// The header is the page's first line of text; pdftotext may wrap it, so it is read as one run of words.
		const top = text.trim().split('\n').slice(0, 3).join(' ').replace(/\s+/g, ' ');
		expect(top, where).toContain(`Site: ${plan.site}`);
		expect(top, where).toContain(`Sign-off sheet: ${header.title}`);
		expect(top, where).toContain(header.scope);
		expect(top, where).toMatch(new RegExp(`Printed ${TIME.source}`));
		expect(text, where).toContain(`Page ${i + 1} of ${pages.length}`);
		expect(text, where).toContain('Uncontrolled copy when printed');
	});
}

/** The index of the page where each step's row starts: a line that begins with its number, then its role. */
function rowPages(pages: string[], numbers: number[]): Map<number, number> {
	const found = new Map<number, number>();
	for (const n of numbers) {
		const row = new RegExp(`^\\s*${n}\\s+(Customer|IQVIA)\\b`, 'm');
		const index = pages.findIndex((text) => row.test(text));
		if (index >= 0) found.set(n, index);
	}
	return found;
}

/** What every sheet must carry on paper: each step, the plan, the columns, the header on every page; no controls, no near-empty last page. */
async function expectSheet(page: Page, name: string, numbers: number[], format: 'A4' | 'Letter', header: Header) {
	const pages = await pdfPages(page, name, format);
	const text = pages.join('\n');
	const rows = rowPages(pages, numbers);
	expect([...rows.keys()], `${name} (${format}): step rows found in the PDF`).toEqual(numbers);
	for (const heading of ['Step', 'Responsible', 'Activity', 'Done', 'Signed by', 'Date and', 'Initials /', 'signature', 'Comment']) expect(text).toContain(heading);
	for (const value of [plan.site, plan.valTicket, plan.prodTicket, 'Sat 14 Jun 2025']) expect(text).toContain(value);
	expect(text).not.toMatch(/Include sign-off history|Print checklist|Search/);
	expectHeaderOnEveryPage(pages, header, `${name} (${format})`);
	// The table header comes back on every page that holds rows.
	for (const p of new Set(rows.values())) expect(pages[p]).toMatch(/Responsible\s+Activity/);
	// No page is left near-empty: every page holds step rows, so the closing lines never stand alone.
	expect(new Set(rows.values()).size, `${name} (${format}): every page holds step rows`).toBe(pages.length);
	return pages;
}

test('"Print checklist" prints the stage as a sign-off sheet, and nothing else of the page', async ({ page, context }) => {
	const errors = collectErrors(page);
	await seed(context);
	await page.addInitScript(() => {
		window.print = () => {
			(window as unknown as { printed: number }).printed = ((window as unknown as { printed?: number }).printed ?? 0) + 1;
		};
	});
	await page.goto('/stages/validation/', { waitUntil: 'networkidle' });
	await page.getByRole('button', { name: 'Print checklist' }).click();
	await expect.poll(() => page.evaluate(() => (window as unknown as { printed?: number }).printed)).toBe(1);
	await page.emulateMedia({ media: 'print' });
	const sheet = page.locator('checklist-bar signoff-sheet');
	await expect(sheet).toBeVisible();
	await expect(page.locator('h1#_top, .sidebar, header.header, .step-activity, .checklist-controls').first()).toBeHidden();
	for (const n of VALIDATION) await expect(sheet.locator(`tr[data-step-number="${n}"]`)).toBeVisible();
	await expect(sheet.locator('.sheet-table thead th')).toHaveText(COLUMNS);
	await expect(sheet.locator('[data-plan="site"]')).toHaveText(plan.site);
	await expect(sheet.locator('[data-frame="site"]')).toHaveText(plan.site);
	await expect(sheet.locator('[data-frame="printed"]')).toHaveText(TIME);

	// Step 8: two standing signatures; step 9: unticked, so blank with lines to write on.
	const eight = sheet.locator('tr[data-step-number="8"]');
	await expect(eight).toHaveAttribute('data-done', '');
	await expect(eight.locator('[data-cell="by"]')).toHaveText('Dana Reyes, role not recorded (performed)Sam Lee, role not recorded (reviewed)');
	await expect(eight.locator('[data-cell="when"]')).toContainText('2025-03-10 09:00 (UTC+01:00) · 08:00 UTC');
	// The initials / signature column is left for ink, signed or not.
	await expect(eight.locator('.sheet-ink')).toHaveText('');
	await expect(eight.locator('[data-cell="comment"]')).toContainText('VAL-1234');
	await expect(eight.locator('[data-cell="recheck"]')).toHaveText('Text changed: re-check');
	const nine = sheet.locator('tr[data-step-number="9"]');
	await expect(nine).not.toHaveAttribute('data-done');
	await expect(nine.locator('[data-cell="by"] .sheet-line')).toHaveCount(2);
	await expect(nine.locator('[data-cell="state"]')).toHaveText('Not done');

	// No row splits across pages, and the header repeats.
	expect(await eight.evaluate((row) => getComputedStyle(row).breakInside)).toBe('avoid');
	expect(await sheet.locator('thead').first().evaluate((head) => getComputedStyle(head).display)).toBe('table-header-group');
	for (const format of ['A4', 'Letter'] as const) {
		// Printing ends with "afterprint", after which the page prints as its guidance: ask for the sheet each time.
		await page.emulateMedia({ media: 'screen' });
		await page.getByRole('button', { name: 'Print checklist' }).click();
		await expect(page.locator('html')).toHaveAttribute('data-print', 'sheet');
		await page.emulateMedia({ media: 'print' });
		const pages = await expectSheet(page, 'stage-validation', VALIDATION, format, { title: 'Stage 2: Validation', scope: 'Steps 8-12, every role' });
		expect(pages, `the Validation stage fits one ${format} page`).toHaveLength(1);
		expect(pages.join(' ').replace(/\s+/g, ' ')).not.toMatch(/It is a recommendation, not a requirement/);
		// Once printed, the sheet leaves the page.
		await expect(sheet).toHaveCount(0);
		await expect(page.locator('html')).not.toHaveAttribute('data-print');
	}
	await expect(sheet).toBeHidden();
	await expect(page.locator('.step-activity').first()).toBeVisible();
	const guidance = (await pdfPages(page, 'stage-guidance', 'A4')).join(' ').replace(/\s+/g, ' ');
	expect(guidance).toMatch(/It is a recommendation, not a requirement/);
	expect(errors).toEqual([]);
});

for (const [name, path, numbers, header] of [
	['whole upgrade', '/print/', ALL, { title: 'the whole upgrade', scope: 'All 4 stages, steps 1-28, every role' }],
	['IQVIA Engineer', '/print/iqvia-engineer/', ROLE_STEPS['iqvia-engineer']!, { title: '8 steps across the upgrade', scope: 'Role: IQVIA Engineer' }],
	['Day of Upgrade', '/print/stages/day-of-upgrade/', DAY_OF_UPGRADE, { title: 'Stage 4: Day of Upgrade', scope: `Steps ${DAY_OF_UPGRADE[0]}-${DAY_OF_UPGRADE.at(-1)}, every role` }],
] as const) {
	test(`the ${name} sheet prints every one of its steps with the plan, on A4 and on Letter`, async ({ page, context }) => {
		test.setTimeout(90_000);
		const errors = collectErrors(page);
		await seed(context);
		await page.goto(path, { waitUntil: 'networkidle' });
		await expect(page.locator('tr[data-step-id]')).toHaveCount(numbers.length);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('sheet-tools')).toBeHidden();
		for (const format of ['A4', 'Letter'] as const) {
			const pages = await expectSheet(page, name.replace(/\s/g, '-'), [...numbers], format, header);
			const text = pages.join('\n');
			if (name === 'IQVIA Engineer') {
				// Eight steps of its own and two it waits for: one page, not one row spilled onto a second.
				expect(pages, `the IQVIA Engineer sheet fits one ${format} page`).toHaveLength(1);
				expect(text.match(/Waits for Customer:/g)).toHaveLength(2);
			}
			if (name === 'Day of Upgrade') expect(pages, `the Day of Upgrade sheet fits one ${format} page`).toHaveLength(1);
			if (name !== 'IQVIA Engineer') {
				// The Go / No-Go box, on the page of the last rows: decision, who, when, and the way back.
				const last = pages.at(-1)!;
				for (const words of ['Go / No-Go decision (step 24)', 'Decided by (name, role)', 'Date and time', 'If No-Go:']) expect(last).toContain(words);
				expect(last.replace(/\s+/g, ' ')).toMatch(/re-installing the backup of PROD MAIN and PROD TEST taken at step 20, which it puts at under one hour/);
			}
			// A row starts and ends on one page: the last words of its activity are on the page where it starts.
			const rows = rowPages(pages, [...numbers]);
			for (const row of await page.locator('tr[data-step-id]').all()) {
				const n = Number(await row.getAttribute('data-step-number'));
				const activity = (await row.locator('td').nth(1).innerText()).trim().split(/\s+/);
				const last = activity[activity.length - 1]!;
				const start = pages[rows.get(n)!]!;
				const after = start.slice(start.search(new RegExp(`^\\s*${n}\\s+(Customer|IQVIA)\\b`, 'm')));
				expect(after, `step ${n} ends on the page where it starts (${format})`).toContain(last);
			}
		}
		expect(errors).toEqual([]);
	});
}

test('each role has a sheet of just its steps, linked from the roles page', async ({ page }) => {
	await page.goto('/roles/');
	await page.getByRole('link', { name: "Print this role's sign-off sheet" }).first().click();
	await expect(page).toHaveURL(/\/print\/customer\/$/);
	const numbers = await page.locator('tr[data-step-id]').evaluateAll((rows) => rows.map((row) => Number((row as HTMLElement).dataset.stepNumber)));
	expect(numbers).toEqual(ROLE_STEPS.customer);
	await expect(page.locator('h1')).toHaveText('Customer: 15 steps across the upgrade');
	await expect(page.locator('tr[data-waits]')).toHaveCount(0);
	for (const role of ['iqvia-pm', 'iqvia-support', 'iqvia-solution-specialist']) {
		const response = await page.goto(`/print/${role}/`);
		expect(response?.status()).toBe(200);
		await expect(page.locator('tr[data-step-id]').first()).toBeVisible();
	}
});

test('the whole-upgrade sheet can carry each step\'s history, newest first, kept in the address', async ({ page, context }) => {
	await seed(context);
	await page.goto('/print/', { waitUntil: 'networkidle' });
	const history = page.locator('tr[data-history-for="test-upgraded-environment"]');
	await expect(history).toBeHidden();
	await page.getByLabel('Include sign-off history').check();
	await expect(page).toHaveURL(/\/print\/\?history$/);
	await expect(history).toBeVisible();
	const items = history.locator('li');
	await expect(items).toHaveCount(2);
	await expect(items.nth(0)).toContainText('Withdrew a sign-off by Dana Reyes, role not recorded (performed), 2025-03-12 11:05 (UTC+01:00) · 10:05 UTC. Reason: not recorded. Comment: by mistake');
	await expect(items.nth(1)).toContainText('Signed by Dana Reyes, role not recorded (performed), 2025-03-12 11:00 (UTC+01:00) · 10:00 UTC.');
	// Steps never signed get no history row.
	await expect(page.locator('tr[data-history-for="confirm-closure"]')).toBeHidden();

	await page.goto('/print/?history', { waitUntil: 'networkidle' });
	await expect(page.getByLabel('Include sign-off history')).toBeChecked();
	await expect(history).toBeVisible();
	const text = (await pdfPages(page, 'whole-with-history', 'A4')).join('\n');
	expect(text).toContain('Step 9 sign-off history, newest first');
	expect(text).toContain('Withdrew a sign-off by Dana Reyes, role not recorded (performed)');
});

test('with JavaScript off a print page is a blank sheet, ready to fill in by hand', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/print/');
	await expect(page.locator('tr[data-step-id]')).toHaveCount(ALL.length);
	await expect(page.locator('tr[data-step-id][data-done]')).toHaveCount(0);
	for (const field of Object.keys(plan)) await expect(page.locator(`[data-plan="${field}"] .sheet-line`)).toHaveCount(1);
	await expect(page.locator('[data-frame="printed"] .sheet-line')).toHaveCount(1);
	await expect(page.locator('[data-frame="site"] .sheet-line')).toHaveCount(1);
	await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
	const pages = await pdfPages(page, 'blank-whole', 'A4');
	expect([...rowPages(pages, ALL).keys()]).toEqual(ALL);
	await context.close();
});

for (const theme of ['light', 'dark'] as const) {
	for (const path of ['/print/?history', '/print/customer/', '/print/stages/day-of-upgrade/']) {
		test(`${path} has no accessibility violation in the ${theme} theme`, async ({ page, context }) => {
			test.setTimeout(90_000);
			await seed(context);
			await useTheme(page, theme);
			await page.goto(path, { waitUntil: 'networkidle' });
			await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
		});
	}
}

test('every print page lists every sheet: the whole upgrade, each stage, each role', async ({ page }) => {
	// The sheets as content/ defines them: every stage in order, every role in the order of roles.yaml.
	const expected = [
		['/print/', `All ${playbook.stages.length} stages`],
		...playbook.stages.map((stage) => [`/print/stages/${stage.id}/`, `${stage.order}. ${stage.title}`]),
		...playbook.roles.map((role) => [`/print/${role.id}/`, role.name]),
		['/print/day/', 'Day of Upgrade log'],
	];
	await page.goto('/print/');
	const links = page.getByRole('navigation', { name: 'Sign-off sheets' }).getByRole('link');
	expect(await links.evaluateAll((all) => all.map((a) => [a.getAttribute('href'), a.textContent!.trim()]))).toEqual(expected);
	for (const [href, label] of expected) {
		const response = await page.goto(href!);
		expect(response?.status(), href).toBe(200);
		await expect(page.getByRole('navigation', { name: 'Sign-off sheets' }).getByRole('link', { name: label, exact: true })).toHaveAttribute('aria-current', 'page');
		await expect(page.locator('tr[data-step-id]').first()).toBeVisible();
	}
	// A stage's print page holds that stage's steps, the one its stage page prints.
	await page.goto('/print/stages/validation/');
	const numbers = await page.locator('tr[data-step-id]').evaluateAll((rows) => rows.map((row) => Number((row as HTMLElement).dataset.stepNumber)));
	expect(numbers).toEqual(VALIDATION);
	await expect(page.locator('.sheet-decision')).toHaveCount(0);
});
