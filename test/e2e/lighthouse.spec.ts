import { expect, test } from '@playwright/test';
import { launchChromium, lighthouseRun, NOINDEX_SKIPS } from '../../bench/lighthouse';
import { isBuilt, pageTypes } from './page-types';

// The CI half of the Lighthouse budget: 100 in accessibility, best practices and SEO on every
// page type, one run each (these scores do not depend on timing). Performance is measured by
// the bench only (npm run bench), where three runs on a quiet machine give a median. A page
// marked noindex (the print views) asks not to be indexed, so "is crawlable" is left out there.

for (const type of pageTypes()) {
	test(`${type.name} (${type.path}) scores 100 in accessibility, best practices and SEO`, async ({ baseURL }) => {
		expect(isBuilt(type.path), `${type.path} is built`).toBe(true);
		test.setTimeout(90_000);
		const chrome = await launchChromium();
		try {
			const skips = type.noindex ? NOINDEX_SKIPS : [];
			const { scores, failing } = await lighthouseRun(new URL(type.path, baseURL).href, chrome.port, ['accessibility', 'best-practices', 'seo'], skips);
			expect(failing, `page ${type.name} (${type.path}) scores ${JSON.stringify(scores)}`).toEqual([]);
			expect(scores).toEqual({ accessibility: 100, 'best-practices': 100, seo: 100 });
		} finally {
			chrome.kill();
		}
	});
}
