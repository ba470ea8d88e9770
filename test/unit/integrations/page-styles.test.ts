import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentName, joinPageStyles, joinStyles, pageStyles, replaceStyles, styleGroups } from '../../../src/integrations/page-styles';

const page = [
	'<html><head><link rel="stylesheet" href="/_astro/print.css" media="print">',
	'<link rel="preload" href="/_astro/font.woff2"><link rel="stylesheet" href="/_astro/main.css">',
	'<style>svg{width:1em}</style><!-- <link rel="stylesheet" href="/_astro/commented.css"> -->',
	'<script>document.head.append("<style>not{a:style}</style>")</script>',
	'<link rel="stylesheet" href="/_astro/all.css" media="all"></head><body><p>x</p></body></html>',
].join('');

describe('pageStyles', () => {
	it('finds stylesheet links and style elements in order, with their media, and none in comments or scripts', () => {
		expect(pageStyles(page).map(({ href, text, media }) => ({ href, text, media }))).toEqual([
			{ href: '/_astro/print.css', text: undefined, media: 'print' },
			{ href: '/_astro/main.css', text: undefined, media: undefined },
			{ href: undefined, text: 'svg{width:1em}', media: undefined },
			{ href: '/_astro/all.css', text: undefined, media: undefined },
		]);
	});
});

describe('joinStyles', () => {
	it('joins the styles in order, each media attribute kept as an @media block', () => {
		const files: Record<string, string> = { '/_astro/print.css': 'p{color:black}', '/_astro/main.css': ' p{color:red}\n', '/_astro/all.css': 'a{color:blue}' };
		expect(joinStyles(pageStyles(page), (href) => files[href]!)).toBe('@media print{p{color:black}}\np{color:red}\nsvg{width:1em}\na{color:blue}');
	});
});

describe('replaceStyles', () => {
	it('links one stylesheet per group where its first style stood and removes the others, leaving scripts and other links', () => {
		const [print, main, inline, all] = pageStyles(page);
		const html = replaceStyles(page, [
			{ styles: [print!, main!], href: '/_astro/site.X.css' },
			{ styles: [inline!, all!], href: '/_astro/page.Y.css' },
		]);
		expect(pageStyles(html).map((s) => s.href)).toEqual(['/_astro/site.X.css', '/_astro/page.Y.css']);
		expect(html).toContain('<link rel="preload" href="/_astro/font.woff2">');
		expect(html).toContain('document.head.append("<style>not{a:style}</style>")');
		expect(html).not.toContain('svg{width:1em}');
		expect(html.indexOf('page.Y.css')).toBeLessThan(html.indexOf('<script>'));
	});
});

describe('styleGroups', () => {
	const styles = pageStyles(page);
	const shared = new Set(['/_astro/print.css', '/_astro/main.css']);

	it("puts the leading shared files in one group and the page's own styles in another", () => {
		expect(styleGroups(styles, shared).map((g) => [g.kind, g.styles.map((s) => s.href ?? s.text)])).toEqual([
			['site', ['/_astro/print.css', '/_astro/main.css']],
			['page', ['svg{width:1em}', '/_astro/all.css']],
		]);
	});

	it('keeps one group when a style of the page comes before a shared one, so no rule changes place', () => {
		expect(styleGroups(styles, new Set(['/_astro/print.css', '/_astro/all.css'])).map((g) => [g.kind, g.styles.length])).toEqual([['page', 4]]);
		expect(styleGroups(styles, new Set()).map((g) => [g.kind, g.styles.length])).toEqual([['page', 4]]);
	});

	it('gives a page with only shared styles one group, and a page with none no group', () => {
		expect(styleGroups(styles.slice(0, 2), shared).map((g) => g.kind)).toEqual(['site']);
		expect(styleGroups([], shared)).toEqual([]);
	});
});

describe('contentName', () => {
	it('names the same styles the same and different styles differently', () => {
		expect(contentName('page', 'p{}')).toBe(contentName('page', 'p{}'));
		expect(contentName('page', 'p{}')).not.toBe(contentName('page', 'a{}'));
		expect(contentName('page', 'p{}')).toMatch(/^page\.[\w-]{8}\.css$/);
		expect(contentName('site', 'p{}')).toMatch(/^site\.[\w-]{8}\.css$/);
	});
});

