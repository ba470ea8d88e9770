/**
 * The release picker's behaviour, loaded at once by ReleasePicker.astro's small
 * script on the picker's page.
 */
import { readCatalogueIndex, releaseHeading, releaseHref } from '~/releases/catalogue-index';
import { FLAG_KEYS, FLAG_LABELS, type FlagSteps } from '~/releases/flags';
import { gapText, placementText, startingRange, stepLinkParts, urlParts, type StartingRange, type TextPart } from '~/releases/picker-model';
import { selectRange, stepsText, summarizeRange, type ReleaseRange } from '~/releases/range';
import type { Release } from '~/releases/schema';
import { rangeQuery } from '~/releases/url';
import { withBase } from '~/links';

type Child = Node | string;

// The plan store (with its storage layer) loads beside the catalogue rather than before the picker
// works, and not at all when a shared link is only read; the storage notice comes with it, as only
// then can storage be in trouble.
const plan = () => import('~/state/plan');
const notice = () => import('~/components/storage-watch');

/** Makes an element holding the given children. */
function el(tag: string, ...children: Child[]): HTMLElement {
	const node = document.createElement(tag);
	node.append(...children);
	return node;
}

/** Text runs as nodes, linking those that have an address. */
function runs(parts: TextPart[]): Child[] {
	return parts.map((part) => {
		if (part.href === undefined) return part.text;
		const a = el('a', part.text) as HTMLAnchorElement;
		a.href = part.href;
		return a;
	});
}

/** Sets a message's text and hides it when empty, so screen readers skip empty descriptions. */
function say(node: HTMLElement, text: string): void {
	node.textContent = text;
	node.hidden = text === '';
}

/** Starts the picker inside its element: loads the catalogue index, fills the fields, and answers the form. */
export function attach(host: HTMLElement): void {
	new Picker(host).start();
}

class Picker {
	#catalogue: Promise<Release[]>;
	#watching: Promise<unknown> | undefined;
	#range: ReleaseRange | undefined;

	constructor(readonly host: HTMLElement) {
		this.#catalogue = fetch(host.dataset.index ?? '')
			.then((response) => (response.ok ? response.json() : Promise.reject(new Error(`${response.status}`))))
			.then(readCatalogueIndex);
	}

	/** The element marked data-rp="name", or the element with id "<picker id>-name". */
	$<T extends HTMLElement = HTMLElement>(name: string): T {
		return this.host.querySelector(`[data-rp="${name}"], #${this.host.id}-${name}`) as T;
	}

	/** The plan store, once loaded, with storage trouble shown in the picker from then on. */
	plan(): ReturnType<typeof plan> {
		this.#watching ??= notice().then(({ watchStorage }) => watchStorage(this.$('storage')));
		return this.#watching.then(plan);
	}

	start(): void {
		const form = this.$<HTMLFormElement>('form');
		this.#catalogue.then(
			(catalogue) => this.$('versions').replaceChildren(...catalogue.map((release) => new Option(release.title, release.version))),
			() => {
				form.hidden = true;
				say(this.$('notice'), 'The release catalogue could not be loaded, so the picker cannot list releases. Reload the page, or use the list of all releases on the release notes page.');
			},
		);
		form.addEventListener('submit', () => {
			delete this.host.dataset.pending;
			void this.show(true);
		});
		// Leaving a field shows the range at once, as long as both fields hold something.
		form.addEventListener('change', () => {
			if (this.$<HTMLInputElement>('from').value.trim() !== '' && this.$<HTMLInputElement>('to').value.trim() !== '') void this.show(true);
		});
		this.$('copy').addEventListener('click', () => void this.copy());

