import { isRecord, type Format } from './codec';
import { isMeaning, type Meaning } from './meaning';

/**
 * The sign-off event schema (format 2) and its migration from format 1.
 *
 * A step's record is a log of events, each written once and never edited:
 * - `signed`: the signer attests the step with a meaning (performed, reviewed, approved);
 * - `withdrawn`: ends one standing event, named by `withdraws`, with a reason;
 * - `not-applicable`: closes the step without doing it, with a reason;
 * - `started`: the step's start time (for the run sheet);
 * - `decided`: a Go/No-Go decision with its `outcome` and reason (for the run sheet).
 *
 * Order is the order of actions in the browser that recorded them (`seq`), never the wall clock.
 *
 * Format 3 adds one optional field, `reported`, to `signed` events: the step was done by the other side, who reported
 * it in the service desk ticket at `reported.at`; the signer recorded the report and attests no meaning of their own,
 * so such an event has no `meaning`. Only events with `reported` are written as format 3: a page reading format 2
 * sets them aside as "saved by a newer version" rather than reading them as performed by the signer, and refuses
 * them in an import file, since a format-2 sign-off needs a meaning. Events without it are still written as format 2.
 *
 * Format 1 stored `{ step, done, by, meaning, at, comment, fingerprint, text }`. It migrates as follows,
 * inventing nothing: role and reason become "not recorded"; `done: true` is a `signed` event;
 * `done: false` (an untick) is a `withdrawn` event without `withdraws`, which, as in format 1, ends
 * every sign-off standing before it; `seq` is 0, so format-1 events keep their format-1 order (by
 * time) and come before every later event.
 */

/** What an event records. */
export type EventKind = 'signed' | 'withdrawn' | 'not-applicable' | 'started' | 'decided';
/** The kinds in the order they are documented. */
export const EVENT_KINDS: readonly EventKind[] = ['signed', 'withdrawn', 'not-applicable', 'started', 'decided'];
/** Written where an event made before this schema did not record a field: nothing is invented for it. */
export const NOT_RECORDED = 'not recorded';
/** The outcome of a Go/No-Go decision. */
export type Outcome = 'go' | 'no-go';
/** The side that reported a step done in the ticket (roles.yaml `side`). */
export type ReportingSide = 'customer' | 'iqvia';
/** On a `signed` event recorded from the other side's report: who reported it, and when the ticket says they did. */
export interface Reported {
	by: ReportingSide;
	/** ISO 8601 UTC: the time of the report in the ticket, as the signer read it. */
	at: string;
}

/** One event as stored under `cup:signoff:<step>:<id>` (format 2). */
export interface EventRecord {
	kind: EventKind;
	step: string;
	/** The signer's name, as the name box showed it. */
	by: string;
	/** The signer's role id (roles.yaml), or "not recorded". */
	role: string;
	/** What the signature attests; on `signed` and `not-applicable` events, "not recorded" only after migration. */
	meaning?: Meaning | typeof NOT_RECORDED;
	/** ISO 8601 UTC, as the clock of the recording browser said: shown, never used to order. */
	at: string;
	/** The position of the action in the recording browser: 1, 2, 3…; 0 for events migrated from format 1. */
	seq: number;
	comment: string;
	/** Why: required for `withdrawn`, `not-applicable` and `decided`; "not recorded" after migration. */
	reason?: string;
	/** The fingerprint and text of the step as the signer saw them. */
	fingerprint: string;
	text: string;
	/** On `withdrawn`: the id of the event withdrawn; absent only on format-1 unticks (see above). */
	withdraws?: string;
	/** On `decided`. */
	outcome?: Outcome;
	/** On `signed` and `not-applicable`: the signer's role is not responsible for the step, and the signer confirmed. */
	otherRole?: true;
	/** On `signed` (format 3): the other side did the step and reported it; the signer only recorded the report. */
	reported?: Reported;
	/** On an imported copy kept beside a different event of the same id: the id it had in the file. */
	imported?: string;
}

/** An event with its id (the last part of its key). */
export interface StepEvent extends EventRecord {
	id: string;
}

const isText = (value: unknown): value is string => typeof value === 'string';
const filled = (value: unknown): value is string => isText(value) && value.trim() !== '';
/** Tells a step or event id: not empty and without the `:` that separates key parts. */
export const isId = (value: unknown): value is string => isText(value) && value !== '' && !value.includes(':');

