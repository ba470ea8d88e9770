import { isMeaning, type Meaning } from '~/state/meaning';
import { $signer, setSignerName, setSignerRole, type Signer } from '~/state/signer';

/** Shows a dialog of the checklist bar and resolves with its return value once closed; focus returns to `from`. */
function ask(dialog: HTMLDialogElement, from: HTMLElement): Promise<string> {
	dialog.returnValue = '';
	dialog.showModal();
	return new Promise((resolve) => {
		dialog.addEventListener(
			'close',
			() => {
				from.focus();
				resolve(dialog.returnValue);
			},
			{ once: true },
		);
	});
}

/** Asks who is signing and in which role (the bar's dialog) and remembers both for this browser; undefined when cancelled. */
export async function askSigner(from: HTMLElement): Promise<Signer | undefined> {
	const dialog = document.querySelector<HTMLDialogElement>('dialog.signer-dialog');
	if (!dialog) return undefined;
	const name = dialog.querySelector<HTMLInputElement>('input[name="name"]')!;
	const role = dialog.querySelector<HTMLSelectElement>('select[name="role"]')!;
	const current = $signer.get();
	name.value = current.name;
	role.value = current.role;
	if ((await ask(dialog, from)) !== 'sign' || !name.value.trim() || !role.value) return undefined;
	setSignerName(name.value.trim());
	setSignerRole(role.value);
	return $signer.get();
}

/** What the sign-off dialog asks: a meaning, a choice of events, a reason; each only when given. */
export interface SignoffQuestion {
	title: string;
	text: string;
	/** Who signs, as the dialog names them ("Dana Reyes, Customer"); left out, nobody is named. */
	signer?: string;
	/** The meaning to start on ('' for none); left out, no meaning is asked. */
	meaning?: Meaning | '';
	choices?: { value: string; label: string }[];
	reason?: boolean;
	/** Ask for an optional comment (a ticket number, an evidence reference). */
	comment?: boolean;
	ok: string;
}

/** The answers, once the signer confirmed. */
export interface SignoffAnswer {
	meaning?: Meaning;
	choice?: string;
	reason?: string;
	comment?: string;
}

/** Asks the questions of one sign-off, withdrawal or "not applicable" in the bar's sign-off dialog (the full panel, shown only to sign); undefined when cancelled. */
export async function askSignoff(from: HTMLElement, question: SignoffQuestion): Promise<SignoffAnswer | undefined> {
	const dialog = document.querySelector<HTMLDialogElement>('dialog.signoff-dialog');
	if (!dialog) return undefined;
	const part = <T extends HTMLElement>(name: string) => dialog.querySelector<T>(`[data-part="${name}"]`)!;
	part('title').textContent = question.title;
	part('text').textContent = question.text;
	const signer = part('signer');
	signer.hidden = !question.signer;
	part('signer-name').textContent = question.signer ?? '';
	part('ok').textContent = question.ok;
	const meaning = part<HTMLSelectElement>('meaning');
	const reason = part<HTMLTextAreaElement>('reason');
	const choices = part<HTMLFieldSetElement>('choices');
	// Fields not asked are disabled, so the form does not require them.
	const show = (field: HTMLElement, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | HTMLFieldSetElement, on: boolean) => {
		field.hidden = !on;
		control.disabled = !on;
	};
	show(part('meaning-field'), meaning, question.meaning !== undefined);
	meaning.value = question.meaning ?? '';
	show(part('reason-field'), reason, !!question.reason);
	reason.value = '';
	const comment = part<HTMLInputElement>('comment');
	show(part('comment-field'), comment, !!question.comment);
	comment.value = '';
	// A reason of spaces only is no reason.
	const need = () => reason.setCustomValidity(reason.value.trim() ? '' : 'Give the reason.');
	need();
	reason.oninput = need;
	show(choices, choices, !!question.choices);
	const list = part('choice-list');
	list.replaceChildren(
		...(question.choices ?? []).map((choice, i) => {
			const label = document.createElement('label');
			const radio = Object.assign(document.createElement('input'), { type: 'radio', name: 'withdraws', value: choice.value, checked: i === 0, required: true });
			label.append(radio, ` ${choice.label}`);
			return label;
		}),
	);
	if ((await ask(dialog, from)) !== 'ok') return undefined;
	const picked = list.querySelector<HTMLInputElement>('input:checked')?.value;
	return {
		...(question.meaning !== undefined && isMeaning(meaning.value) ? { meaning: meaning.value } : {}),
		...(question.choices ? { choice: picked } : {}),
		...(question.reason ? { reason: reason.value.trim() } : {}),
		...(question.comment ? { comment: comment.value } : {}),
	};
}
