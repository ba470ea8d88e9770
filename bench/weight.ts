/**
 * What a built page makes a browser download, read from the HTML and the files in dist/:
 * the HTML itself, its stylesheets and its scripts, each script followed through its static
 * imports. Dynamic imports are listed apart, as code fetched on demand. Every figure is exact,
 * so CI can hold budgets on them; gzip uses Node's zlib at its default level, as hosts do.
 *
 * "Our JS beyond Starlight's" compares a page with a plain Starlight page built from the same
 * installed packages (bench/baseline.ts). A script (file or inline) is Starlight's when a script
 * with the same content exists in the plain build; any other is ours. Where the playbook replaces
 * a Starlight component (its header search), the replaced script is no longer loaded, so the
 * page's own scripts are counted less the plain page's scripts it does not load:
 * ourJs = max(0, own - displaced), which is also max(0, page total - plain page total).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One thing a page loads: a file of dist/ (by URL path) or an inline element (by its place in the page). */
export interface Asset {
	name: string;
	raw: number;
	gz: number;
	/** sha256 of the content, which is what tells Starlight's scripts from ours. */
	hash: string;
}

/** The bytes of one built page, by kind. */
export interface PageWeight {
	path: string;
	html: Asset;
	css: Asset[];
	/** Scripts run on first load: script elements and everything they import statically. */
	js: Asset[];
	/** Scripts fetched only when the reader does something (dynamic imports). */
	onDemand: Asset[];
}

/** A raw and a gzipped byte count. */
export interface Bytes {
	raw: number;
	gz: number;
}

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** Sizes and content hash of some bytes. */
export function measure(name: string, content: string | Buffer): Asset {
	const buffer = typeof content === 'string' ? Buffer.from(content) : content;
	return { name, raw: buffer.length, gz: gzipSync(buffer).length, hash: sha256(buffer) };
}

/** Adds up the raw and gzipped bytes of assets. */
export function total(assets: readonly Asset[]): Bytes {
	return assets.reduce((sum, a) => ({ raw: sum.raw + a.raw, gz: sum.gz + a.gz }), { raw: 0, gz: 0 });
}

const attr = (tag: string, name: string): string | undefined => {
	const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
	return match ? (match[1] ?? match[2] ?? match[3]) : name && new RegExp(`\\s${name}(?=[\\s>/])`, 'i').test(tag) ? '' : undefined;
};

/** The script and style elements of an HTML document, in order, comments left out. */
export function scanElements(html: string): { tag: string; name: 'script' | 'style' | 'link'; text: string }[] {
	const found: { tag: string; name: 'script' | 'style' | 'link'; text: string }[] = [];
	const re = /<!--[\s\S]*?-->|<(script|style)(\s[^>]*)?>([\s\S]*?)<\/\1\s*>|<link(\s[^>]*)?>/gi;
	for (const m of html.matchAll(re)) {
		if (m[0].startsWith('<!--')) continue;
		if (m[1]) found.push({ tag: `<${m[1]}${m[2] ?? ''}>`, name: m[1].toLowerCase() as 'script' | 'style', text: m[3] ?? '' });
		else found.push({ tag: m[0], name: 'link', text: '' });
	}
	return found;
}

/** True for script elements the browser runs (no type, a JavaScript type, or module). */
export function isExecutable(tag: string): boolean {
	const type = attr(tag, 'type')?.trim().toLowerCase();
	return type === undefined || type === '' || type === 'module' || /^(text|application)\/(x-)?(java|ecma)script$/.test(type);
}

