import { wordDiff } from '~/checklist/word-diff';

// Built without the shared DOM helpers on purpose: this file loads on demand, and importing them would
// split those helpers from the progress code that every page loads with them.
const el = (tag: string, className: string, ...children: (Node | string)[]) => {
	const node = document.createElement(tag);
	if (className) node.className = className;
	node.append(...children);
	return node;
};

/** Fills a step's re-check flag with the text as signed against the text as it is now (when it could be had), word by word. */
export function showRecheck(flag: HTMLElement, signed: string, now: string | undefined): void {
	flag.replaceChildren(
		el('p', '', el('strong', '', 'This step changed after it was signed: re-check.'), ' The tick stands; check the step against its current text, then use “Sign again” under Details.'),
	);
	if (now === undefined) return;
	const diff = wordDiff(signed, now).map((part) => (part.kind === 'same' ? part.text : el(part.kind === 'added' ? 'ins' : 'del', '', part.text)));
	flag.append(
		el('p', 'signoff-diff-legend', 'The text as signed, changed into the text as it is now: struck-through words were removed, underlined words were added.'),
		el('p', 'signoff-diff', ...diff),
	);
}
