/**
 * What the ticket generator's Copy and Download buttons do. The form loads this only
 * when the reader heads for the buttons, so the page's first load carries just the
 * form and the live ticket text.
 */
import { clearDraft } from '~/state/drafts';
import { $plan } from '~/state/plan';
import type { WrittenTicket } from '~/tickets/body';
import type { FieldSpec, FormValues, PlanSnapshot } from '~/tickets/fields';
import { planFieldOf, startValues } from '~/tickets/form-values';
import { downloadName, ticketFile } from '~/tickets/download-name';

// The time formatters travel with the buttons' code, so a form with a date makes one request for both.
export { formatDay, formatTime } from '~/text/time';

/** What the form element offers its buttons: its state, and the ways to redraw and to speak. */
export interface TicketHost {
	spec: { id: string; fields: (FieldSpec & { label: string })[] };
	attempted: boolean;
	written: WrittenTicket;
	head: HTMLElement;
	preview: HTMLElement;
	/** Settles once every formatter the ticket text needs is loaded. */
	loaded: Promise<unknown>;
	refresh(): Record<string, string>;
	box(name: string): HTMLElement;
	say(key: string, lead?: string): void;
	/** The answers as last read from the form. */
	values: FormValues;
	fill(values: FormValues, fields?: TicketHost['spec']['fields']): void;
	cancelSave(): void;
	save(): void;
	plan(): PlanSnapshot;
	querySelector<E extends Element = HTMLElement>(selector: string): E | null;
	querySelectorAll<E extends Element = HTMLElement>(selector: string): NodeListOf<E>;
}

/** Copies the subject or reference (`head`) or the body, or downloads the whole ticket; refuses, saying why, while the form is not ready. */
export async function act(host: TicketHost, action: string): Promise<void> {
	if (action !== 'copy' && action !== 'copy-head' && action !== 'download') return confirmClear(host, action);
	await host.loaded;
	const written = ready(host, action === 'download' ? 'download' : 'copy');
	if (written === undefined) return;
	if (action === 'download') {
		host.say('', `Downloaded as ${downloadText(ticketFile(written)!, downloadName(host.spec.id, String(host.values.site || $plan.get().site), new Date()))}.`);
		return;
	}
	const head = action === 'copy-head';
	const result = await copyText(head ? host.head.textContent! : written.body, head ? host.head : host.preview);
	host.say(result === 'copied' && head ? 'copiedHead' : result);
}

/**
 * Brings a plan change made elsewhere (another tool, another tab) into the form: only the
 * fields whose plan value moved, never the field being typed in (that would move the caret),
 * and the reading list and its gaps whenever a version moved.
 */
export function follow(host: TicketHost, last: PlanSnapshot, plan: PlanSnapshot): void {
	const moved = (key: keyof PlanSnapshot) => plan[key] !== last[key];
	const fields = host.spec.fields.filter((field) => {
		const source = planFieldOf(field);
		return source ? moved(source) && !host.box(field.name).contains(document.activeElement) : field.from_plan && (moved('currentVersion') || moved('targetVersion'));
	});
	if (fields.length) {
		host.fill(startValues(host.spec.fields, plan), fields);
		host.save();
	}
	host.refresh();
}

/** Clear asks first: `clear` opens the question, `cancel-clear` closes it, `confirm-clear` empties the form and forgets its draft. */
function confirmClear(host: TicketHost, action: string): void {
	const confirm = host.querySelector('[role=group]')!;
	const clear = host.querySelector('[aria-expanded]')!;
	confirm.hidden = action !== 'clear';
	clear.ariaExpanded = String(!confirm.hidden);
	(confirm.hidden ? clear : confirm.querySelector<HTMLElement>('button')!).focus();
	if (action !== 'confirm-clear') return;
	host.cancelSave();
	clearDraft(host.spec.id);
	host.attempted = false;
	host.fill(startValues(host.spec.fields, host.plan()));
	for (const element of host.querySelectorAll('.tf-error')) element.replaceChildren();
	for (const control of host.querySelectorAll('[aria-invalid]')) control.ariaInvalid = null;
	host.refresh();
	host.say('cleared');
}

/** The written ticket when the form is complete and no precondition stops it; otherwise says why, focuses the first field to fix, and returns undefined. */
function ready(host: TicketHost, verb: string): Exclude<WrittenTicket, { blocked: object }> | undefined {
	host.attempted = true;
	const errors = host.refresh();
	const written = host.written;
	const wrong = host.spec.fields.filter((field) => errors[field.name]);
	const labels = wrong.map((field) => field.label);
	if (!labels.length && !written.blocked) return written;
	// The first field to fix gets the focus, so its message is read out and the next Tab leads on through the form.
	if (wrong.length) host.box(wrong[0]!.name).querySelector<HTMLElement>('input, textarea')!.focus();
	const answers = labels.length ? `${labels.length === 1 ? 'one answer needs' : `${labels.length} answers need`} attention (${labels.join('; ')}). ` : '';
	host.say(labels.length ? 'blocked' : '', `Not ready to ${verb}: ${written.blocked ? `${written.blocked.reason} ` : ''}${answers}`);
}

/** Puts text on the clipboard; where the browser refuses, selects it in `shown` instead. Returns which of the two happened. */
export async function copyText(text: string, shown: HTMLElement): Promise<'copied' | 'refused'> {
	try {
		await navigator.clipboard.writeText(text);
		return 'copied';
	} catch {
		shown.focus();
		getSelection()!.selectAllChildren(shown);
		return 'refused';
	}
}

/** Saves text as a plain-text file under the name given; returns the file name. */
export function downloadText(text: string, name: string): string {
	const link = document.createElement('a');
	link.href = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
	link.download = name;
	// Some browsers only follow a download link that is in the document.
	document.body.append(link);
	link.click();
	link.remove();
	// The browser has taken the file once the click is handled; the address can go after that.
	setTimeout(() => URL.revokeObjectURL(link.href), 1000);
	return link.download;
}
