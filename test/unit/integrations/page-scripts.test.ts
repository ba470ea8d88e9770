import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundlePageScripts, moduleScripts, replaceScripts, scriptsKey, withoutPreloads } from '../../../src/integrations/page-scripts';

const page = [
	'<html><head><script>window.theme = 1;</script>',
	'<script type="module" src="/_astro/a.js"></script>',
	'<!-- <script type="module" src="/_astro/commented.js"></script> -->',
	'<style>p::after{content:"<script type=module>"}</style>',
	'</head><body><p>text</p>',
	'<script type="module">customElements.define("x-y", class extends HTMLElement {});</script>',
	'<script type="application/json">{"a": 1}</script>',
	'<script type="module" src="/_astro/b.js"></script></body></html>',
].join('');

describe('moduleScripts', () => {
	it('finds module scripts, files and inline, in order, and nothing in comments, styles or other scripts', () => {
		const found = moduleScripts(page);
		expect(found.map((s) => s.src ?? s.code)).toEqual(['/_astro/a.js', 'customElements.define("x-y", class extends HTMLElement {});', '/_astro/b.js']);
		for (const s of found) expect(page.slice(s.start, s.end)).toMatch(/^<script[\s\S]*<\/script>$/);
	});
});

describe('replaceScripts', () => {
	it('puts one script where the first stood and removes the others, leaving classic scripts and data blocks', () => {
		const html = replaceScripts(page, moduleScripts(page), '/_astro/page.X.js');
		expect(moduleScripts(html).map((s) => s.src)).toEqual(['/_astro/page.X.js']);
		expect(html.indexOf('page.X.js')).toBeLessThan(html.indexOf('<p>text</p>'));
		expect(html).toContain('<script>window.theme = 1;</script>');
		expect(html).toContain('<script type="application/json">{"a": 1}</script>');
		expect(html).not.toContain('customElements.define');
	});

	it('leaves a page without module scripts as it is', () => {
		expect(replaceScripts('<p>x</p>', [], '/_astro/page.X.js')).toBe('<p>x</p>');
	});
});

describe('scriptsKey', () => {
	it('is the same for the same scripts in the same order, and differs otherwise', () => {
		const scripts = moduleScripts(page);
		expect(scriptsKey(scripts)).toBe(scriptsKey(moduleScripts(`<p>other text</p>${page}`)));
		expect(scriptsKey(scripts)).not.toBe(scriptsKey([...scripts].reverse()));
		expect(scriptsKey(scripts)).not.toBe(scriptsKey(scripts.slice(1)));
	});
});

describe('withoutPreloads', () => {
	it("turns Vite's preload helper into a plain call under the same export name", async () => {
		const code = withoutPreloads('var a=function(a,o,s){let c=Promise.resolve();return c.then(()=>a())};export{a as t};', '/x/_astro/preload-helper.Dyg_bN-j.js')!;
		const helper = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { t: (load: () => Promise<string>) => Promise<string> };
		await expect(helper.t(() => Promise.resolve('loaded'))).resolves.toBe('loaded');
	});

	it('empties the lists of files a dynamic import would preload', () => {
		const code = 'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/x.AAAAAAAA.js","_astro/y.BBBBBBBB.js"])))=>i.map(i=>d[i]);\nimport{t as p}from"./preload-helper.C.js";p(()=>import("./x.AAAAAAAA.js"),__vite__mapDeps([0,1]));';
		const out = withoutPreloads(code, '/x/_astro/a.js')!;
		expect(out).toContain('const __vite__mapDeps=()=>[];');
		expect(out).not.toContain('_astro/y.BBBBBBBB.js');
	});

	it('leaves other code alone, and stops the build on a helper or a list of a shape it does not know', () => {
		expect(withoutPreloads('export const a = 1;', '/x/_astro/a.js')).toBeUndefined();
		expect(() => withoutPreloads('export default function () {}', '/x/_astro/preload-helper.AAAAAAAA.js')).toThrow(/one export/);
		expect(() => withoutPreloads('var __vite__mapDeps = ["a"];', '/x/_astro/a.js')).toThrow(/does not know/);
	});
});

