import type { Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { splitCitations } from './citations';
import { assertCitations, readSources, sourceNumber } from './read';
import type { Source } from './schema';

const SKIP = new Set(['link', 'linkReference', 'code', 'inlineCode', 'html', 'definition']);

/** The marker a citation shows: its source's number, linked to the source's entry on the sources page. */
export function citationNode(sources: readonly Source[], id: string): PhrasingContent {
	const source = sources.find((s) => s.id === id)!;
	const n = sourceNumber(sources, id);
	return {
		type: 'link',
		url: `/sources/#${id}`,
		data: { hName: 'a', hProperties: { className: ['cite'], 'aria-label': `Source ${n}: ${source.title}` } },
		children: [{ type: 'text', value: `[${n}]` }],
	} as PhrasingContent;
}

/** Rewrites the children of a node, turning each `[^src=id]` in text into a citation marker. */
function citeChildren(node: Parent, sources: readonly Source[]) {
	const children: RootContent[] = [];
	// The footnote syntax can leave a marker split over neighbouring text nodes; joined, it reads whole again.
	const merged: RootContent[] = [];
	for (const child of node.children as RootContent[]) {
		const previous = merged[merged.length - 1];
		if (child.type === 'text' && previous?.type === 'text') merged[merged.length - 1] = { type: 'text', value: previous.value + child.value };
		else merged.push(child);
	}
	for (const child of merged) {
		if (child.type === 'text') {
			for (const part of splitCitations(child.value)) {
				children.push('source' in part ? (citationNode(sources, part.source) as RootContent) : { type: 'text', value: part.text });
			}
		} else {
			if (!SKIP.has(child.type) && 'children' in child) citeChildren(child as Parent, sources);
			children.push(child);
		}
	}
	node.children = children as Parent['children'];
}

/** Remark plugin: `[^src=id]` in Markdown and MDX prose becomes a numbered marker; an unknown id stops the build, naming the file. */
export function remarkCitations() {
	const sources = readSources();
	return (tree: Root, file: { path?: string; value?: unknown }) => {
		const name = file.path ?? 'a Markdown file'; 
		if (typeof file.value === 'string') assertCitations(file.value, name, sources);
		citeChildren(tree, sources);
	};
}
