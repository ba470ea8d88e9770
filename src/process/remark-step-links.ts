import type { Root, RootContent, Parent, PhrasingContent } from 'mdast';
import { readProcess } from './loader';
import { splitStepRefs, stepHref } from './step-refs';

type StageOf = (number: number) => string | undefined;

/** Which stage each step number belongs to, from the process loader. */
function stageOfSteps(): StageOf {
	const map = new Map(readProcess().steps.map((step) => [step.number, step.stage]));
	return (n) => map.get(n);
}

const SKIP = new Set(['link', 'linkReference', 'heading', 'code', 'inlineCode', 'html', 'definition']);

/** Rewrites the children of a node, turning "step N" in text into links to that step. */
function linkChildren(node: Parent, stageOf: StageOf, file: string) {
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
				children.push({ type: 'link', url: stepHref(stage, part.step), children: [{ type: 'text', value: part.text }] } as PhrasingContent);
			}
		} else {
			if (!SKIP.has(child.type) && 'children' in child) linkChildren(child as Parent, stageOf, file);
			children.push(child);
		}
	}
	node.children = children as Parent['children'];
}

/** Remark plugin: every "step N" in Markdown and MDX prose becomes a link to that step's anchor. */
export function remarkStepLinks() {
	const stageOf = stageOfSteps();
	return (tree: Root, file: { path?: string }) => {
		linkChildren(tree, stageOf, file.path ?? 'a Markdown file');
	};
}