describe('bundlePageScripts', () => {
	let out: string | undefined;
	afterEach(() => {
		if (out) rmSync(out, { recursive: true, force: true });
		vi.restoreAllMocks();
	});

	/** A built site in a temporary folder: its pages load the files under _astro/ as Vite writes them. */
	const site = (base: string) => {
		out = mkdtempSync(join(tmpdir(), 'page-scripts-'));
		const files: Record<string, string> = {
			'_astro/shared.AAAAAAAA.js': 'const t=()=>"shared";export{t as s};',
			'_astro/preload-helper.BBBBBBBB.js': 'var a=function(a,o){return Promise.resolve(o).then(()=>a())};export{a as t};',
			'_astro/a.CCCCCCCC.js':
				'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/later.DDDDDDDD.js","_astro/shared.AAAAAAAA.js"])))=>i.map(i=>d[i]);\n' +
				'import{t as p}from"./preload-helper.BBBBBBBB.js";import{s}from"./shared.AAAAAAAA.js";globalThis.ran.push("a:"+s());globalThis.later=p(()=>import("./later.DDDDDDDD.js"),__vite__mapDeps([0,1])).then(m=>m.go());',
			'_astro/later.DDDDDDDD.js': 'import{s}from"./shared.AAAAAAAA.js";function go(){return s()+" later"}export{go};',
			'_astro/b.EEEEEEEE.js': 'import{s}from"./shared.AAAAAAAA.js";globalThis.ran.push("b:"+s());',
			'_astro/worker.FFFFFFFF.js': 'self.onmessage=()=>{};',
		};
		const scripts = `<script>classic()</script><script type="module" src="${base}_astro/a.CCCCCCCC.js"></script><p>x</p><script type="module">globalThis.ran.push("inline")</script><script type="module" src="${base}_astro/b.EEEEEEEE.js"></script>`;
		files['index.html'] = `<html><head>${scripts}</head><body></body></html>`;
		files['other/index.html'] = `<html><head>${scripts}</head><body><p>other</p></body></html>`;
		files['third/index.html'] = `<html><head><script type="module" src="${base}_astro/b.EEEEEEEE.js"></script></head></html>`;
		files['plain/index.html'] = '<html><head><script>classic()</script></head></html>';
		for (const [name, text] of Object.entries(files)) {
			mkdirSync(dirname(join(out, name)), { recursive: true });
			writeFileSync(join(out, name), text);
		}
		return out;
	};
	const srcs = (dir: string, name: string) => moduleScripts(readFileSync(join(dir, name), 'utf8')).map((s) => s.src!);

	for (const base of ['/', '/playbook/']) {
		it(`gives each page one script, shared by pages with the same scripts, that runs them all in order (base ${base})`, async () => {
			const dir = site(base);
			expect(await bundlePageScripts(dir, base)).toEqual({ pages: 3, bundles: 2, folded: 5 });
			const [first] = srcs(dir, 'index.html');
			expect(srcs(dir, 'index.html')).toEqual([first]);
			expect(srcs(dir, 'other/index.html')).toEqual([first]);
			expect(srcs(dir, 'third/index.html')).toHaveLength(1);
			expect(srcs(dir, 'third/index.html')[0]).not.toBe(first);
			expect(first).toMatch(new RegExp(`^${base}_astro/page\\.[\\w-]+\\.js$`));
			expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain('<script>classic()</script>');
			expect(readFileSync(join(dir, 'plain/index.html'), 'utf8')).toBe('<html><head><script>classic()</script></head></html>');

			// The folded files are gone, the worker no page imports is kept, and the on-demand code has a file of its own.
			const left = readdirSync(join(dir, '_astro'));
			for (const gone of ['a.CCCCCCCC.js', 'b.EEEEEEEE.js', 'shared.AAAAAAAA.js', 'preload-helper.BBBBBBBB.js', 'later.DDDDDDDD.js']) expect(left).not.toContain(gone);
			expect(left).toContain('worker.FFFFFFFF.js');
			expect(left.filter((name) => /^later\.[\w-]+\.js$/.test(name))).toHaveLength(1);
			const code = readFileSync(join(dir, first!.slice(base.length - 1)), 'utf8');
			expect(code).not.toMatch(/DDDDDDDD|AAAAAAAA|preload/);

			const ran: string[] = [];
			Object.assign(globalThis, { ran });
			await import(pathToFileURL(join(dir, first!.slice(base.length - 1))).href);
			expect(ran).toEqual(['a:shared', 'inline', 'b:shared']);
			await expect((globalThis as unknown as { later: Promise<string> }).later).resolves.toBe('shared later');
		});
	}

	it('names a script a page loads that the build did not write, and changes no page', async () => {
		const dir = site('/');
		writeFileSync(join(dir, 'third/index.html'), '<script type="module" src="/_astro/missing.js"></script>');
		await expect(bundlePageScripts(dir, '/')).rejects.toThrow('A page loads the script /_astro/missing.js, which the build did not write.');
		expect(existsSync(join(dir, '_astro/a.CCCCCCCC.js'))).toBe(true);
		expect(srcs(dir, 'index.html')).toEqual(['/_astro/a.CCCCCCCC.js', undefined, '/_astro/b.EEEEEEEE.js']);
	});
});
