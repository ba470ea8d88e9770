import { expect, test, type BrowserContext } from '@playwright/test';
import { isBuilt, pageTypes, toolUse } from './page-types';
import { allPages } from './site';

// The site must work on a closed network: no page and no tool may ask anything of another origin.

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Records every request of a context (pages and their workers) whose origin is not the site's. */
function foreignRequests(context: BrowserContext, origin: string): string[] {
	const foreign: string[] = [];
	context.on('request', (req) => {
		const url = req.url();
		// data: and blob: URLs are made in the page and fetch nothing.
		if (/^(data|blob):/.test(url)) return;
		if (new URL(url).origin === origin) return;
		let from = 'a worker';
		try {
			from = req.frame().url();
		} catch {
			// Requests of workers have no frame.
		}
		foreign.push(`${from} asked ${url}`);
	});
	return foreign;
}

test('no page asks anything of another origin', async ({ page, context, baseURL }) => {
	test.setTimeout(120_000);
	const foreign = foreignRequests(context, new URL(baseURL!).origin);
	for (const path of allPages()) await page.goto(path, { waitUntil: 'networkidle' });
	expect(foreign).toEqual([]);
});

for (const type of pageTypes()) {
	test(`${type.name} (${type.path}): using the tool asks nothing of another origin`, async ({ page, context, baseURL }) => {
		expect(isBuilt(type.path), `${type.path} is built`).toBe(true);
		const foreign = foreignRequests(context, new URL(baseURL!).origin);
		await page.goto(type.path, { waitUntil: 'networkidle' });
		const use = toolUse[type.name];
		if (use) test.info().annotations.push({ type: 'used', description: await use(page) });
		await page.waitForLoadState('networkidle');
		expect(foreign).toEqual([]);
	});
}
