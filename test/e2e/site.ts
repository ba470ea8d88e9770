import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from '@playwright/test';

const dist = join(import.meta.dirname, '../../dist');

/** Every page of the built site, as a path like `/stages/validation/`. */
export function allPages(): string[] {
	const pages: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) {
				if (!['_astro', 'pagefind'].includes(name)) walk(path);
			} else if (name === 'index.html') {
				pages.push(`/${relative(dist, dir)}/`.replace(/\/+/g, '/'));
			}
		}
	};
	walk(dist);
	return pages.sort();
}

/** Collects console errors and uncaught exceptions of a page, to assert there are none. */
export function collectErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
	});
	page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
	return errors;
}

/** Starts the page in a colour theme, the way Starlight's theme picker stores it. */
export async function useTheme(page: Page, theme: 'light' | 'dark') {
	await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
}

/** Opens a page on a browser whose storage holds exactly the given entries, then reloads so the page reads them as a returning reader's. */
export async function openWithStorage(page: Page, path: string, entries: Record<string, string>): Promise<void> {
	await page.goto(path);
	await page.evaluate((seed) => {
		localStorage.clear();
		for (const [key, value] of Object.entries(seed)) localStorage.setItem(key, value);
	}, entries);
	await page.reload({ waitUntil: 'networkidle' });
}
