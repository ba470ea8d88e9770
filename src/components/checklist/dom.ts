
export type Child = Node | string | false | null | undefined;

/** Builds an element; strings become text nodes, so names and comments typed by users are never parsed as HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string | null, ...children: Child[]): HTMLElementTagNameMap[K] {
	const el = document.createElement(tag);
	if (className) el.className = className;
	for (const child of children) if (child || child === '') el.append(child);
	return el;
}

/** The element a component marked `data-ref="name"`; components render these, so a missing one is a build mistake. */
export function ref<T extends HTMLElement = HTMLElement>(root: ParentNode, name: string): T {
	return root.querySelector(`[data-ref="${name}"]`) as T;
}

// The storage notice is shared with the pages outside the checklists.
export { watchStorage } from '../storage-watch';
