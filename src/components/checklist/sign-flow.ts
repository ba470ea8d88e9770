import { responsibleFor } from '~/checklist/meaning-preset';
import { isMeaning, type Meaning } from '~/state/meaning';
import { $signer, type Signer } from '~/state/signer';
import { recordEvent, type EventInput } from '~/state/record-event';
import { askSigner, askSignoff } from './ask-name';
import { ref } from './dom';
import { roleName, whoSigned } from './event-line';
import { formatTime } from '~/text/time';
import type { SignoffHost } from './step-signoff';

/**
 * Signing, withdrawing and "not applicable" for one step: loaded when first used, as these dialogs are.
 * The signer is read from storage at the moment of signing, so the name recorded is the one the bar shows.
 */
export async function act(host: SignoffHost, what: 'sign' | 'withdraw' | 'na'): Promise<void> {
	const box = ref<HTMLInputElement>(host, 'done');
	const number = host.dataset.number!;
	const roles = host.dataset.roles!.split(' ');
	// The box keeps the new state while questions are asked; cancelling puts back the stored one.
	let who: Signer | undefined = $signer.get();
	if (!who.name.trim() || !who.role) who = await askSigner(box);
	if (!who) return host.render();
	const base = { step: host.dataset.step!, by: who.name, role: who.role, text: host.dataset.text!, fingerprint: host.dataset.fingerprint! };
	const other = !responsibleFor(who.role, roles);
	const stepRoles = roles.map(roleName).join(', ');
	const otherText = `Step ${number} is for ${stepRoles}; you sign as ${roleName(who.role)}. The event records your role and the meaning you choose here.`;

	let input: EventInput | undefined;
	if (what === 'sign') {
		const chosen = ref<HTMLSelectElement>(host, 'meaning').value;
		let meaning: Meaning | undefined = isMeaning(chosen) ? chosen : undefined;
		// Another role's step is confirmed once per sign-off, and never signed with a meaning nobody chose.
		if (other || !meaning) {
			const answer = await askSignoff(box, {
				title: other ? `Sign step ${number} for another role?` : `Sign step ${number}`,
				text: other ? otherText : 'Choose what your signature means.',
				meaning: meaning ?? '',
				ok: 'Sign off',
			});
			if (!answer) return host.render();
			meaning = answer.meaning;
		}
		const comment = ref<HTMLInputElement>(host, 'comment');
		input = { ...base, kind: 'signed', meaning, comment: comment.value, otherRole: other };
		comment.value = '';
	} else if (what === 'withdraw') {
		const standing = [...host.state.standing].reverse();
		if (!standing.length) return host.render();
		const answer = await askSignoff(box, {
			title: `Withdraw a sign-off of step ${number}`,
			text: 'The sign-off stays in the history, struck through, with who withdrew it, when and why.',
			choices: standing.map((event) => ({ value: event.id, label: `${event.kind === 'signed' ? 'Signed' : 'Not applicable'} by ${whoSigned(event)}, ${formatTime(event.at)}` })),
			reason: true,
			ok: 'Withdraw',
		});
		if (!answer) return host.render();
		input = { ...base, kind: 'withdrawn', withdraws: answer.choice, reason: answer.reason };
	} else {
		const answer = await askSignoff(ref(host, 'na'), {
			title: `Step ${number} not applicable`,
			text: `${other ? `${otherText} ` : ''}The step counts as closed; the reason is kept with the event.`,
			meaning: responsibleFor(who.role, roles) ? 'performed' : '',
			reason: true,
			ok: 'Mark not applicable',
		});
		if (!answer) return host.render();
		input = { ...base, kind: 'not-applicable', meaning: answer.meaning, reason: answer.reason, otherRole: other };
	}
	recordEvent(input);
	host.resetMeaning();
}
