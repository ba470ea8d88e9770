import { defineConfig } from '@playwright/test';

/** Browser tests run against the built site in Debian's Chromium; no browser is ever downloaded. */
const port = Number(process.env.E2E_PORT ?? 4329);

export default defineConfig({
	testDir: 'test/e2e',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	timeout: 30_000,
	reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
		},
	},
	webServer: {
		// Serves dist/ as built; builds it first only when there is none.
		command: `test -f dist/index.html || npx astro build; node scripts/serve-dist.mjs dist ${port}`,
		url: `http://127.0.0.1:${port}/`,
		reuseExistingServer: !process.env.CI,
		timeout: 180_000,
	},
});
