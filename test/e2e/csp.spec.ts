import { expect, test, type Page } from '@playwright/test';
import { isBuilt, pageTypes, toolUse } from './page-types';
import { allPages, collectErrors } from './site';

// Every page carries a Content-Security-Policy that allows the site's own origin only; these
// tests prove that the pages and every tool work under it without a single violation.

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
	const logged: string[] = [];
	page.on('console', (msg) => {
		if (/content security policy/i.test(msg.text())) logged.push(`console: ${msg.text()}`);
	});
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} ${e.sample}`.trim()));
	});
	return async () => [...logged, ...(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []))];
}

test('every page has a policy that allows only its own origin', async ({ request }) => {
	for (const path of allPages()) {
		const html = await (await request.get(path)).text();
		const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replace(/&#39;|&apos;/g, "'");
		expect(policy, `${path} has no Content-Security-Policy`).toBeDefined();
		expect(policy).toContain("default-src 'self'");
		expect(policy, `${path} allows a source other than its own origin`).not.toMatch(/https?:|'unsafe-inline'|'unsafe-eval'|\*/);
		// Before any script, so that it covers every one.
		expect(html.indexOf('Content-Security-Policy'), `${path}: the policy comes after a script`).toBeLessThan(html.indexOf('<script'));
	}
});

test('every page loads with zero CSP violations', async ({ page }) => {
	test.setTimeout(180_000);
	const violations = await watchViolations(page);
	const found: string[] = [];
	for (const path of allPages()) {
		await page.goto(path, { waitUntil: 'networkidle' });
		found.push(...(await violations()).map((v) => `${path}: ${v}`));
	}
	expect(found).toEqual([]);
});

for (const type of pageTypes()) {
	test(`${type.name} (${type.path}): the page and its tool work under the policy`, async ({ page }) => {
		expect(isBuilt(type.path), `${type.path} is built`).toBe(true);
		const errors = collectErrors(page);
		const violations = await watchViolations(page);
		await page.goto(type.path, { waitUntil: 'networkidle' });
		const use = toolUse[type.name];
		if (use) test.info().annotations.push({ type: 'used', description: await use(page) });
		await page.waitForLoadState('networkidle');
		expect(await violations()).toEqual([]);
		expect(errors).toEqual([]);
	});
}

test('search runs its WebAssembly under the policy', async ({ page }) => {
	const violations = await watchViolations(page);
	await page.goto('/glossary/');
	await page.getByRole('button', { name: 'Search' }).first().click();
	await page.locator('site-search dialog').getByRole('searchbox').fill('go no-go decision');
	await expect(page.locator('site-search dialog .search-result').first()).toBeVisible();
	expect(await violations()).toEqual([]);
});

test('the policy blocks what it does not list', async ({ page }) => {
	const violations = await watchViolations(page);
	await page.goto('/glossary/', { waitUntil: 'networkidle' });
	await page.evaluate(() => {
		const script = document.createElement('script');
		script.textContent = 'window.injected = true';
		document.body.append(script);
		document.body.setAttribute('style', 'outline: 1px solid red');
	});
	await expect.poll(async () => (await violations()).length).toBeGreaterThanOrEqual(2);
	expect(await page.evaluate(() => 'injected' in window)).toBe(false);
});
