import type { ExcerptPart, OutcomeHelp, ResultView } from '~/search/results';

/** Creates an element with a class and children, without going through HTML strings. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) node.className = className;
	node.append(...children);
	return node;
}

/** An excerpt as text nodes and `<mark>`s; excerpts are never parsed as HTML. */
function excerpt(parts: ExcerptPart[]): Node[] {
	return parts.map((part) => (part.mark ? el('mark', '', part.text) : document.createTextNode(part.text)));
}

/** One result: the link (step number and title, or page title), what it belongs to, and an excerpt. */
function resultItem(result: ResultView): HTMLLIElement {
	const link = el('a', 'search-result-link', result.title);
	link.href = result.url;
	if (result.section) link.append(el('span', 'search-result-section', ` › ${result.section}`));
	const meta = el('p', 'search-result-meta', el('span', 'search-result-label', result.label));
	if (result.roles.length) {
		const roles = el('span', 'search-result-roles');
		roles.append(el('span', 'sr-only', 'Responsible: '));
		for (const role of result.roles) {
			const badge = el('span', 'role-badge', role.name);
			badge.dataset.side = role.side;
			roles.append(badge, ' ');
		}
		meta.append(' ', roles);
	}
	const item = el('li', 'search-result', link, meta);
	item.dataset.kind = result.kind;
	if (result.excerpt.length) item.append(el('p', 'search-result-excerpt', ...excerpt(result.excerpt)));
	return item;
}

/** Replaces the list's items with the results. */
export function renderResults(list: HTMLElement, results: ResultView[]): void {
	list.replaceChildren(...results.map(resultItem));
}

/** Moves focus between the result links with the arrow keys; returns whether it handled the key. */
export function moveFocus(list: HTMLElement, from: HTMLElement, key: string, input?: HTMLElement): boolean {
	const links = [...list.querySelectorAll<HTMLAnchorElement>('a.search-result-link')];
	if (!links.length || (key !== 'ArrowDown' && key !== 'ArrowUp')) return false;
	const at = links.indexOf(from as HTMLAnchorElement);
	const next = key === 'ArrowDown' ? (at === -1 ? 0 : Math.min(at + 1, links.length - 1)) : at - 1;
	if (next < 0) input?.focus();
	else links[next]!.focus();
	return true;
}

/** Shows the help under the status (other queries, or dropping the filters) as buttons; hides it when there is none. */
export function renderHelp(box: HTMLElement, help: OutcomeHelp | undefined, actions: { search(q: string): void; dropFilters(): void }): void {
	box.hidden = !help;
	if (!help) return box.replaceChildren();
	const choices = help.queries.map((q) => {
		const button = el('button', 'search-help-choice', q);
		button.type = 'button';
		button.addEventListener('click', () => actions.search(q));
		return button;
	});
	if (help.dropFilters) {
		const button = el('button', 'search-help-choice', 'Search without filters');
		button.type = 'button';
		button.addEventListener('click', () => actions.dropFilters());
		choices.push(button);
	}
	box.replaceChildren(el('span', '', help.text), ...choices.flatMap((choice) => [' ', choice]));
}