/** The module specifiers a script imports: static ones (loaded with it) and dynamic ones (loaded on demand). */
export function importsOf(code: string): { static: string[]; dynamic: string[] } {
	// Bundles quote specifiers with ", ' or `; minified code leaves no space around them.
	const q = '["\'`]';
	const spec = '([^"\'`\\n]+)';
	const staticRe = new RegExp(`(?:^|[^\\w$.])(?:import|export)\\s*(?:[\\w$*{}\\s,]+?\\s*from\\s*)?${q}${spec}${q}`, 'g');
	const dynamicRe = new RegExp(`(?:^|[^\\w$.])import\\s*\\(\\s*${q}${spec}${q}\\s*\\)`, 'g');
	// Vite lists what a dynamic import preloads in __vite__mapDeps, as paths from the site root.
	const mapped = /__vite__mapDeps=[^[]*\[([^\]]*)\]/.exec(code)?.[1] ?? '';
	const deps = [...mapped.matchAll(/["'`]([^"'`]+)["'`]/g)].map((m) => `/${m[1]!.replace(/^\//, '')}`);
	return {
		static: [...new Set([...code.matchAll(staticRe)].map((m) => m[1]!))],
		dynamic: [...new Set([...[...code.matchAll(dynamicRe)].map((m) => m[1]!), ...deps])],
	};
}

/** The file under dist for a URL path (or a specifier relative to one), if it is the site's own. */
function localFile(dist: string, from: string, specifier: string): string | undefined {
	if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(specifier)) return undefined;
	const url = specifier.startsWith('/') ? specifier : posix.join(posix.dirname(from), specifier);
	const clean = url.split(/[?#]/)[0]!;
	const file = join(dist, clean);
	return existsSync(file) && statSync(file).isFile() ? clean : undefined;
}

/** The built file of a page path like `/stages/preparation/`, or undefined when that page was not built. */
export function htmlFileOf(dist: string, path: string): string | undefined {
	const file = join(dist, path, path.endsWith('.html') ? '' : 'index.html');
	return existsSync(file) ? file : undefined;
}

/** Weighs one built page; undefined when dist has no such page. */
export function pageWeight(dist: string, path: string): PageWeight | undefined {
	const file = htmlFileOf(dist, path);
	if (!file) return undefined;
	const html = readFileSync(file, 'utf8');
	const pageUrl = path.endsWith('/') ? `${path}index.html` : path;
	const css: Asset[] = [];
	const js = new Map<string, Asset>();
	const onDemand = new Map<string, Asset>();
	const queue: { from: string; code: string }[] = [];
	const load = (url: string, into: Map<string, Asset>) => {
		if (js.has(url) || into.has(url)) return;
		const content = readFileSync(join(dist, url));
		into.set(url, measure(url, content));
		queue.push({ from: url, code: content.toString('utf8') });
	};
	let inline = 0;
	for (const el of scanElements(html)) {
		if (el.name === 'script' && isExecutable(el.tag)) {
			const src = attr(el.tag, 'src');
			if (src !== undefined) {
				const url = localFile(dist, pageUrl, src);
				if (url) load(url, js);
			} else if (el.text.trim()) {
				js.set(`inline script ${++inline}`, measure(`inline script ${inline}`, el.text));
				queue.push({ from: pageUrl, code: el.text });
			}
		} else if (el.name === 'style' && el.text.trim()) {
			css.push(measure(`inline style ${css.length + 1}`, el.text));
		} else if (el.name === 'link') {
			const rel = attr(el.tag, 'rel')?.toLowerCase().split(/\s+/) ?? [];
			const href = attr(el.tag, 'href');
			const url = href === undefined ? undefined : localFile(dist, pageUrl, href);
			if (!url) continue;
			if (rel.includes('stylesheet')) css.push(measure(url, readFileSync(join(dist, url))));
			else if (rel.includes('modulepreload')) load(url, js);
		}
	}
	// Static imports load with their importer; dynamic ones, and all they import, only on demand.
	const dynamicFrom = new Set<string>();
	while (queue.length) {
		const { from, code } = queue.shift()!;
		const imports = importsOf(code);
		const eager = !dynamicFrom.has(from) && !onDemand.has(from);
		for (const spec of imports.static) {
			const url = localFile(dist, from, spec);
			if (!url) continue;
			if (eager) load(url, js);
			else if (!js.has(url)) {
				dynamicFrom.add(url);
				load(url, onDemand);
			}
		}
		for (const spec of imports.dynamic) {
			const url = localFile(dist, from, spec);
			if (url && !js.has(url)) {
				dynamicFrom.add(url);
				load(url, onDemand);
			}
		}
	}
	for (const url of js.keys()) onDemand.delete(url);
	return { path, html: measure(path, html), css, js: [...js.values()], onDemand: [...onDemand.values()] };
}

/** The content hashes of every script in a build: files under _astro/ and inline scripts of every page. */
export function scriptHashes(dist: string): Set<string> {
	const hashes = new Set<string>();
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (/\.m?js$/.test(name)) hashes.add(sha256(readFileSync(path)));
			else if (name.endsWith('.html')) {
				for (const el of scanElements(readFileSync(path, 'utf8'))) {
					if (el.name === 'script' && isExecutable(el.tag) && el.text.trim()) hashes.add(sha256(el.text));
				}
			}
		}
	};
	walk(dist);
	return hashes;
}

/** How a page's scripts divide between Starlight's and ours, against the plain Starlight page. */
export interface JsShare {
	/** Everything the page runs on first load. */
	total: Bytes;
	/** Scripts that plain Starlight also has. */
	starlight: Bytes;
	/** Scripts plain Starlight does not have. */
	own: Bytes;
	/** Scripts of the plain page that this page does not load (replaced by ours). */
	displaced: Bytes;
	/** The budgeted figure: own less displaced, never below zero. */
	ours: Bytes;
	ownFiles: string[];
}

/** Splits a page's scripts into Starlight's and ours, given the plain page and every script hash of the plain build. */
export function jsShare(page: PageWeight, plain: PageWeight, starlightHashes: Set<string>): JsShare {
	const own = page.js.filter((a) => !starlightHashes.has(a.hash));
	const starlight = page.js.filter((a) => starlightHashes.has(a.hash));
	const loaded = new Set(page.js.map((a) => a.hash));
	const displaced = total(plain.js.filter((a) => !loaded.has(a.hash)));
	const ownBytes = total(own);
	return {
		total: total(page.js),
		starlight: total(starlight),
		own: ownBytes,
		displaced,
		ours: { raw: Math.max(0, ownBytes.raw - displaced.raw), gz: Math.max(0, ownBytes.gz - displaced.gz) },
		ownFiles: own.map((a) => a.name),
	};
}
