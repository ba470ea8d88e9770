import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { allPages, useTheme } from './site';

/** A phone's viewport: the site must fit it with no sideways panning. */
const PHONE = { width: 390, height: 844 };

// Every page the build wrote, found in dist/ rather than listed, so a new page is held to the width too.
const pages = [...allPages(), ...(existsSync(join(import.meta.dirname, '../../dist/404.html')) ? ['/404.html'] : [])];

test.use({ viewport: PHONE });

test('the width test finds the built pages', () => {
	expect(pages).toContain('/');
	expect(pages).toContain('/roles/');
	expect(pages.length).toBeGreaterThan(20);
});

for (const path of pages) {
	for (const theme of ['light', 'dark'] as const) {
		test(`${path} fits a ${PHONE.width}-pixel phone in the ${theme} theme`, async ({ page }) => {
			await useTheme(page, theme);
			await page.goto(path, { waitUntil: 'load' });
			await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
			const { scrollWidth, widest } = await page.evaluate(() => {
				const viewport = document.documentElement.clientWidth;
				/**
				 * Whether an ancestor clips or scrolls the element, so it cannot widen the page. An absolutely
				 * placed element escapes every box up to the positioned one that holds it (a visually hidden
				 * label in a scrolling table widens the page), and a fixed one never adds to the page's width.
				 */
				const contained = (el: Element) => {
					let position = getComputedStyle(el).position;
					if (position === 'fixed') return true;
					for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
						const style = getComputedStyle(p);
						if (position === 'absolute' && style.position === 'static') continue;
						if (style.overflowX !== 'visible') return true;
						if (style.position === 'fixed') return true;
						position = style.position;
					}
					return false;
				};
				/** A short path naming the element: tag, id and first class, with two ancestors for context. */
				const describe = (el: Element) => {
					const parts: string[] = [];
					for (let e: Element | null = el; e && parts.length < 3 && e !== document.body; e = e.parentElement) {
						parts.unshift(e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + (e.classList[0] ? `.${e.classList[0]}` : ''));
					}
					return parts.join(' > ');
				};
				let widest = { name: 'none', right: 0 };
				for (const el of document.body.querySelectorAll('*')) {
					const right = el.getBoundingClientRect().right + window.scrollX;
					if (right > viewport && right > widest.right && !contained(el)) widest = { name: describe(el), right: Math.round(right) };
				}
				return { scrollWidth: document.documentElement.scrollWidth, widest };
			});
			expect(scrollWidth, `${path} (${theme}) is ${scrollWidth} px wide at ${PHONE.width}; widest element: ${widest.name}, reaching ${widest.right} px`).toBeLessThanOrEqual(
				PHONE.width,
			);
		});
	}
}
