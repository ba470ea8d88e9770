import { $storageProblems, $storageStatus } from '~/state/storage';

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

/** Keeps a notice element saying whether progress is saved, and which saved values had to be set aside. */
export function watchStorage(notice: HTMLElement): () => void {
	const show = () => {
		const status = $storageStatus.get();
		const lines = [...(status.kind === 'memory' ? [status.message] : []), ...$storageProblems.get().map((problem) => problem.message)];
		notice.replaceChildren(...lines.map((line) => h('p', null, line)));
		notice.hidden = lines.length === 0;
	};
	const stops = [$storageStatus.subscribe(show), $storageProblems.subscribe(show)];
	return () => stops.forEach((stop) => stop());
}
