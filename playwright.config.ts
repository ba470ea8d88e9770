import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * Browser tests run against the built site in Debian's Chromium; no browser is ever downloaded.
 * Every spec runs against a small Node server of dist/; the request audit, the CSP tests and the
 * header checks run again against nginx with deploy/nginx.conf, as a host serves the site.
 * E2E_NGINX=off leaves nginx out (a machine without it). Where a build under /playbook/ exists
 * (dist-base/, which CI makes with BASE_PATH=/playbook/), nginx serves it there for base-path.spec.ts.
 */
const port = Number(process.env.E2E_PORT ?? 4329);
const nginxPort = Number(process.env.E2E_NGINX_PORT ?? port + 10);
const withNginx = process.env.E2E_NGINX !== 'off';
const basePort = Number(process.env.E2E_BASE_PORT ?? port + 20);
const withBasePath = withNginx && existsSync('dist-base/index.html');
const browser = {
	launchOptions: {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
	},
};

export default defineConfig({
	testDir: 'test/e2e',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	timeout: 30_000,
	reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
	projects: [
		{ name: 'static', testIgnore: /(served|base-path)\.spec\.ts$/, use: { ...browser, baseURL: `http://127.0.0.1:${port}` } },
		...(withNginx ? [{ name: 'nginx', testMatch: /(requests|csp|served)\.spec\.ts$/, use: { ...browser, baseURL: `http://127.0.0.1:${nginxPort}` } }] : []),
		...(withBasePath ? [{ name: 'base-path', testMatch: /base-path\.spec\.ts$/, use: { ...browser, baseURL: `http://127.0.0.1:${basePort}/playbook/` } }] : []),
	],
	webServer: [
		{
			// Serves dist/ as built; builds it first only when there is none.
			command: `test -f dist/index.html || npx astro build; node scripts/serve-dist.mjs dist ${port}`,
			url: `http://127.0.0.1:${port}/`,
			reuseExistingServer: !process.env.CI,
			timeout: 180_000,
		},
		...(withNginx
			? [
					{
						// The same dist/ through nginx; it answers 404 until the build above has written the site, and Playwright waits for a page.
						command: `node scripts/serve-nginx.mjs dist ${nginxPort}`,
						url: `http://127.0.0.1:${nginxPort}/`,
						reuseExistingServer: !process.env.CI,
						timeout: 180_000,
					},
				]
			: []),
		...(withBasePath
			? [
					{
						command: `node scripts/serve-nginx.mjs dist-base ${basePort} --base /playbook/`,
						url: `http://127.0.0.1:${basePort}/playbook/`,
						reuseExistingServer: !process.env.CI,
						timeout: 60_000,
					},
				]
			: []),
	],
});
