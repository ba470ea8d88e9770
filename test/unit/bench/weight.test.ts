import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, jsShare, pageWeight, scriptHashes } from '../../../bench/weight';

/** Writes a small built site into a new folder. */
function site(files: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), 'weight-'));
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, name)), { recursive: true });
		writeFileSync(join(dir, name), text);
	}
	return dir;
}

describe('importsOf', () => {
	it('reads static and dynamic imports in minified bundles, with any quotes', () => {
		const code = 'import{a as b}from"./x.js";import"./y.js";export*from\'./z.js\';let m=()=>import(`./lazy.js`);';
		expect(importsOf(code)).toEqual({ static: ['./x.js', './y.js', './z.js'], dynamic: ['./lazy.js'] });
	});

	it("counts what Vite's preload map lists as loaded on demand", () => {
		const code = 'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/q.js","_astro/r.js"])))=>i.map(i=>d[i]);';
		expect(importsOf(code).dynamic).toEqual(['/_astro/q.js', '/_astro/r.js']);
	});
});

const plain = site({
	'index.html': '<html><head><script>theme()</script><script type="module" src="/_astro/search.js"></script><script type="module" src="/_astro/toc.js"></script></head></html>',
	'_astro/search.js': 'starlightSearch();'.repeat(20),
	'_astro/toc.js': 'import"./shared.js";toc();',
	'_astro/shared.js': 'shared();',
});
const ours = site({
	'index.html': '<html><head><script>theme()</script><script type="module" src="/_astro/our-search.js"></script><script type="module" src="/_astro/toc.js"></script></head></html>',
	'tool/index.html': '<html><head><script>theme()</script><script type="module" src="/_astro/tool.js"></script><link rel="stylesheet" href="/_astro/a.css"></head></html>',
	'_astro/our-search.js': 'ourSearch();',
	'_astro/toc.js': 'import"./shared.js";toc();',
	'_astro/shared.js': 'shared();',
	'_astro/tool.js': 'import{x}from"./helper.js";tool(()=>import("./later.js"));',
	'_astro/helper.js': 'helper();',
	'_astro/later.js': 'import"./deeper.js";later();',
	'_astro/deeper.js': 'deeper();',
	'_astro/a.css': 'a{}',
});

describe('pageWeight', () => {
	it('follows static imports into the first load and dynamic ones into "on demand"', () => {
		const page = pageWeight(ours, '/tool/')!;
		expect(page.js.map((a) => a.name)).toEqual(['inline script 1', '/_astro/tool.js', '/_astro/helper.js']);
		expect(page.onDemand.map((a) => a.name)).toEqual(['/_astro/later.js', '/_astro/deeper.js']);
		expect(page.css.map((a) => a.name)).toEqual(['/_astro/a.css']);
	});

	it('says undefined for a page that was not built', () => {
		expect(pageWeight(ours, '/missing/')).toBeUndefined();
	});
});

describe('jsShare', () => {
	const hashes = scriptHashes(plain);
	const base = pageWeight(plain, '/')!;

	it("counts a replacement smaller than Starlight's script it displaces as none of ours", () => {
		const share = jsShare(pageWeight(ours, '/')!, base, hashes);
		expect(share.ownFiles).toEqual(['/_astro/our-search.js']);
		expect(share.displaced.gz).toBeGreaterThan(share.own.gz);
		expect(share.ours).toEqual({ raw: 0, gz: 0 });
	});

	it('counts a tool and its static imports as ours, less what it displaces', () => {
		const share = jsShare(pageWeight(ours, '/tool/')!, base, hashes);
		expect(share.ownFiles).toEqual(['/_astro/tool.js', '/_astro/helper.js']);
		expect(share.ours.gz).toBe(Math.max(0, share.own.gz - share.displaced.gz));
	});
});
