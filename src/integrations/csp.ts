/**
 * A Content-Security-Policy for every built page that allows the site's own origin and nothing
 * else. Static pages cannot carry a header, so the policy goes in a `<meta http-equiv>` placed
 * first in `<head>`, before any script. Inline scripts and style elements (Starlight's theme,
 * search button and sidebar scripts, Astro's inlined styles) are allowed by their sha256 hashes,
 * computed here from the finished HTML so that no hash is ever copied by hand. Inline `style`
 * attributes (Starlight's sidebar depth and icon sizes) are allowed by hash too, through
 * `'unsafe-hashes'` in `style-src-attr`: only the exact attribute values the build wrote apply.
 * `'wasm-unsafe-eval'` lets Pagefind compile its WebAssembly; no other kind of eval is allowed.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readTag } from './html-tags.ts';

/** The inline content of a page that a strict policy must allow by hash. */
export interface InlineContent {
	scripts: string[];
	styles: string[];
	styleAttributes: string[];
}

// JSON and other data blocks are never run, so the policy need not allow them.
const runnable = (type: string | undefined) =>
	type === undefined || type.trim() === '' || /^(module|(text|application)\/(x-)?(java|ecma)script)$/i.test(type.trim());

/** Every inline script, style element and style attribute of an HTML document, each once, in order. */
export function inlineContent(html: string): InlineContent {
	const found: InlineContent = { scripts: [], styles: [], styleAttributes: [] };
	const add = (list: string[], text: string) => {
		if (!list.includes(text)) list.push(text);
	};
	const lower = html.toLowerCase();
	let i = 0;
	while ((i = html.indexOf('<', i)) !== -1) {
		if (html.startsWith('<!--', i)) {
			const close = html.indexOf('-->', i + 4);
			i = close === -1 ? html.length : close + 3;
			continue;
		}
		const open = /^<([a-zA-Z][^\s/>]*)/.exec(html.slice(i, i + 64));
		if (!open) {
			i += 1;
			continue;
		}
		const name = open[1]!.toLowerCase();
		const { attrs, end } = readTag(html, i + open[0].length);
		const style = attrs.get('style');
		if (style !== undefined) add(found.styleAttributes, style);
		i = end;
		if (name === 'script' || name === 'style') {
			// Their text is raw: nothing inside is markup, up to the closing tag.
			const close = lower.indexOf(`</${name}`, end);
			const text = html.slice(end, close === -1 ? html.length : close);
			if (name === 'style') add(found.styles, text);
			else if (!attrs.has('src') && runnable(attrs.get('type'))) add(found.scripts, text);
			i = close === -1 ? html.length : close;
		}
	}
	return found;
}

/** The CSP source expression for some text: `'sha256-…'` of its UTF-8 bytes. */
export function hashSource(text: string): string {
	return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The policy for a page with the given inline content: its own origin, plus exactly that content by hash. */
export function buildPolicy(inline: InlineContent): string {
	const hashes = (list: string[]) => list.map(hashSource);
	const attrs = inline.styleAttributes.length ? ["'unsafe-hashes'", ...hashes(inline.styleAttributes)] : ["'none'"];
	const directives: [string, ...string[]][] = [
		['default-src', "'self'"],
		['script-src', "'self'", "'wasm-unsafe-eval'", ...hashes(inline.scripts)],
		['style-src', "'self'", ...hashes(inline.styles)],
		['style-src-attr', ...attrs],
		['img-src', "'self'", 'data:'],
		['font-src', "'self'"],
		['connect-src', "'self'"],
		['worker-src', "'self'"],
		['object-src', "'none'"],
		['base-uri', "'self'"],
		['form-action', "'self'"],
	];
	return directives.map((d) => d.join(' ')).join('; ');
}

const META = /<meta\s+http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>/i;

/** The page with its policy as the first element of `<head>` after the charset, replacing any policy already there. */
export function injectPolicy(html: string, policy: string): string {
	const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`;
	const without = html.replace(META, '');
	const charset = /<meta\s+charset\s*=[^>]*>/i.exec(without);
	if (charset) return without.slice(0, charset.index + charset[0].length) + meta + without.slice(charset.index + charset[0].length);
	const head = /<head(\s[^>]*)?>/i.exec(without);
	if (head) return without.slice(0, head.index + head[0].length) + meta + without.slice(head.index + head[0].length);
	throw new Error('The page has no <head> to put its Content-Security-Policy in.');
}

/** The policy a finished page needs, computed from its own HTML (a policy already present is ignored). */
export function policyFor(html: string): string {
	return buildPolicy(inlineContent(html.replace(META, '')));
}

/** Adds each built page's Content-Security-Policy once every page is written; registered last, after anything else that edits the HTML. */
export function contentSecurityPolicy(): AstroIntegration {
	return {
		name: 'playbook-content-security-policy',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				const pages = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html'));
				for (const page of pages) {
					const file = join(out, page);
					const html = readFileSync(file, 'utf8');
					writeFileSync(file, injectPolicy(html, policyFor(html)));
				}
				logger.info(`Added a Content-Security-Policy to ${pages.length} pages.`);
			},
		},
	};
}