describe('joinPageStyles', () => {
	let out: string | undefined;
	afterEach(() => {
		if (out) rmSync(out, { recursive: true, force: true });
	});

	const site = (base: string) => {
		out = mkdtempSync(join(tmpdir(), 'page-styles-'));
		const head = `<link rel="stylesheet" href="${base}_astro/print.AAAAAAAA.css" media="print"><link rel="stylesheet" href="${base}_astro/main.BBBBBBBB.css"><style>svg{width:1em}</style>`;
		const files: Record<string, string> = {
			'_astro/print.AAAAAAAA.css': 'p{color:black}',
			'_astro/main.BBBBBBBB.css': 'p{color:red}',
			'_astro/lazy.CCCCCCCC.css': 'q{color:green}',
			'_astro/tool.DDDDDDDD.js': 'load("lazy.CCCCCCCC.css")',
			'index.html': `<html><head>${head}</head></html>`,
			'other/index.html': `<html><head>${head}</head><body>other</body></html>`,
			'tool/index.html': `<html><head>${head}<link rel="stylesheet" href="${base}_astro/lazy.CCCCCCCC.css"></head></html>`,
			'bare/index.html': '<html><head></head></html>',
		};
		for (const [name, text] of Object.entries(files)) {
			mkdirSync(dirname(join(out, name)), { recursive: true });
			writeFileSync(join(out, name), text);
		}
		return out;
	};
	const links = (dir: string, name: string) => pageStyles(readFileSync(join(dir, name), 'utf8')).map((s) => s.href!);

	for (const base of ['/', '/playbook/']) {
		it(`gives every page the stylesheet of what all pages link, and one of its own shared by pages with the same styles (base ${base})`, () => {
			const dir = site(base);
			mkdirSync(join(dir, 'first'));
			writeFileSync(join(dir, 'first/index.html'), `<html><head><style>b{color:blue}</style><link rel="stylesheet" href="${base}_astro/print.AAAAAAAA.css" media="print"><link rel="stylesheet" href="${base}_astro/main.BBBBBBBB.css"></head></html>`);
			expect(joinPageStyles(dir, base)).toEqual({ pages: 4, sheets: 4, folded: 2 });
			const [siteSheet, own] = links(dir, 'index.html');
			expect(siteSheet).toMatch(new RegExp(`^${base}_astro/site\\.[\\w-]{8}\\.css$`));
			expect(own).toMatch(new RegExp(`^${base}_astro/page\\.[\\w-]{8}\\.css$`));
			expect(links(dir, 'other/index.html')).toEqual([siteSheet, own]);
			const tool = links(dir, 'tool/index.html');
			expect(tool[0]).toBe(siteSheet);
			expect(tool[1]).not.toBe(own);
			const text = (href: string) => readFileSync(join(dir, href.slice(base.length - 1)), 'utf8');
			expect(text(siteSheet!)).toBe('@media print{p{color:black}}\np{color:red}');
			expect(text(own!)).toBe('svg{width:1em}');
			expect(text(tool[1]!)).toBe('svg{width:1em}\nq{color:green}');
			// Its own style first: one sheet in the page's order.
			const first = links(dir, 'first/index.html');
			expect(first).toHaveLength(1);
			expect(text(first[0]!)).toBe('b{color:blue}\n@media print{p{color:black}}\np{color:red}');
			expect(readFileSync(join(dir, 'bare/index.html'), 'utf8')).toBe('<html><head></head></html>');
			// The joined files are gone but for one a script still names.
			const left = readdirSync(join(dir, '_astro'));
			expect(left).not.toContain('print.AAAAAAAA.css');
			expect(left).not.toContain('main.BBBBBBBB.css');
			expect(left).toContain('lazy.CCCCCCCC.css');
		});
	}

	it('names a stylesheet a page links that the build did not write, and changes nothing', () => {
		const dir = site('/');
		writeFileSync(join(dir, 'bare/index.html'), '<link rel="stylesheet" href="/_astro/missing.css">');
		expect(() => joinPageStyles(dir, '/')).toThrow('A page links the stylesheet /_astro/missing.css, which the build did not write.');
		expect(existsSync(join(dir, '_astro/main.BBBBBBBB.css'))).toBe(true);
		expect(links(dir, 'index.html')).toEqual(['/_astro/print.AAAAAAAA.css', '/_astro/main.BBBBBBBB.css', undefined]);
	});
});
