import { responsibleFor } from '~/checklist/meaning-preset';
import { SIDE_NAMES } from '~/checklist/signoff-text';
import { DECISION_TICKET, decisionDraft } from '~/day/decision-ticket';
import { parseDuration } from '~/day/parse-duration';
import { noGoReason, stepsClosedByNoGo } from '~/day/no-go';
import { runState, type StepRun } from '~/day/run-state';
import { recordsAsReported, reportingSide } from '~/day/sides';
import { dayTiming } from '~/day/timing';
import { $drafts, saveDraft } from '~/state/drafts';
import { isMeaning } from '~/state/meaning';
import { setPlanned } from '~/state/planned';
import { recordEvent, type EventInput } from '~/state/record-event';
import { $signer } from '~/state/signer';
import { $signoffs } from '~/state/signoffs';
import { formatTime, isoUtc } from '~/text/time';
import { fromLocalInput } from '~/text/local-input';
import { ref } from '../checklist/dom';
import type { RunSheetHost } from './run-sheet';

// What the run sheet records and copies: loaded on the first action, so reading the sheet does not carry it.

/** Who signs: the name and role entered above; points to them when missing. */
function who(host: RunSheetHost) {
	const signer = $signer.get();
	if (!signer.name.trim() || !signer.role) {
		(signer.name.trim() ? ref(host, 'role') : ref(host, 'name')).focus();
		throw new Error('Enter your name and role above first: every event records who recorded it.');
	}
	return signer;
}

function base(host: RunSheetHost, run: StepRun) {
	const signer = who(host);
	return { step: run.step.id, by: signer.name, role: signer.role, text: run.step.text, fingerprint: run.step.fingerprint };
}

/** The sign-off of the current step: performed (or the meaning chosen) by the signer's side, or recorded as the other side's report. */
function signoff(host: RunSheetHost, run: StepRun): EventInput {
	const fields = base(host, run);
	const comment = ref<HTMLInputElement>(host, 'comment').value;
	if (recordsAsReported(run.step, host.signerSide())) {
		const side = reportingSide(run.step);
		const at = fromLocalInput(ref<HTMLInputElement>(host, 'reported-at').value);
		if (!at) throw new Error(`Enter when ${SIDE_NAMES[side]} reported step ${run.step.number} in the ticket.`);
		if (Date.parse(at) > Date.now() + 60_000) throw new Error('The time of the report is in the future: enter the time the ticket shows.');
		return { ...fields, kind: 'signed', comment, reported: { by: side, at } };
	}
	const meaning = ref<HTMLSelectElement>(host, 'meaning').value;
	if (!isMeaning(meaning)) throw new Error('Choose what your signature means.');
	return { ...fields, kind: 'signed', meaning, comment, otherRole: !responsibleFor(fields.role, run.step.roles) };
}

function clearFields(host: RunSheetHost) {
	ref<HTMLInputElement>(host, 'comment').value = '';
	ref<HTMLInputElement>(host, 'reported-at').value = '';
}

/** Records that the current step started. */
export function start(host: RunSheetHost): void {
	const run = host.state?.current;
	if (run) recordEvent({ ...base(host, run), kind: 'started' });
}

/** Records the current step done. */
export function done(host: RunSheetHost): void {
	const run = host.state?.current;
	if (!run) return;
	recordEvent(signoff(host, run));
	clearFields(host);
}

/** Records the Go / No-Go decision and signs the decision step; No-Go closes every later step with the decision as reason. */
export function decide(host: RunSheetHost): void {
	const run = host.state?.current;
	if (!run) return;
	const outcome = ref<HTMLInputElement>(host, 'go').checked ? 'go' : ref<HTMLInputElement>(host, 'no-go').checked ? 'no-go' : undefined;
	if (!outcome) throw new Error('Choose Go or No-Go.');
	const why = ref<HTMLTextAreaElement>(host, 'why').value.trim();
	if (!why) throw new Error('Say why: the reason is kept with the decision.');
	const signed = signoff(host, run);
	// Another side's browser records the decision as the deciding side reported it, and says so with it.
	const heard = signed.reported ? `As reported by ${SIDE_NAMES[signed.reported.by]} in the ticket at ${formatTime(signed.reported.at)}.` : '';
	const decision = recordEvent({ ...base(host, run), kind: 'decided', outcome, reason: why, comment: [heard, signed.comment?.trim()].filter(Boolean).join(' ') });
	recordEvent({ ...signed, comment: `${outcome === 'go' ? 'Go' : 'No-Go'}${signed.comment?.trim() ? `; ${signed.comment.trim()}` : ''}` });
	if (outcome === 'no-go') {
		for (const closed of stepsClosedByNoGo(runState(host.steps, $signoffs.get()))) {
			recordEvent({
				...base(host, closed),
				kind: 'not-applicable',
				// The signer approves closing the step by the decision; they do not perform it.
				meaning: 'approved',
				reason: noGoReason(decision, host.numbers.decision),
				otherRole: !responsibleFor($signer.get().role, closed.step.roles),
			});
		}
	}
	clearFields(host);
	ref<HTMLTextAreaElement>(host, 'why').value = '';
	ref<HTMLInputElement>(host, 'go').checked = false;
	ref<HTMLInputElement>(host, 'no-go').checked = false;
}

/** Saves a planned time typed into one of the sheet's boxes, or says why it cannot. */
export function plan(host: RunSheetHost, input: HTMLInputElement): void {
	const error = ref(host, 'planned-error');
	const text = input.value.trim();
	const minutes = text === '' ? undefined : parseDuration(text);
	const step = input.dataset.step!;
	try {
		if (text !== '' && (minutes === undefined || minutes < 1)) throw new Error(`"${text}" is not a duration: write minutes (45), hours and minutes (1:30, 1 h 30 min) or hours (4 h).`);
		setPlanned(step, minutes === undefined ? undefined : { minutes, note: host.planned[step]?.note ?? '' });
		error.textContent = '';
		input.removeAttribute('aria-invalid');
	} catch (problem) {
		error.textContent = problem instanceof Error ? problem.message : String(problem);
		input.setAttribute('aria-invalid', 'true');
	}
}

/** Fills the Go / No-Go ticket's draft from the recorded decision, before its page opens. */
export function fillTicket(host: RunSheetHost): void {
	const decision = host.state?.decision;
	if (decision) saveDraft(DECISION_TICKET, decisionDraft(decision, $drafts.get()[DECISION_TICKET]?.values));
}

/** Copies the status for the ticket; where the clipboard is refused, shows it in a text area to copy by hand. */
export async function copy(host: RunSheetHost): Promise<void> {
	if (!host.state) return;
	const { statusText } = await import('~/day/status-text');
	const now = isoUtc();
	const text = statusText(host.state, dayTiming(host.state, host.planned, now), {
		roleName: host.roleName,
		now,
		decisionNumber: host.numbers.decision,
		backupNumber: host.numbers.backup,
	});
	const copied = ref(host, 'copied');
	const fallback = ref(host, 'fallback');
	const area = ref<HTMLTextAreaElement>(host, 'status-text');
	try {
		await navigator.clipboard.writeText(text);
		fallback.hidden = true;
		copied.textContent = `Status copied, ${formatTime(now)}.`;
	} catch {
		area.value = text;
		fallback.hidden = false;
		copied.textContent = 'The browser refused the clipboard: the status is below.';
		area.focus();
		area.select();
	}
}
