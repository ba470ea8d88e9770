/**
 * Citations in content text: `[^src=<id>]` right after the statement it backs, for example
 * "VAL is a clone of PROD.[^src=upgrading-clinspark]". Pure functions, used at build time by the
 * Markdown plugin, the components that print YAML text, the search index and the step fingerprint.
 */

/** One citation marker; the id group is the source id. */
export const CITATION = /\[\^src=([a-z0-9]+(?:-[a-z0-9]+)*)\]/g;

/** A piece of text that either is plain text or cites a source. */
export type CitedPart = { text: string } | { source: string };

/** Splits text into plain pieces and citations, in order. */
export function splitCitations(text: string): CitedPart[] {
	const parts: CitedPart[] = [];
	let last = 0;
	for (const match of text.matchAll(CITATION)) {
		if (match.index > last) parts.push({ text: text.slice(last, match.index) });
		parts.push({ source: match[1]! });
		last = match.index + match[0].length;
	}
	if (last < text.length) parts.push({ text: text.slice(last) });
	return parts;
}

/** The source ids a text cites, each once, in the order first cited. */
export function citedIds(text: string): string[] {
	return [...new Set([...text.matchAll(CITATION)].map((m) => m[1]!))];
}

/** The text without its citations (and the space before each), so adding a citation changes nothing else. */
export function stripCitations(text: string): string {
	return text.replace(/[ \t]*\[\^src=[a-z0-9]+(?:-[a-z0-9]+)*\]/g, '');
}

/** Anything that looks like a citation but is malformed (`[^src=]`, `[^src= x]`, `[^src=X]`), so a typo is not shown as text. */
export function malformedCitations(text: string): string[] {
	return [...text.matchAll(/\[\^src=[^\]]*\]/g)].map((m) => m[0]).filter((raw) => !new RegExp(`^${CITATION.source}$`).test(raw));
}