		// A form sent before this code arrived is answered now.
		if (this.host.dataset.pending !== undefined) {
			delete this.host.dataset.pending;
			void this.show(true);
			return;
		}
		const start = startingRange(this.host.dataset.syncUrl === undefined ? '' : location.search, { currentVersion: '', targetVersion: '' });
		if (start.source === 'address') this.fill(start);
		else void this.plan().then(({ $plan }) => this.fill(startingRange('', $plan.get())));
	}

	/** Fills the fields with the first range and shows it when both versions are there. */
	fill(range: StartingRange): void {
		const from = this.$<HTMLInputElement>('from');
		const to = this.$<HTMLInputElement>('to');
		// Whatever the reader typed while the plan was loading wins.
		if (from.value !== '' || to.value !== '') return;
		from.value = range.from;
		to.value = range.to;
		if (range.errors.length > 0) say(this.$('notice'), `The link you opened names a version that is not valid. ${range.errors.join(' ')}`);
		if (range.from !== '' && range.to !== '') void this.show(false);
	}

	status(text: string): void {
		this.$('status').textContent = text;
	}

	/** Computes the range in the fields and shows it, or shows why it cannot; `save` writes it to the plan and the address. */
	async show(save: boolean): Promise<void> {
		const catalogue = await this.#catalogue;
		const from = this.$<HTMLInputElement>('from');
		const to = this.$<HTMLInputElement>('to');
		const result = selectRange(catalogue, from.value, to.value);
		for (const input of [from, to]) {
			// An order problem is fixed in the target field, so its message sits there.
			const problem = result.ok ? undefined : result.problems.find((p) => p.field === input.name || (input === to && p.field === 'order'));
			say(this.$(`${input.name}-error`), problem?.message ?? '');
			say(this.$(`${input.name}-place`), placementText(catalogue, input.value) ?? '');
			if (problem === undefined) input.removeAttribute('aria-invalid');
			else input.setAttribute('aria-invalid', 'true');
		}
		this.$('result').hidden = !result.ok;
		this.#range = result.ok ? result : undefined;
		if (!result.ok) {
			this.status(`No reading list: ${result.problems.map((p) => p.message).join(' ')}`);
			return;
		}
		from.value = result.from;
		to.value = result.to;
		this.render(result);
		const query = rangeQuery(result.from, result.to);
		if (save) {
			void this.plan().then(({ setPlanField }) => {
				setPlanField('currentVersion', result.from);
				setPlanField('targetVersion', result.to);
			});
			say(this.$('notice'), '');
			if (this.host.dataset.syncUrl !== undefined) history.replaceState(history.state, '', query + location.hash);
		}
	}

	/** The steps each flag kind points to, as the page was built with them. */
	flagSteps(): FlagSteps {
		return JSON.parse(this.host.dataset.flagSteps ?? '{}') as FlagSteps;
	}

	render(range: ReleaseRange): void {
		const stages = JSON.parse(this.host.dataset.stages ?? '{}') as Record<number, string>;
		const linked = (text: string) => runs(stepLinkParts(text, (step) => stages[step]));
		const summary = summarizeRange(range.releases, this.flagSteps()).sentence;
		this.$('heading').textContent = `Reading list: ${range.from} → ${range.to}`;
		this.$('summary').replaceChildren(...linked(summary));
		this.$('fallback').hidden = true;
		this.$('copy-status').textContent = '';
		this.$('gaps').hidden = range.gaps.length === 0;
		this.$('gap-list').replaceChildren(...range.gaps.map((gap) => el('li', el('strong', gap.label), `: ${gapText(gap)}`)));
		say(this.$('empty'), range.releases.length === 0 ? `The catalogue has no release after ${range.from} up to ${range.to}.` : '');

		const template = this.$<HTMLTemplateElement>('item');
		this.$('list').replaceChildren(
			...range.releases.map((release) => {
				const item = (template.content.cloneNode(true) as DocumentFragment).firstElementChild as HTMLElement;
				const find = (name: string) => item.querySelector(`[data-rp="${name}"]`) as HTMLElement;
				const link = find('link') as HTMLAnchorElement;
				link.href = releaseHref(release.version);
				link.textContent = releaseHeading(release);
				// The page says once that most releases have no public date; a release shows what is known, or nothing.
				const date = find('date');
				date.textContent = [release.date, release.date_note].filter(Boolean).join('. ');
				date.hidden = date.textContent === '';
				find('about').textContent = release.summary;
				const flags = FLAG_KEYS.flatMap((key) => {
					const note = release.flags[key];
					const steps = stepsText(this.flagSteps()[key]);
					return note === null ? [] : [el('li', el('strong', FLAG_LABELS[key]), ...(steps === '' ? [] : [' (', ...linked(steps), ')']), ': ', ...runs(urlParts(note)))];
				});
				const unstated = FLAG_KEYS.filter((key) => release.flags[key] === null).map((key) => FLAG_LABELS[key]);
				if (unstated.length > 0) {
					const li = el('li', `Not stated: ${unstated.join('; ')}.`);
					li.className = 'rp-not-stated';
					flags.push(li);
				}
				find('flags').replaceChildren(...flags);
				return item;
			}),
		);
		const gaps = range.gaps.length;
		this.status(`Reading list from ${range.from} to ${range.to}: ${summary}${gaps > 0 ? ` The catalogue may be missing ${gaps === 1 ? 'one gap' : `${gaps} gaps`}; see the box below the summary.` : ''}`);
	}

	/** Puts the reading list on the clipboard, or selects it in a text box for Ctrl+C when the browser refuses. */
	async copy(): Promise<void> {
		if (this.#range === undefined) return;
		// Only a copy needs the ticket text, so its code loads on the first click.
		const { readingListText } = await import('~/releases/reading-list');
		const text = readingListText(this.#range, this.flagSteps(), new URL(this.host.dataset.page ?? withBase('/releases/'), location.href).href);
		const fallback = this.$('fallback');
		try {
			await navigator.clipboard.writeText(text);
			fallback.hidden = true;
			this.$('copy-status').textContent = 'Copied: the reading list is on the clipboard as plain text.';
		} catch {
			const box = this.$<HTMLTextAreaElement>('text');
			box.value = text;
			fallback.hidden = false;
			box.focus();
			box.select();
			this.$('copy-status').textContent = 'The browser did not allow copying. The reading list is selected in the text box below: press Ctrl+C (Command+C on a Mac) to copy it.';
		}
	}
}
