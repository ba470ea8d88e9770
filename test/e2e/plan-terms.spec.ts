import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { readProcess } from '../../src/process/loader';
import { collectErrors } from './site';

const root = join(import.meta.dirname, '../..');

/** Each step's own wording (title, activity, notes) and the terms the step plan uses for it, from the step files. */
const steps = new Map(
	readProcess(root).steps.map((step) => {
		const own = `${step.title} ${step.activity} ${step.source.notes}`.replace(/\s+/g, ' ').toLowerCase();
		return [step.number, { own, planTerms: step.plan_terms }];
	}),
);

// Terms a reader who knows the step plan would type, which the playbook words differently.
const TERMS: [string, number][] = [
	['rollback', 20],
	['self-service password reset', 7],
	['alignment', 14],
	['infrastructure state', 15],
	['artifact of the configuration update process', 6],
	['validation exercise', 12],
	['upgrade can proceed', 19],
	['revert back to the old situation', 24],
	['engineering input', 11],
	['forward compatible', 5],
	['traversing many versions', 18],
	['intent to initiate the upgrade process', 13],
];

test('the chosen terms are the plan’s terms of their step, and the playbook’s own wording of the step does not use them', () => {
	expect(TERMS.length).toBeGreaterThanOrEqual(10);
	for (const [term, number] of TERMS) {
		const step = steps.get(number)!;
		expect(step.planTerms, `step ${number}`).toContain(term);
		expect(step.own, `step ${number} words "${term}" itself, so finding it proves nothing`).not.toContain(term.toLowerCase());
	}
});

for (const [term, number] of TERMS) {
	test(`searching the plan’s term "${term}" finds step ${number} in the top three`, async ({ page }) => {
		const errors = collectErrors(page);
		await page.goto(`/search/?q=${encodeURIComponent(term)}`);
		const links = page.locator('search-page .search-result-link');
		await expect(links.first()).toBeVisible();
		const hrefs = (await links.evaluateAll((els) => els.slice(0, 3).map((el) => el.getAttribute('href') ?? ''))) as string[];
		expect(hrefs.some((href) => href.endsWith(`#step-${number}`)), `top three for "${term}": ${hrefs.join(', ')}`).toBe(true);
		expect(errors).toEqual([]);
	});
}

test('a step shows the plan’s terms under it, and the source it follows', async ({ page }) => {
	await page.goto('/stages/day-of-upgrade/');
	const step = page.locator('section.step[data-step-number="20"]');
	await expect(step.locator('.step-source')).toContainText('Source: step plan, step 20');
	await expect(step.locator('.plan-terms')).toHaveText('In the plan: backup, rollback, Prod MAIN and TEST');
	await step.locator('.step-source a.cite').click();
	await expect(page).toHaveURL(/\/sources\/#step-plan$/);
	await expect(page.locator('#step-plan')).toContainText('https://foundryhealth.atlassian.net/wiki/pages/viewpage.action?pageId=3886219265');
});

test('the sources page lists every source with its address written out, with no accessibility violation', async ({ page }) => {
	const errors = collectErrors(page);
	await page.goto('/sources/');
	const entries = page.locator('.source-entries > li');
	expect(await entries.count()).toBeGreaterThanOrEqual(20);
	await expect(page.locator('#upgrading-clinspark-earlier')).toContainText('earlier wording, since changed');
	await expect(page.locator('#upgrading-clinspark a.source-address')).toHaveText('https://foundryhealth.atlassian.net/wiki/spaces/DOCS/pages/3700293727/Upgrading+ClinSpark');
	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
	expect(errors).toEqual([]);
});

test('the background page cites its sources and ends with them, addresses written out', async ({ page }) => {
	await page.goto('/background/');
	// The 15 minutes are an earlier page's figure, cited as such, never the plan's.
	const downtime = page.locator('p', { hasText: 'typically no longer than 15 minutes' });
	await expect(downtime.locator('a.cite')).toHaveAttribute('href', '/sources/#upgrading-clinspark-earlier');
	await expect(page.locator('.sources-cited li', { hasText: 'earlier wording' })).toContainText('Upgrading ClinSpark, earlier wording of the PROD upgrade section');
	await expect(page.locator('.sources-cited a.source-address', { hasText: 'ecfr.gov' })).toHaveCount(1);
});
