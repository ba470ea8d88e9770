import { expect, test } from '@playwright/test';
import { isBuilt, pageTypes } from './page-types';

// Nothing a reader sees moves once the page has drawn: a tool's controls take their place from the first paint,
// whenever their code arrives. The page's script is held back here, so that the page is drawn before it runs, as
// on a slow connection; any shift its script then causes is counted. Layout Instability API, as Lighthouse reads it.

const HOLD_MS = 400;
const LIMIT = 0.01;

for (const type of pageTypes()) {
	for (const viewport of [
		{ width: 412, height: 823 },
		{ width: 1280, height: 800 },
	]) {
		test(`${type.name} (${type.path}) does not shift when its script runs late, at ${viewport.width} pixels`, async ({ page }) => {
			expect(isBuilt(type.path), `${type.path} is built`).toBe(true);
			await page.setViewportSize(viewport);
			await page.addInitScript(() => {
				const shifts: { value: number; sources: string[] }[] = [];
				(window as unknown as { shifts: typeof shifts }).shifts = shifts;
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node | null }[] })[]) {
						if (entry.hadRecentInput) continue;
						const name = (node?: Node | null) => (node instanceof Element ? `${node.localName}${node.id ? `#${node.id}` : ''}${node.classList.length ? `.${[...node.classList].join('.')}` : ''}` : String(node?.nodeName));
						shifts.push({ value: entry.value, sources: entry.sources.map((s) => name(s.node)) });
					}
				}).observe({ type: 'layout-shift', buffered: true });
			});
			let held = 0;
			await page.route(/\/_astro\/page\.[\w-]+\.js$/, async (route) => {
				held += 1;
				await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
				await route.continue();
			});
			await page.goto(type.path, { waitUntil: 'networkidle' });
			// The script ran, and whatever it shows is in place.
			await page.waitForTimeout(500);
			const shifts = await page.evaluate(() => (window as unknown as { shifts: { value: number; sources: string[] }[] }).shifts);
			// Starlight's fixed right sidebar can jump from the main column's width to its own on a loaded machine, on plain
			// Starlight's one page too (reproduced with the CPU slowed 8 times): a shift of Starlight's layout alone is not held here.
			const ours = shifts.filter((s) => !(s.sources.length > 0 && s.sources.every((source) => source.startsWith('div.right-sidebar'))));
			const total = ours.reduce((sum, s) => sum + s.value, 0);
			expect(held, 'the page has a script to hold back').toBeGreaterThan(0);
			expect(total, ours.map((s) => `${s.value.toFixed(3)}: ${s.sources.join(', ')}`).join('\n')).toBeLessThan(LIMIT);
		});
	}
}