const ISO = /^(\d{4})-(\d\d)-(\d\d)T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** Whether a text is an ISO 8601 date and time with a zone that names a real moment (no 30 February, no 24:00). */
export function isIsoInstant(value: unknown): value is string {
	const match = isText(value) ? ISO.exec(value) : null;
	if (!match) return false;
	// The calendar day must exist: a day past the month's end would otherwise roll over into the next month.
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const meaningOk = (value: unknown) => isMeaning(value) || value === NOT_RECORDED;

/** Whether a value is a well-formed `reported` field: a known side and a real moment. */
export function isReported(value: unknown): value is Reported {
	return isRecord(value) && (value.by === 'customer' || value.by === 'iqvia') && isIsoInstant(value.at) && Object.keys(value).length === 2;
}

/** Checks the fields every kind needs and those of its own kind; the record is returned as it is, unknown fields kept. */
function validEvent(record: Record<string, unknown>, format = 3): EventRecord | undefined {
	const { kind, step, by, role, meaning, at, seq, comment, reason, fingerprint, text, withdraws, outcome, otherRole, imported, reported } = record;
	const common =
		EVENT_KINDS.includes(kind as EventKind) &&
		isId(step) &&
		filled(by) &&
		filled(role) &&
		isIsoInstant(at) &&
		Number.isSafeInteger(seq) &&
		(seq as number) >= 0 &&
		[comment, fingerprint, text].every(isText) &&
		(meaning === undefined || meaningOk(meaning)) &&
		(reason === undefined || isText(reason)) &&
		(otherRole === undefined || otherRole === true) &&
		(imported === undefined || isId(imported)) &&
		(withdraws === undefined || isId(withdraws));
	if (!common) return undefined;
	// A reported sign-off carries no meaning of the signer's; before format 3 no event could be one.
	if (reported !== undefined) return format >= 3 && kind === 'signed' && meaning === undefined && isReported(reported) ? (record as unknown as EventRecord) : undefined;
	const own =
		kind === 'signed' || kind === 'not-applicable'
			? meaningOk(meaning) && (kind === 'signed' || filled(reason))
			: kind === 'withdrawn'
				? filled(reason) && (withdraws !== undefined || seq === 0)
				: kind === 'decided'
					? (outcome === 'go' || outcome === 'no-go') && filled(reason)
					: true;
	return own && (kind === 'decided' || outcome === undefined) ? (record as unknown as EventRecord) : undefined;
}

/** A format-1 sign-off carried over: the same facts, with "not recorded" where format 1 had no field. */
export function migrateV1(data: unknown): EventRecord | undefined {
	if (!isRecord(data) || typeof data.done !== 'boolean') return undefined;
	// Fields format 1 did not know are kept, as format 1 kept them; then the event must be a valid one of format 2.
	const { v: _, done, ...rest } = data;
	return validEvent({ ...rest, kind: done ? 'signed' : 'withdrawn', role: NOT_RECORDED, seq: 0, ...(done ? {} : { reason: NOT_RECORDED }) }, 1);
}

/** How events are stored: format 3, reading format 2 as it is (it knew no `reported`) and format 1 through `migrateV1`. */
export const EVENT_FORMAT: Format<EventRecord> = {
	version: 3,
	validate: ({ v: _, ...record }) => validEvent(record),
	migrate: (data, from) => (from === 1 ? migrateV1(data) : from === 2 && isRecord(data) ? validEvent((({ v: _, ...record }) => record)(data), 2) : undefined),
};

/** The format an event is written in: 1 for a format-1 sign-off kept as it came, 3 for a reported sign-off, otherwise 2. */
export function eventVersion(record: object): number {
	return isV1Shape(record) ? 1 : (record as { reported?: unknown }).reported !== undefined ? 3 : 2;
}

/** Whether plain data is a format-1 sign-off (as in a record exported before format 2). */
export function isV1Shape(value: unknown): boolean {
	return isRecord(value) && typeof value.done === 'boolean' && value.kind === undefined;
}

/** Orders events as they were recorded: by sequence; format-1 events (sequence 0) by their time; ties by id. */
export function compareEvents(a: StepEvent, b: StepEvent): number {
	const bySeq = a.seq - b.seq;
	if (bySeq) return bySeq;
	const byTime = a.seq === 0 ? Date.parse(a.at) - Date.parse(b.at) : 0;
	return byTime || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The sequence number for the next event: one past every event this browser holds, so a later action always sorts later. */
export function nextSeq(events: Iterable<Pick<EventRecord, 'seq'>>): number {
	let max = 0;
	for (const event of events) max = Math.max(max, event.seq);
	return max + 1;
}
