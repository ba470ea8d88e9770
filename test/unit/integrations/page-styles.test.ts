import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentName, joinPageStyles, joinStyles, pageStyles, replaceStyles } from '../../../src/integrations/page-styles';

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
	it('links one stylesheet where the first style stood and removes the others, leaving scripts and other links', () => {
		const html = replaceStyles(page, pageStyles(page), '/_astro/page.X.css');
		expect(pageStyles(html).map((s) => s.href)).toEqual(['/_astro/page.X.css']);
		expect(html).toContain('<link rel="preload" href="/_astro/font.woff2">');
		expect(html).toContain('document.head.append("<style>not{a:style}</style>")');
		expect(html).not.toContain('svg{width:1em}');
	});
});

describe('contentName', () => {
	it('names the same styles the same and different styles differently', () => {
		expect(contentName('p{}')).toBe(contentName('p{}'));
		expect(contentName('p{}')).not.toBe(contentName('a{}'));
		expect(contentName('p{}')).toMatch(/^page\.[\w-]{8}\.css$/);
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
		it(`gives each page one stylesheet, shared by pages with the same styles (base ${base})`, () => {
			const dir = site(base);
			expect(joinPageStyles(dir, base)).toEqual({ pages: 3, sheets: 2, folded: 2 });
			const [sheet] = links(dir, 'index.html');
			expect(links(dir, 'other/index.html')).toEqual([sheet]);
			expect(links(dir, 'tool/index.html')).toHaveLength(1);
			expect(links(dir, 'tool/index.html')[0]).not.toBe(sheet);
			expect(readFileSync(join(dir, sheet!.slice(base.length - 1)), 'utf8')).toBe('@media print{p{color:black}}\np{color:red}\nsvg{width:1em}');
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
