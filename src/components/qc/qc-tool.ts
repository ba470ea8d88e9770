/**
 * The configuration QC tool's behaviour, loaded by QcTool.astro: reads the two listings (in a
 * worker when it can), keeps the result and the marks through the state core, and shows, filters,
 * prints and downloads them.
 */
import { isDifference, MODE_NAMES, OUTCOME_NAMES, summaryLine, type ItemResult, type QcMode, type Sum } from '~/qc/compare';
import { hexToBase64 } from '~/qc/checksum';
import { encodingWarning, modeForVersions } from '~/qc/mode';
import { latestMarks, MARK_NAMES, type Mark, type MarkStatus } from '~/qc/marks';
import type { QcResult } from '~/qc/result';
import type { ListingInput, ListingReport, RunRequest, RunResult } from '~/qc/run';
import { $qcMarks, $qcResult, addMark, saveResult } from '~/qc/state';
import { $plan, type Plan } from '~/state/plan';
import { $storageProblems, $storageStatus } from '~/state/storage';
import { formatTime, isoUtc } from '~/text/time';
import { withBase } from '~/links';
import { fillSheet } from './qc-sheet';

type Side = 'before' | 'after';
/** How both listings of the comparison on screen were read; known only until the page is reloaded. */
type Reports = { id: string; before: ListingReport; after: ListingReport };
type Child = Node | string;

const SIDES: Side[] = ['before', 'after'];
const PAGE = 100;
const FORMS = 'tab-separated text copied from a spreadsheet, CSV with commas or semicolons, or text copied out of the PDF Configuration Report';

/** Builds an element; strings become text nodes, so names from a listing are never parsed as HTML. */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, className: string | null, ...children: Child[]): HTMLElementTagNameMap[K] {
	const el = document.createElement(tag);
	if (className) el.className = className;
	el.append(...children);
	return el;
}

/** Resolves in a later task, letting the browser paint and handle input in between. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve));

const shortSum = (sum: Sum | undefined) => (sum ? (sum.encoding === 'base64' ? hexToBase64(sum.hex) : sum.hex) : '—');

/** Starts the tool inside its element. */
export function attach(host: HTMLElement): void {
	new QcTool(host).start();
}

class QcTool {
	#files: Partial<Record<Side, File>> = {};
	#reports: Reports | undefined;
	#result: QcResult | undefined;
	#marks = new Map<string, Mark>();
	#shown = PAGE;
	#modeTouched = false;
	#worker: Worker | undefined;

	constructor(readonly host: HTMLElement) {}

	$<T extends HTMLElement = HTMLElement>(name: string): T {
		return this.host.querySelector(`[data-qc="${name}"]`) as T;
	}

	field<T extends HTMLInputElement | HTMLTextAreaElement = HTMLInputElement>(name: string): T {
		return this.host.querySelector(`[name="${name}"]`) as T;
	}

	get mode(): QcMode {
		return (this.host.querySelector('input[name="mode"]:checked') as HTMLInputElement | null)?.value === 'across-23.3' ? 'across-23.3' : 'same-version';
	}

	start(): void {
		this.host.dataset.ready = '';
		// Whether the result and marks are being kept, and any stored value found spoiled and set aside.
		const notice = () => {
			const status = $storageStatus.get();
			const lines = $storageProblems.get().map((problem) => problem.message);
			if (status.kind !== 'ok') lines.unshift(`${status.message} Print the record or download the CSV to keep the comparison.`);
			const box = this.$('storage');
			box.textContent = lines.join(' ');
			box.hidden = lines.length === 0;
		};
		$storageStatus.subscribe(notice);
		$storageProblems.subscribe(notice);
		$plan.subscribe((plan) => this.fromPlan(plan));
		for (const radio of this.host.querySelectorAll<HTMLInputElement>('input[name="mode"]')) {
			radio.addEventListener('change', () => {
				this.#modeTouched = true;
				this.fromPlan($plan.get());
			});
		}
		for (const side of SIDES) {
			this.field(`${side}-file`).addEventListener('change', () => this.chooseFile(side));
		}
		this.$<HTMLFormElement>('form').addEventListener('submit', (event) => {
			event.preventDefault();
			void this.compare();
		});
		this.$('filter').addEventListener('change', () => this.list(true));
		this.$('search').addEventListener('input', () => this.list(true));
		this.$('more').addEventListener('click', () => {
			this.#shown += PAGE;
			this.list(false);
		});
		this.$('print').addEventListener('click', () => this.print());
		this.$('csv').addEventListener('click', () => void this.download());
		$qcResult.subscribe((result) => {
			this.#result = result;
			this.render();
		});
		$qcMarks.subscribe((marks) => {
			this.#marks = this.#result ? latestMarks(Object.values(marks), this.#result.id) : new Map();
			this.refreshMarks();
		});
	}

