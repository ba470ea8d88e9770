import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSite, pageAddress, resolveLink, scanPage } from '../../../scripts/check-links.mjs';

/** Writes a small built site to a temporary folder. */
function site(files: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), 'links-'));
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, name)), { recursive: true });
		writeFileSync(join(dir, name), text);
	}
	return dir;
}

describe('scanPage', () => {
	it('finds ids, including those inside templates, and the addresses a page links to or loads', () => {
		const { ids, links } = scanPage('<h2 id="a">A</h2><template><p id="t"></p></template><a href="/x/#a">x</a><script src="/_astro/s.js"></script>');
		expect([...ids]).toEqual(['a', 't']);
		expect(links).toEqual([
			{ tag: 'a', url: '/x/#a' },
			{ tag: 'script', url: '/_astro/s.js' },
		]);
	});
});

describe('resolveLink', () => {
	const exists = (file: string) => ['index.html', 'roles/index.html', '_astro/s.js'].includes(file);
	it('maps folders to their index and keeps the anchor', () => {
		expect(resolveLink('/roles/#role-x', '/', '/', exists)).toEqual({ file: 'roles/index.html', hash: 'role-x' });
		expect(resolveLink('../', '/roles/', '/', exists)).toEqual({ file: 'index.html', hash: '' });
	});
	it('names what is wrong with a broken link', () => {
		expect(resolveLink('/nope/', '/', '/', exists)).toEqual({ broken: 'no such file in the build' });
		expect(resolveLink('/roles', '/', '/', exists)).toEqual({ broken: 'names a folder without its trailing slash' });
		expect(resolveLink('/roles/', '/playbook/', '/playbook/', exists)).toEqual({ broken: 'leaves the base path /playbook/' });
	});
	it('does not check other sites or schemes', () => {
		expect(resolveLink('https://example.org/', '/', '/', exists)).toBeNull();
		expect(resolveLink('mailto:a@b.c', '/', '/', exists)).toBeNull();
	});
});

describe('checkSite', () => {
	it('passes a sound site and names each broken link and anchor of a broken one', () => {
		const sound = site({ 'index.html': '<a href="/roles/#r">r</a>', 'roles/index.html': '<h2 id="r">R</h2><a href="/">home</a>' });
		expect(checkSite(sound, '/').every((r) => r.problems.length === 0)).toBe(true);
		const broken = site({ 'index.html': '<a href="/roles/#gone">r</a><a href="/missing/">m</a>', 'roles/index.html': '<p>R</p>' });
		const [home] = checkSite(broken, '/');
		expect(home!.page).toBe('/');
		expect(home!.problems).toEqual(['<a> /roles/#gone: no id "gone" on roles/index.html', '<a> /missing/: no such file in the build']);
	});
	it('reads pages under the base path', () => {
		expect(pageAddress('stages/x/index.html', '/playbook/')).toBe('/playbook/stages/x/');
		expect(pageAddress('404.html', '/')).toBe('/404.html');
	});
});
