import { loadSearch, runSearch } from '~/search/engine';
import { describeOutcome } from '~/search/results';
import { EMPTY_STATE, writeState } from '~/search/state';
import { moveFocus, renderHelp, renderResults } from './render';

/** How many results the quick dialog lists before pointing to the search page. */
const QUICK_LIMIT = 8;

/** Wires the quick-search dialog once its code has loaded: live results, arrow keys, link to filters. */
export function attachQuickSearch(root: HTMLElement): void {
	const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
	const list = root.querySelector<HTMLElement>('.search-results')!;
	const status = root.querySelector<HTMLElement>('.search-status')!;
	const more = root.querySelector<HTMLAnchorElement>('a.search-more')!;
	const help = root.querySelector<HTMLElement>('.search-help')!;
	const helpActions = {
		search: (q: string) => {
			input.value = q;
			void update();
			input.focus();
		},
		dropFilters: () => undefined,
	};
	const searchPage = more.pathname;
	let latest = 0;

	const update = async () => {
		const ticket = ++latest;
		const q = input.value.replace(/\s+/g, ' ').trim();
		const state = { ...EMPTY_STATE, q };
		more.href = `${searchPage}${writeState(state)}`;
		renderHelp(help, undefined, helpActions);
		if (!q) {
			renderResults(list, []);
			status.textContent = '';
			return;
		}
		try {
			const outcome = await runSearch(state, QUICK_LIMIT);
			// A later keystroke has already asked a newer question.
			if (!outcome || ticket !== latest) return;
			renderResults(list, outcome.results);
			const described = describeOutcome(outcome, { q, stageNames: [], roleNames: [] });
			status.textContent = described.status;
			renderHelp(help, described.help, helpActions);
		} catch {
			if (ticket === latest) status.textContent = 'Search could not load. The search page and the stage pages list every step.';
		}
	};

	input.addEventListener('input', update);
	input.closest('form')?.addEventListener('submit', (event) => {
		event.preventDefault();
		list.querySelector<HTMLAnchorElement>('a.search-result-link')?.click();
	});
	root.addEventListener('keydown', (event) => {
		const target = event.target as HTMLElement;
		if ((target === input || list.contains(target)) && moveFocus(list, target, event.key, input)) event.preventDefault();
	});
	// Start fetching the index now; a failure shows when the user searches.
	loadSearch().catch(() => undefined);
	if (input.value) void update();
}
