/**
 * Two stylesheets per page at most. Astro links Starlight's styles, its print styles and each of our components'
 * styles apart, and inlines the smallest in `<style>` elements; each file costs a request and its own gzip
 * dictionary, each inline one a hash in the page's policy. Once the pages are written, this joins the files most
 * pages link (Starlight's own, and our site-wide styles with them) into one stylesheet that those pages share and a
 * browser keeps from page to page, and joins the rest of a page's styles into a second one, shared by the pages
 * with the same styles. Order is kept (a `media` attribute becomes an `@media` block, which applies the same); a
 * page whose own styles come before the shared ones gets them all in one file instead.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { builtAsset, builtElements, replaceElements, slashed } from './html-tags.ts';

/** A style of a page: where its element lies in the HTML, its file or its inline text, and the media it applies to. */
export interface PageStyle {
	start: number;
	end: number;
	href?: string;
	text?: string;
	media?: string;
}

/** The page's stylesheet links and style elements in document order, comments and script text skipped. */
export function pageStyles(html: string): PageStyle[] {
	return builtElements(html).flatMap(({ name, attrs, start, end, text }): PageStyle[] => {
		const media = attrs.get('media')?.trim();
		const applies: { media?: string } = media === undefined || media === '' || media.toLowerCase() === 'all' ? {} : { media };
		if (name === 'style') return [{ start, end, text, ...applies }];
		const href = attrs.get('href');
		const stylesheet = name === 'link' && href !== undefined && attrs.get('rel')?.toLowerCase().split(/\s+/).includes('stylesheet');
		return stylesheet ? [{ start, end, href, ...applies }] : [];
	});
}

/** The styles as one stylesheet, in order; `read` gives a linked file's text. */
export function joinStyles(styles: readonly PageStyle[], read: (href: string) => string): string {
	return styles
		.map((style) => {
			const css = (style.href === undefined ? style.text! : read(style.href)).trim();
			return style.media === undefined ? css : `@media ${style.media}{${css}}`;
		})
		.join('\n');
}

/** The page with each group of its styles replaced by one link, where the group's first style stood. */
export function replaceStyles(html: string, groups: readonly { styles: readonly PageStyle[]; href: string }[]): string {
	return replaceElements(html, groups.map((group) => ({ elements: group.styles, with: `<link rel="stylesheet" href="${group.href}">` })));
}

/**
 * A page's styles in the groups that become one file each: the leading styles every page links (`shared`, by
 * address), then the rest. When a style of the page's own comes first, splitting would change the order in which
 * rules apply, so the page gets one group.
 */
export function styleGroups(styles: readonly PageStyle[], shared: ReadonlySet<string>): { kind: 'site' | 'page'; styles: PageStyle[] }[] {
	const isShared = (style: PageStyle) => style.href !== undefined && shared.has(style.href);
	const lead = styles.findIndex((style) => !isShared(style));
	const site = lead === -1 ? [...styles] : styles.slice(0, lead);
	const rest = lead === -1 ? [] : styles.slice(lead);
	if (!site.length || rest.some(isShared)) return styles.length ? [{ kind: 'page', styles: [...styles] }] : [];
	return [{ kind: 'site' as const, styles: site }, ...(rest.length ? [{ kind: 'page' as const, styles: rest }] : [])];
}

/** A short name from the content, like the build's own: the same styles always get the same file. */
export const contentName = (kind: 'site' | 'page', css: string) => `${kind}.${createHash('sha256').update(css).digest('base64url').slice(0, 8)}.css`;

/** What joining a built site's styles did: pages rewritten, stylesheets written, linked files folded in and removed. */
export interface Joined {
	pages: number;
	sheets: number;
	folded: number;
}

/** Joins the styles of every page of the built site in `out` (served under `base`): one stylesheet all pages share, and one per set of the rest. */
export function joinPageStyles(out: string, base: string): Joined {
	const assets = join(out, '_astro');
	const fileOf = (href: string) => builtAsset(out, base, href, 'links the stylesheet');
	const pages = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html'));
	// Every page is read and joined before any is written: a page that links a missing file changes nothing.
	const read = pages.flatMap((page) => {
		const file = join(out, page);
		const html = readFileSync(file, 'utf8');
		const styles = pageStyles(html);
		return styles.length ? [{ file, html, styles }] : [];
	});
	const linked = read.map(({ styles }) => new Set(styles.flatMap((style) => (style.href === undefined ? [] : [style.href]))));
	// Shared: what most pages link (Starlight's pages link its styles; the print sheets have their own).
	const shared = new Set([...new Set(linked.flatMap((hrefs) => [...hrefs]))].filter((href) => linked.filter((hrefs) => hrefs.has(href)).length * 2 > linked.length));
	const plans = read.map(({ file, html, styles }) => ({
		file,
		html,
		groups: styleGroups(styles, shared).map(({ kind, styles: group }) => {
			const css = joinStyles(group, (href) => readFileSync(fileOf(href), 'utf8'));
			return { styles: group, css, name: contentName(kind, css) };
		}),
	}));
	const joined = new Set<string>();
	const folded = new Set<string>();
	for (const { file, html, groups } of plans) {
		for (const { styles, css, name } of groups) {
			if (!joined.has(name)) writeFileSync(join(assets, name), css);
			joined.add(name);
			for (const style of styles) if (style.href !== undefined) folded.add(fileOf(style.href));
		}
		writeFileSync(file, replaceStyles(html, groups.map(({ styles, name }) => ({ styles, href: `${base}_astro/${name}` }))));
	}
	// A stylesheet that a script still names (one loaded with on-demand code) is kept.
	const scripts = readdirSync(assets)
		.filter((name) => name.endsWith('.js'))
		.map((name) => readFileSync(join(assets, name), 'utf8'));
	const unused = [...folded].filter((file) => !scripts.some((code) => code.includes(basename(file))));
	for (const file of unused) rmSync(file, { force: true });
	return { pages: plans.length, sheets: joined.size, folded: unused.length };
}

/** Joins every built page's styles into a shared stylesheet and one of its own; registered before the policy, which hashes what is left inline. */
export function pageStylesheets(): AstroIntegration {
	let base = '/';
	return {
		name: 'playbook-page-styles',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = slashed(config.base);
			},
			'astro:build:done': ({ dir, logger }) => {
				const done = joinPageStyles(fileURLToPath(dir), base);
				logger.info(`Joined the styles of ${done.pages} pages into ${done.sheets} stylesheets (${done.folded} files folded in).`);
			},
		},
	};
}
