import type { Root, RootContent, Parent, PhrasingContent } from 'mdast';
import { readProcess } from './loader';
import { splitStepRefs, stepHref } from './step-refs';
import { isSitePath, withBase } from '../links';

type StageOf = (number: number) => string | undefined;

/** Which stage each step number belongs to, from the process loader. */
function stageOfSteps(): StageOf {
	const map = new Map(readProcess().steps.map((step) => [step.number, step.stage]));
	return (n) => map.get(n);
}

const SKIP = new Set(['link', 'linkReference', 'heading', 'code', 'inlineCode', 'html', 'definition']);

/** Rewrites the children of a node, turning "step N" in text into links to that step, and putting links to the site under its base. */
function linkChildren(node: Parent, stageOf: StageOf, file: string, base: string | undefined) {
	const children: RootContent[] = [];
	for (const child of node.children as RootContent[]) {
		if (child.type === 'text') {
			for (const part of splitStepRefs(child.value)) {
				if (!('step' in part)) {
					children.push({ type: 'text', value: part.text });
					continue;
				}
				const stage = stageOf(part.step);
				if (!stage) throw new Error(`${file}: refers to step ${part.step}, which does not exist`);
				children.push({ type: 'link', url: stepHref(stage, part.step, base), children: [{ type: 'text', value: part.text }] } as PhrasingContent);
			}
		} else {
			// Writers link pages by their site path ("/roles/"); the build may put the site under a base path.
			if ((child.type === 'link' || child.type === 'definition') && isSitePath(child.url)) child.url = withBase(child.url, base);
			if (!SKIP.has(child.type) && 'children' in child) linkChildren(child as Parent, stageOf, file, base);
			children.push(child);
		}
	}
	node.children = children as Parent['children'];
}

/**
 * Remark plugin: every "step N" in Markdown and MDX prose becomes a link to that step's anchor, and
 * every root-absolute link is put under `base` (the config passes Astro's; elsewhere Vite's BASE_URL).
 */
export function remarkStepLinks(options: { base?: string } = {}) {
	const stageOf = stageOfSteps();
	return (tree: Root, file: { path?: string }) => {
		linkChildren(tree, stageOf, file.path ?? 'a Markdown file', options.base);
	};
}
