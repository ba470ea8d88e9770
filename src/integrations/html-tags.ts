/**
 * Reading the tags of built HTML without a parser: the build's own output is regular enough, and the
 * integrations that edit finished pages (the policy, the page scripts and the page styles) read tags the same way.
 */
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references of an attribute value, as the browser does before checking its hash. */
export function decodeAttribute(value: string): string {
	return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
		if (ref[0] === '#') {
			const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
			return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
		}
		return named[ref.toLowerCase()] ?? whole;
	});
}

/** Reads a tag's attributes from `<name` on; returns them and the index just past the tag's `>`. */
export function readTag(html: string, from: number): { attrs: Map<string, string>; end: number } {
	const attrs = new Map<string, string>();
	const re = /\s*([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?|\s*\/?\s*>|\s*\//y;
	let i = from;
	while (i < html.length) {
		re.lastIndex = i;
		const m = re.exec(html);
		if (!m) return { attrs, end: html.length };
		i = re.lastIndex;
		if (m[0].trimEnd().endsWith('>') && m[1] === undefined) return { attrs, end: i };
		if (m[1] !== undefined && !attrs.has(m[1].toLowerCase())) attrs.set(m[1].toLowerCase(), decodeAttribute(m[2] ?? m[3] ?? m[4] ?? ''));
	}
	return { attrs, end: html.length };
}

/** A script, style or link element of built HTML: where it lies, its attributes, and the raw text of a script or style. */
export interface BuiltElement {
	name: 'script' | 'style' | 'link';
	attrs: Map<string, string>;
	start: number;
	end: number;
	text: string;
}

/** The script, style and link elements of built HTML in document order, those inside comments left out. */
export function builtElements(html: string): BuiltElement[] {
	const found: BuiltElement[] = [];
	const lower = html.toLowerCase();
	let i = 0;
	while ((i = lower.indexOf('<', i)) !== -1) {
		if (html.startsWith('<!--', i)) {
			const close = html.indexOf('-->', i + 4);
			i = close === -1 ? html.length : close + 3;
			continue;
		}
		const name = /^<(link|style|script)[\s>/]/.exec(lower.slice(i, i + 8))?.[1] as BuiltElement['name'] | undefined;
		if (!name) {
			i += 1;
			continue;
		}
		const { attrs, end } = readTag(html, i + name.length + 1);
		if (name === 'link') {
			found.push({ name, attrs, start: i, end, text: '' });
			i = end;
			continue;
		}
		// Script and style text is raw: nothing inside is markup, up to the closing tag.
		const close = lower.indexOf(`</${name}`, end);
		const closeEnd = close === -1 ? html.length : lower.indexOf('>', close) + 1;
		found.push({ name, attrs, start: i, end: closeEnd, text: html.slice(end, close === -1 ? html.length : close) });
		i = closeEnd;
	}
	return found;
}

/** The html with some of its elements taken out and, where each group's first stood, that group's replacement. */
export function replaceElements(html: string, groups: readonly { elements: readonly { start: number; end: number }[]; with: string }[]): string {
	const cuts = groups.flatMap((group) => group.elements.map((element, n) => ({ element, put: n === 0 ? group.with : '' })));
	cuts.sort((a, b) => a.element.start - b.element.start);
	let out = '';
	let at = 0;
	for (const { element, put } of cuts) {
		out += html.slice(at, element.start) + put;
		at = element.end;
	}
	return out + html.slice(at);
}

/** The file under `out` (a built site served under `base`) of a script or stylesheet address a page names; throws, naming it, when the build wrote none there. */
export function builtAsset(out: string, base: string, url: string, what: string): string {
	const assets = join(out, '_astro');
	const path = url.startsWith(base) ? url.slice(base.length - 1) : url;
	const file = join(out, posix.normalize(path.split(/[?#]/)[0]!));
	if (!file.startsWith(assets) || !existsSync(file)) throw new Error(`A page ${what} ${url}, which the build did not write.`);
	return file;
}

/** The site's base path as pages write it, always ending in a slash. */
export const slashed = (base: string) => (base.endsWith('/') ? base : `${base}/`);