	/** Fills instances, versions and mode from the plan, leaving alone whatever the reader typed. */
	fromPlan(plan: Plan): void {
		if (!this.#modeTouched) {
			const mode = modeForVersions(plan.currentVersion, plan.targetVersion);
			(this.host.querySelector(`input[name="mode"][value="${mode}"]`) as HTMLInputElement).checked = true;
		}
		const across = this.mode === 'across-23.3';
		const note = this.$('mode-note');
		note.textContent =
			plan.currentVersion && plan.targetVersion
				? `Your upgrade plan goes from ${plan.currentVersion} to ${plan.targetVersion}; ${modeForVersions(plan.currentVersion, plan.targetVersion) === 'across-23.3' ? 'it crosses 23.3, so the comparison across 23.3 was chosen' : 'it does not cross 23.3'}. You can choose the other comparison.`
				: 'Enter your current and target versions in the upgrade plan (or the release picker) to have the comparison chosen for you.';
		this.prefill('before-instance', across ? plan.instances : 'VAL');
		this.prefill('after-instance', across ? plan.instances : plan.instances || 'PROD');
		this.prefill('before-version', across ? plan.currentVersion : plan.targetVersion);
		this.prefill('after-version', plan.targetVersion);
		void this.releases(plan);
	}

	prefill(name: string, value: string): void {
		const input = this.field(name);
		// Only a value the page put there may be replaced; what the reader typed stays.
		if (input.value === '' || input.value === input.dataset.filled) {
			input.value = value;
			input.dataset.filled = value;
		}
	}

	chooseFile(side: Side): void {
		const file = this.field(`${side}-file`).files?.[0];
		const status = this.$(`${side}-file-status`);
		if (file) {
			this.#files[side] = file;
			status.textContent = `Using the file ${file.name} (${Math.ceil(file.size / 1024)} KB); pasted text for this side is ignored while a file is chosen.`;
		} else {
			delete this.#files[side];
			status.textContent = '';
		}
	}

	async input(side: Side): Promise<ListingInput> {
		const file = this.#files[side];
		if (file) return { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name };
		return { text: this.field<HTMLTextAreaElement>(`${side}-text`).value };
	}

	/** Runs the comparison in a worker; where no worker can start, in the page. */
	run(request: RunRequest): Promise<RunResult> {
		const inPage = () => import('~/qc/run').then((m) => m.runComparison(request));
		try {
			this.#worker ??= new Worker(new URL('../../qc/worker.ts', import.meta.url), { type: 'module' });
		} catch {
			return inPage();
		}
		const worker = this.#worker;
		return new Promise<RunResult>((resolve, reject) => {
			worker.onmessage = (event: MessageEvent<{ ok: true; result: RunResult } | { ok: false; message: string }>) =>
				event.data.ok ? resolve(event.data.result) : reject(new Error(event.data.message));
			worker.onerror = (event) => {
				event.preventDefault();
				this.#worker = undefined;
				inPage().then(resolve, reject);
			};
			worker.postMessage(request);
		});
	}

