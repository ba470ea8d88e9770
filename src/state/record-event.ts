import { EVENT_FORMAT, isId, nextSeq, type EventKind, type EventRecord, type Outcome, type Reported, type StepEvent } from './events';
import type { Meaning } from './meaning';
import { $signoffs, storeEvent, storedEvents } from './signoffs';

// Making a new event is needed only to sign, so pages load it when someone signs.

/** What the UI gives to record an event; the time, sequence, fingerprint and id are added here. */
export interface EventInput {
	kind: EventKind;
	step: string;
	by: string;
	role: string;
	meaning?: Meaning;
	comment?: string;
	reason?: string;
	/** The step's text as the signer saw it, and its fingerprint (fingerprint.ts), as the page computed it when built. */
	text: string;
	fingerprint: string;
	withdraws?: string;
	outcome?: Outcome;
	otherRole?: boolean;
	/** A sign-off of the other side's step, recorded from their report in the ticket: no meaning of the signer's. */
	reported?: Reported;
}

function newId(now: Date): string {
	const [a, b] = crypto.getRandomValues(new Uint32Array(2));
	// The time first keeps ids readable; the random part keeps two tabs in the same millisecond apart.
	return `${now.getTime().toString(36).padStart(9, '0')}-${a!.toString(36)}${b!.toString(36)}`;
}

/** Records an event after the next in this browser's order; earlier events stay as they are. Throws on what the schema refuses. */
export function recordEvent(input: EventInput, now = new Date()): StepEvent {
	const by = input.by.trim();
	if (!by) throw new Error('An event needs the name of the person signing.');
	if (!isId(input.step)) throw new Error(`"${input.step}" is not a step id.`);
	if (input.kind === 'withdrawn') {
		const events = $signoffs.get();
		const target = events.find((event) => event.id === input.withdraws && event.step === input.step);
		const ended = events.some((event) => event.kind === 'withdrawn' && event.withdraws === input.withdraws);
		if (!target || ended || (target.kind !== 'signed' && target.kind !== 'not-applicable')) throw new Error('Only an event that stands can be withdrawn.');
	}
	const record: EventRecord = {
		kind: input.kind,
		step: input.step,
		by,
		role: input.role,
		...(input.meaning ? { meaning: input.meaning } : {}),
		at: now.toISOString(),
		seq: nextSeq(storedEvents()),
		comment: input.comment?.trim() ?? '',
		...(input.reason !== undefined ? { reason: input.reason.trim() } : {}),
		fingerprint: input.fingerprint,
		text: input.text,
		...(input.withdraws ? { withdraws: input.withdraws } : {}),
		...(input.outcome ? { outcome: input.outcome } : {}),
		...(input.otherRole ? { otherRole: true as const } : {}),
		...(input.reported ? { reported: { by: input.reported.by, at: input.reported.at } } : {}),
	};
	if (!EVENT_FORMAT.validate({ ...record })) throw new Error(`The ${input.kind} event is incomplete: it needs a role${input.kind === 'signed' ? ' and a meaning' : ', a meaning or a reason'} as its kind asks.`);
	const id = newId(now);
	storeEvent(id, record);
	return { ...record, id };
}
