import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

// What the host adds to the site, checked on nginx with deploy/nginx.conf (the "nginx" project):
// compression, caching that never serves a stale page but keeps hashed files for a year, and the
// headers a <meta> policy cannot carry.

const dist = join(import.meta.dirname, '../../dist');
const gzip = { headers: { 'accept-encoding': 'gzip' } };
const YEAR = 'public, max-age=31536000, immutable';

/** The first file of a dist/ folder whose name matches, as a site path. */
function builtFile(folder: string, pattern: RegExp): string {
	const name = readdirSync(join(dist, folder), { recursive: true, encoding: 'utf8' }).find((file) => pattern.test(file));
	if (!name) throw new Error(`no file matching ${pattern} in dist/${folder}`);
	return `/${folder}/${name}`;
}

test('pages come compressed, always revalidated, and refuse to be framed', async ({ request }) => {
	for (const path of ['/', '/stages/preparation/', '/releases/', '/tickets/val-request/']) {
		const response = await request.get(path, gzip);
		expect(response.status(), path).toBe(200);
		const headers = response.headers();
		expect(headers['content-type'], path).toBe('text/html; charset=utf-8');
		expect(headers['content-encoding'], path).toBe('gzip');
		expect(headers['cache-control'], path).toBe('no-cache');
		expect(headers['content-security-policy'], path).toBe("frame-ancestors 'none'");
		expect(headers['x-frame-options'], path).toBe('DENY');
		expect(headers['x-content-type-options'], path).toBe('nosniff');
		expect(headers['referrer-policy'], path).toBe('no-referrer');
		expect(headers['permissions-policy'], path).toContain('camera=()');
		expect(headers['server'], path).toBe('nginx');
		// The page's own full policy still travels in the page.
		expect(await response.text(), path).toContain('http-equiv="Content-Security-Policy"');
	}
});

test('hashed scripts and styles are cached for a year, compressed', async ({ request }) => {
	for (const path of [builtFile('_astro', /\.js$/), builtFile('_astro', /\.css$/)]) {
		const response = await request.get(path, gzip);
		expect(response.status(), path).toBe(200);
		expect(response.headers()['cache-control'], path).toBe(YEAR);
		expect(response.headers()['content-encoding'], path).toBe('gzip');
	}
});

test("search: hashed index files are cached for a year, Pagefind's fixed-name files revalidated", async ({ request }) => {
	for (const path of [builtFile('pagefind', /\.pf_fragment$/), builtFile('pagefind', /\.pf_index$/), builtFile('pagefind', /\.pf_meta$/)]) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		expect(response.headers()['cache-control'], path).toBe(YEAR);
	}
	for (const path of ['/pagefind/pagefind.js', '/pagefind/pagefind-entry.json']) {
		const response = await request.get(path, gzip);
		expect(response.status(), path).toBe(200);
		expect(response.headers()['cache-control'], path).toBe('no-cache');
	}
	// The entry file is a few hundred bytes: below the size worth compressing.
	expect((await request.get('/pagefind/pagefind.js', gzip)).headers()['content-encoding']).toBe('gzip');
});

test('a missing page answers 404 with the site’s page and the same headers', async ({ request }) => {
	const response = await request.get('/no-such-page/', gzip);
	expect(response.status()).toBe(404);
	expect(response.headers()['content-security-policy']).toBe("frame-ancestors 'none'");
	expect(await response.text()).toContain('<title>');
});

test('a folder asked for without its slash redirects to it, on the same host', async ({ request }) => {
	const response = await request.get('/roles', { maxRedirects: 0 });
	expect(response.status()).toBe(301);
	expect(response.headers()['location']).toBe('/roles/');
});

test('a page cannot be shown in a frame', async ({ page, baseURL }) => {
	let refused = '';
	page.on('console', (msg) => {
		if (msg.text().includes("frame-ancestors 'none'")) refused = msg.text();
	});
	await page.setContent(`<iframe src="${baseURL}/roles/"></iframe>`);
	await expect.poll(() => refused).toContain('has been blocked');
});
