/**
 * Reading the tags of built HTML without a parser: the build's own output is regular enough, and both
 * integrations that edit finished pages (the policy and the page scripts) read tags the same way.
 */

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
