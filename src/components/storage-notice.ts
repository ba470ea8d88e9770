import { $storageProblems, $storageStatus } from '~/state/storage';

// Every page that keeps state shows storage trouble through here, so each says the same and offers the same way out.
// Loaded only when there is trouble to show (see storage-watch.ts).

const RECORD_PAGE = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}record/`;

/** An element with text, built without parsing HTML: messages quote keys and values from storage. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, text = ''): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	node.textContent = text;
	return node;
}

/** A button that downloads what this page holds, loading the export code only when pressed, and says how it went. */
function exportButton(): HTMLElement {
	const line = el('p');
	const button = el('button', 'Export what you entered');
	button.type = 'button';
	button.className = 'storage-export';
	const said = el('span');
	said.setAttribute('role', 'status');
	button.addEventListener('click', () => {
		import('./record/download').then(
			({ downloadRecord }) => {
				const { name, counts } = downloadRecord();
				said.textContent = ` Exported ${name}: ${counts}.`;
			},
			() => (said.textContent = ' The export could not be loaded. Check the connection and try again.'),
		);
	});
	line.append(button, said);
	return line;
}

const exporters = new WeakMap<HTMLElement, HTMLElement>();

/**
 * Words a notice element: whether progress is saved (with the export at hand when it is not), and which saved
 * values were set aside or left alone; `recordPage` is true on the record page itself, which explains them.
 */
export function renderNotice(notice: HTMLElement, { recordPage = false } = {}): void {
	const status = $storageStatus.get();
	const problems = $storageProblems.get();
	const lines: HTMLElement[] = [];
	if (status.kind === 'memory') {
		if (!exporters.has(notice)) exporters.set(notice, exportButton());
		lines.push(el('p', status.message), exporters.get(notice)!);
	}
	for (const problem of problems) lines.push(el('p', problem.message));
	if (!recordPage && problems.some((problem) => problem.backupKey)) {
		const more = el('p', 'What set-aside values are and what to do: see ');
		const link = el('a', 'the upgrade record page');
		link.href = RECORD_PAGE;
		more.append(link, '.');
		lines.push(more);
	}
	notice.replaceChildren(...lines);
	notice.hidden = lines.length === 0;
}
