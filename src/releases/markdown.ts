/**
 * Renders the short Markdown of release notes at build time, with the same
 * Markdown engine as the rest of the site. Nothing here reaches the browser.
 */
import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import type { Parent, Root, RootContent } from 'mdast';
import { pathToFileURL } from 'node:url';
import { remarkStepLinks } from '../process/remark-step-links';
import { remarkCitations } from '../sources/remark-citations';

// Relative addresses, anchors and http(s)/mailto links; anything else (javascript:, data:) is not a link.
const SAFE_URL = /^(?:https?:|mailto:|\/|#|\.)/i;

/** Remark plugin: raw HTML in a release file shows as literal text, and links with an unsafe scheme become plain text. */
export function remarkPlainNotes() {
	const clean = (node: Parent) => {
		node.children = (node.children as RootContent[]).flatMap((child): RootContent[] => {
			if (child.type === 'html') return [{ type: 'text', value: child.value }];
			if ((child.type === 'link' || child.type === 'definition') && !SAFE_URL.test(child.url.trim())) {
				return child.type === 'link' ? (clean(child), child.children) : [];
			}
			if (child.type === 'image') return [{ type: 'text', value: child.alt ?? '' }];
			if ('children' in child) clean(child as Parent);
			return [child];
		}) as Parent['children'];
	};
	return (tree: Root) => clean(tree);
}

let renderer: Promise<MarkdownRenderer> | undefined;

/** Renders release-note Markdown (lists, emphasis, code, links) to HTML; "step N" links to the step, as elsewhere on the site. */
export async function renderReleaseMarkdown(markdown: string, file?: string): Promise<string> {
	renderer ??= createMarkdownProcessor({ syntaxHighlight: false, remarkPlugins: [remarkPlainNotes, remarkCitations, remarkStepLinks] });
	// The file name is what a build error about a bad step reference names.
	const fileURL = file === undefined ? undefined : pathToFileURL(file);
	return (await (await renderer).render(markdown, fileURL && { fileURL })).code;
}