	async compare(): Promise<void> {
		const alert = this.$('alert');
		alert.textContent = '';
		const request: RunRequest = { before: await this.input('before'), after: await this.input('after'), mode: this.mode };
		const empty = SIDES.filter((side) => { const i = request[side]; return 'text' in i && i.text.trim() === ''; });
		if (empty.length) {
			alert.textContent = `Paste the ${empty.map((side) => `"${side}"`).join(' and ')} listing, or choose a file for it. Nothing was compared.`;
			return;
		}
		let answer: RunResult;
		try {
			answer = await this.run(request);
		} catch (error) {
			alert.textContent = `The listings could not be compared (${(error as Error).message}). Nothing was stored.`;
			return;
		}
		const unusable = SIDES.filter((side) => answer[side].components === 0);
		if (unusable.length) {
			alert.textContent = unusable
				.map((side) => {
					const input = request[side];
					const from = 'fileName' in input ? `the file ${input.fileName}` : 'the pasted text';
					const bad = answer[side].problems.length;
					return `No component with a checksum was found in the "${side}" listing (${from})${bad ? `; ${bad} line(s) looked like rows but could not be read` : ''}. The playbook reads ${FORMS}; a checksum is 32 hexadecimal characters, or 24 Base64 characters ending in "==".`;
				})
				.concat('Nothing was compared, and the stored result is unchanged.')
				.join('\n');
			return;
		}
		const result: QcResult = {
			id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`,
			comparedAt: isoUtc(),
			before: this.side('before', answer.before),
			after: this.side('after', answer.after),
			...answer.comparison,
		};
		this.#reports = { id: result.id, before: answer.before, after: answer.after };
		this.#shown = PAGE;
		(this.$('filter') as HTMLSelectElement).value = 'differences';
		// Storing, showing and moving the focus each in a task of its own, so that none holds the page for long.
		await nextTask();
		saveResult(result);
		await nextTask();
		this.host.querySelector<HTMLElement>('#qc-result-heading')?.focus();
	}

	side(side: Side, report: ListingReport): QcResult['before'] {
		return {
			instance: this.field(`${side}-instance`).value.trim(),
			version: this.field(`${side}-version`).value.trim(),
			components: report.components,
			unreadable: report.problems.length,
		};
	}

	render(): void {
		const result = this.#result;
		this.$('result').hidden = !result;
		if (!result) return;
		this.#marks = latestMarks(Object.values($qcMarks.get()), result.id);
		const describe = (s: QcResult['before']) => [s.instance || 'instance not named', s.version && `version ${s.version}`].filter(Boolean).join(', ');
		this.$('about').textContent = `${MODE_NAMES[result.mode]}. Before: ${describe(result.before)} (${result.before.components} components). After: ${describe(result.after)} (${result.after.components} components). Compared ${formatTime(result.comparedAt)}.`;
		this.$('summary').textContent = `${summaryLine(result.counts)}.`;
		this.$('caveat').hidden = result.mode !== 'across-23.3';
		const reports = this.#reports?.id === result.id ? this.#reports : undefined;
		const warning = this.$('warning');
		warning.textContent = reports ? encodingWarning(result.mode, reports.before.encodings, reports.after.encodings) : '';
		warning.hidden = warning.textContent === '';
		this.unreadable(result, reports);
		this.list(true);
	}

	/** Lists the lines of each listing that could not be read, with their numbers; after a reload only their count is known. */
	unreadable(result: QcResult, reports: Reports | undefined): void {
		const box = this.$('unreadable');
		box.replaceChildren();
		for (const side of SIDES) {
			const count = result[side].unreadable;
			const report = reports?.[side];
			if (count === 0 && !report?.skipped.length) continue;
			const section = h('div', 'ui-notice qc-problems');
			if (count > 0) {
				section.append(h('p', null, h('strong', null, `${count} line(s) of the "${side}" listing could not be read`), ' and are not in the comparison. Correct them and compare again, or check those components by hand.'));
				if (report) section.append(h('ul', null, ...report.problems.slice(0, 50).map((p) => h('li', null, `Line ${p.line}: ${p.message} `, h('code', null, p.text)))));
			}
			if (report?.skipped.length) {
				const lines = report.skipped;
				section.append(h('p', null, `${lines.length} line(s) of the "${side}" listing hold no checksum and were not read as components (titles, page lines, notes): line${lines.length === 1 ? '' : 's'} ${lines.slice(0, 30).join(', ')}${lines.length > 30 ? ', …' : ''}.`));
			}
			box.append(section);
		}
	}

	/** The components the filter and the search let through, differences first. */
	filtered(): ItemResult[] {
		const result = this.#result;
		if (!result) return [];
		const filter = (this.$('filter') as HTMLSelectElement).value;
		const text = (this.$('search') as HTMLInputElement).value.trim().toLowerCase();
		return result.items.filter((item) => {
			const pass =
				filter === 'all' ||
				(filter === 'differences' && isDifference(item.outcome)) ||
				(filter === 'unmarked' && isDifference(item.outcome) && !this.#marks.has(item.key)) ||
				item.outcome === filter;
			return pass && (text === '' || item.key.includes(text));
		});
	}

	list(reset: boolean): void {
		if (reset) this.#shown = PAGE;
		const items = this.filtered();
		const list = this.$('items');
		const from = reset ? 0 : list.childElementCount;
		if (reset) list.replaceChildren();
		// A page at a time: thousands of components would otherwise take the page's main thread for long.
		list.append(...items.slice(from, this.#shown).map((item) => this.itemView(item)));
		const shown = Math.min(this.#shown, items.length);
		this.$('shown').textContent = `Showing ${shown} of ${items.length} component${items.length === 1 ? '' : 's'}.`;
		this.$('more').hidden = shown >= items.length;
	}

	itemView(item: ItemResult): HTMLElement {
		const li = h('li', 'qc-item');
		li.dataset.outcome = item.outcome;
		li.dataset.key = item.key;
		const lines = [item.beforeLines.length && `before line ${item.beforeLines.join(', ')}`, item.afterLines.length && `after line ${item.afterLines.join(', ')}`].filter(Boolean).join('; ');
		li.append(
			h('h3', null, item.name),
			h('p', null, h('span', 'qc-outcome', OUTCOME_NAMES[item.outcome]), lines ? ` (${lines})` : ''),
		);
		if (isDifference(item.outcome)) {
			li.append(
				h('ul', 'qc-parts', ...item.parts.map((part) => h('li', null, `${part.part}: ${OUTCOME_NAMES[part.outcome]}, before `, h('code', null, shortSum(part.before)), ', after ', h('code', null, shortSum(part.after))))),
				this.markForm(item),
			);
		} else {
			li.append(h('p', 'qc-hint', `Parts: ${item.parts.map((part) => part.part).join(', ')}.`));
		}
		return li;
	}

	markForm(item: ItemResult): HTMLElement {
		const id = `qc-mark-${Math.random().toString(36).slice(2, 8)}`;
		const select = h('select', null, h('option', null, 'Choose…'), h('option', null, 'Expected'), h('option', null, 'To investigate'));
		(select.options[0] as HTMLOptionElement).value = '';
		(select.options[1] as HTMLOptionElement).value = 'expected';
		(select.options[2] as HTMLOptionElement).value = 'investigate';
		select.id = `${id}-status`;
		const comment = h('input', null);
		comment.type = 'text';
		comment.id = `${id}-comment`;
		const save = h('button', 'ui-button', 'Save mark');
		save.type = 'button';
		save.setAttribute('aria-label', `Save the mark of ${item.name}`);
		const status = h('p', 'qc-marked');
		status.dataset.markFor = item.key;
		status.setAttribute('role', 'status');
		const existing = this.#marks.get(item.key);
		if (existing) {
			select.value = existing.status;
			comment.value = existing.comment;
		}
		save.addEventListener('click', () => {
			const result = this.#result;
			if (!result) return;
			if (select.value === '') {
				status.textContent = 'Choose "Expected" or "To investigate" first.';
				select.focus();
				return;
			}
			addMark(result.id, item.key, select.value as MarkStatus, comment.value.trim());
		});
		const form = h(
			'div',
			'qc-mark',
			h('label', null, `Mark`),
			select,
			h('label', null, 'Comment'),
			comment,
			save,
		);
		(form.children[0] as HTMLLabelElement).htmlFor = select.id;
		(form.children[2] as HTMLLabelElement).htmlFor = comment.id;
		const wrap = h('div', null, form, status);
		this.markText(status, existing);
		return wrap;
	}

	markText(node: HTMLElement, mark: Mark | undefined): void {
		node.textContent = mark ? `Marked ${MARK_NAMES[mark.status]}${mark.comment ? `: ${mark.comment}` : ''} (${formatTime(mark.at)}).` : 'Not marked yet.';
	}

	refreshMarks(): void {
		for (const node of this.host.querySelectorAll<HTMLElement>('[data-mark-for]')) this.markText(node, this.#marks.get(node.dataset.markFor!));
	}

	print(): void {
		const result = this.#result;
		if (!result) return;
		const sheet = this.host.querySelector<HTMLElement>('.qc-sheet')!;
		fillSheet(sheet, result, this.#marks, new Date());
		document.documentElement.dataset.print = 'sheet';
		const end = () => {
			removeEventListener('afterprint', end);
			delete document.documentElement.dataset.print;
		};
		addEventListener('afterprint', end);
		print();
	}

	async download(): Promise<void> {
		const result = this.#result;
		if (!result) return;
		const { qcCsv, qcFileName } = await import('~/qc/csv');
		const name = qcFileName(result.after.instance, new Date());
		const url = URL.createObjectURL(new Blob([qcCsv(result, this.#marks)], { type: 'text/csv;charset=utf-8' }));
		const link = Object.assign(document.createElement('a'), { href: url, download: name, hidden: true });
		document.body.append(link);
		link.click();
		link.remove();
		// Revoking at once can cancel the download in some browsers.
		setTimeout(() => URL.revokeObjectURL(url), 60_000);
		this.$('action-status').textContent = `Downloaded ${name}.`;
	}

	/** Lists the releases of the plan's range whose notes flag reports, dashboards or exports. */
	async releases(plan: Plan): Promise<void> {
		const section = this.$('releases');
		const [{ readCatalogueIndex, releaseHeading, releaseHref }, { selectRange }, { urlParts }] = await Promise.all([
			import('~/releases/catalogue-index'),
			import('~/releases/range'),
			import('~/releases/picker-model'),
		]);
		const range = plan.currentVersion && plan.targetVersion ? undefined : null;
		const text = this.$('range');
		const list = this.$('release-list');
		section.hidden = false;
		if (range === null) {
			text.replaceChildren('Enter your current and target versions in the ', Object.assign(h('a', null, 'release picker'), { href: withBase('/releases/') }), ' to list the releases in between whose notes flag reports, dashboards or exports.');
			list.replaceChildren();
			return;
		}
		let catalogue;
		try {
			const response = await fetch(this.host.dataset.index ?? '');
			catalogue = readCatalogueIndex(await response.json());
		} catch {
			text.textContent = 'The release catalogue could not be loaded; see the release picker.';
			return;
		}
		const selected = selectRange(catalogue, plan.currentVersion, plan.targetVersion);
		if (!selected.ok) {
			text.textContent = `Your plan's versions give no range: ${selected.problems.map((p) => p.message).join(' ')}`;
			list.replaceChildren();
			return;
		}
		const flagged = selected.releases.filter((release) => release.flags.reports_dashboards_exports !== null);
		text.textContent = `From ${selected.from} to ${selected.to}: ${flagged.length} of the ${selected.releases.length} release(s) in the catalogue flag a change to reports, dashboards or exports. Expect differences there; the catalogue holds only what public pages state.`;
		list.replaceChildren(
			...flagged.map((release) => {
				const link = h('a', null, releaseHeading(release));
				link.href = releaseHref(release.version);
				const parts = urlParts(release.flags.reports_dashboards_exports ?? '').map((part) => {
					if (!part.href) return part.text;
					const a = h('a', null, part.text);
					a.href = part.href;
					return a;
				});
				return h('li', null, link, ': ', ...parts);
			}),
		);
	}
}
