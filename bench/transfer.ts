/**
 * What Chromium transfers for a page: on a first visit (navigation to network idle, in a fresh
 * profile) and, for a stage page, on the first tick after it (signing step 1 through to a recorded
 * event, then network idle again). Bytes are the DevTools protocol's `encodedDataLength`: headers
 * included, compressed as the host sent them. Used by the bench and by the transfer test in CI.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

/** One response of a visit, and whether it came with the visit or with the first tick. */
export interface Transferred {
	url: string;
	bytes: number;
	phase: 'visit' | 'tick';
}

/** What a visit (and its first tick, when asked) transferred, response by response. */
export interface Transfer {
	visit: number;
	tick: number;
	responses: Transferred[];
}

/** Resolves once no request has been in flight for `quiet` ms: network idle, which Playwright only offers for a navigation. */
async function idle(page: Page, inFlight: () => number, quiet = 500): Promise<void> {
	let since = Date.now();
	for (;;) {
		await page.waitForTimeout(50);
		if (inFlight() > 0) since = Date.now();
		else if (Date.now() - since >= quiet) return;
	}
}

/**
 * Ticks step 1 of a stage page as a reader signing it for the first time: the box, then whatever the page asks
 * (the name and role, the meaning, a confirmation) until the step shows as done. Throws when it never does.
 */
export async function firstTick(page: Page, name = 'Ada Lovelace'): Promise<void> {
	const signoff = page.locator('step-signoff').first();
	const box = signoff.locator('input[data-ref="done"]');
	// By keyboard: a pointer resting on the page would also count what it happens to hover (the step tools load on reach).
	await box.press('Space');
	const done = () => page.evaluate(() => !!document.querySelector('step-signoff [data-ref="status"]')?.textContent?.startsWith('Done'));
	const open = page.locator('dialog[open]');
	// The box shows the tick at once while the questions are asked; the status says when the event is recorded.
	for (let i = 0; i < 4; i++) {
		await page.waitForFunction(() => !!document.querySelector('dialog[open]') || !!document.querySelector('step-signoff [data-ref="status"]')?.textContent?.startsWith('Done'), null, { timeout: 15_000 });
		if (await done()) return;
		const dialog = open.first();
		const nameBox = dialog.getByLabel(/Your name/);
		if ((await nameBox.count()) && !(await nameBox.inputValue())) await nameBox.fill(name);
		const role = dialog.getByLabel(/Your role/);
		if ((await role.count()) && !(await role.inputValue())) await role.selectOption('customer');
		const kind = (await dialog.getAttribute('class'))!.split(' ')[0];
		await dialog.getByRole('button', { name: 'Sign off' }).press('Enter');
		await page.locator(`dialog.${kind}[open]`).waitFor({ state: 'detached', timeout: 15_000 });
	}
	throw new Error('step 1 did not show as done after signing');
}

/** Visits url in a fresh context of browser and counts what it transfers; with `tick`, then the first tick too. */
export async function measureTransfer(browser: Browser, url: string, tick?: (page: Page) => Promise<void>): Promise<Transfer> {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		const urls = new Map<string, string>();
		const pending = new Set<string>();
		const responses: Transferred[] = [];
		let phase: Transferred['phase'] = 'visit';
		cdp.on('Network.requestWillBeSent', (e) => {
			urls.set(e.requestId, e.request.url);
			pending.add(e.requestId);
		});
		cdp.on('Network.loadingFinished', (e) => {
			pending.delete(e.requestId);
			responses.push({ url: urls.get(e.requestId) ?? '', bytes: e.encodedDataLength, phase });
		});
		cdp.on('Network.loadingFailed', (e) => pending.delete(e.requestId));
		await page.goto(url, { waitUntil: 'networkidle' });
		await idle(page, () => pending.size);
		if (tick) {
			phase = 'tick';
			await tick(page);
			await idle(page, () => pending.size);
		}
		const sum = (p: Transferred['phase']) => responses.filter((r) => r.phase === p).reduce((n, r) => n + r.bytes, 0);
		return { visit: sum('visit'), tick: sum('tick'), responses };
	} finally {
		await context.close();
	}
}

/**
 * What a reader's walk through several pages transfers in one browser profile, so that what an earlier page
 * fetched is reused from the cache as a browser would: the bytes of each page's visit, in order.
 */
export async function measureWalk(browser: Browser, origin: string, paths: readonly string[]): Promise<{ path: string; bytes: number }[]> {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		const pending = new Set<string>();
		let bytes = 0;
		cdp.on('Network.requestWillBeSent', (e) => pending.add(e.requestId));
		cdp.on('Network.loadingFinished', (e) => {
			pending.delete(e.requestId);
			bytes += e.encodedDataLength;
		});
		cdp.on('Network.loadingFailed', (e) => pending.delete(e.requestId));
		const walk: { path: string; bytes: number }[] = [];
		for (const path of paths) {
			bytes = 0;
			await page.goto(origin + path, { waitUntil: 'networkidle' });
			await idle(page, () => pending.size);
			walk.push({ path, bytes });
		}
		return walk;
	} finally {
		await context.close();
	}
}

/** The kind of a fetched resource, by its path: what the bench's table of kinds sums by. */
export function resourceKind(path: string): 'HTML' | 'CSS' | 'JS' | 'data' | 'other' {
	const bare = path.split(/[?#]/)[0]!;
	if (bare.endsWith('/') || bare.endsWith('.html')) return 'HTML';
	if (bare.endsWith('.css')) return 'CSS';
	if (/\.m?js$/.test(bare)) return 'JS';
	if (bare.endsWith('.json')) return 'data';
	return 'other';
}

const pageTypesFile = join(import.meta.dirname, 'page-types.json');

/** What bench/page-types.json records of plain Starlight's first visit, and the share of it the stage page may transfer. */
export interface TransferBudget {
	plainFirstVisit: number;
	measured: string;
	stagePath: string;
	stageShare: number;
}

/** The transfer budget as the last bench run recorded it. */
export function transferBudget(): TransferBudget {
	return (JSON.parse(readFileSync(pageTypesFile, 'utf8')) as { transfer: TransferBudget }).transfer;
}

/** Records plain Starlight's first visit and its date in bench/page-types.json, leaving the rest of the file as written. */
export function recordPlainVisit(bytes: number, when: Date): void {
	const text = readFileSync(pageTypesFile, 'utf8');
	const next = text
		.replace(/("plainFirstVisit":\s*)\d+/, `$1${bytes}`)
		.replace(/("measured":\s*)"[^"]*"/, `$1"${when.toISOString().slice(0, 10)}"`);
	writeFileSync(pageTypesFile, next);
}
