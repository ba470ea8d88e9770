import { presetMeaning, responsibleFor } from '~/checklist/meaning-preset';
import { $signer, type Signer } from '~/state/signer';
import { recordEvent, type EventInput } from '~/state/record-event';
import { askSigner, askSignoff } from './ask-name';
import { ref } from './dom';
import { roleName, whoSigned } from './event-line';
import { formatTime } from '~/text/time';
import type { SignoffHost } from './step-signoff';
import { stepText } from './step-texts';

/**
 * Signing, withdrawing and "not applicable" for one step: loaded when first used, as these dialogs are.
 * The signer is read from storage at the moment of signing, so the name recorded is the one the bar shows.
 * The step's text comes from the stage's texts, asked for while the questions are answered; cancelling records nothing.
 * Rejects, with nothing recorded, when the text cannot be had or is not the text this page shows.
 */
export async function act(host: SignoffHost, what: 'sign' | 'withdraw' | 'na'): Promise<void> {
	const box = ref<HTMLInputElement>(host, 'done');
	const number = host.dataset.number!;
	const roles = host.dataset.roles!.split(' ');
	// The box keeps the new state while questions are asked; cancelling puts back the stored one.
	const text = stepText(host);
	// Awaited only once the questions are answered; a failure before then is reported there, not as unhandled.
	text.catch(() => {});
	let who: Signer | undefined = $signer.get();
	if (!who.name.trim() || !who.role) who = await askSigner(box);
	if (!who) return host.render();
	const base = { step: host.dataset.step!, by: who.name, role: who.role, fingerprint: host.dataset.fingerprint! };
	const other = !responsibleFor(who.role, roles);
	const stepRoles = roles.map(roleName).join(', ');
	const otherText = `Step ${number} is for ${stepRoles}; you sign as ${roleName(who.role)}. The event records your role and the meaning you choose here.`;

	let input: Omit<EventInput, 'text'> | undefined;
	if (what === 'sign') {
		// The full panel opens only to sign: the meaning (set for a responsible role), a comment, who signs.
		const answer = await askSignoff(box, {
			title: other ? `Sign step ${number} for another role?` : `Sign step ${number}`,
			text: other ? otherText : 'Choose what your signature means; a comment is optional.',
			signer: `${who.name}, ${roleName(who.role)}`,
			meaning: presetMeaning(who.role, roles),
			comment: true,
			ok: 'Sign off',
		});
		if (!answer?.meaning) return host.render();
		input = { ...base, kind: 'signed', meaning: answer.meaning, comment: answer.comment ?? '', otherRole: other };
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
	recordEvent({ ...input, text: await text });
}
