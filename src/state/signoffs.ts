import { computed, type ReadableAtom } from 'nanostores';
import { persistentMap } from '@nanostores/persistent';
import { decode, encode, reject, valueOr, type Format } from './codec';
import { fingerprintText } from './fingerprint';
import { isMeaning, type Meaning } from './meaning';
import { registerState } from './registry';

/** A sign-off as stored under `cup:signoff:<step>:<id>`; `fingerprint` and `text` record the step's text when signed. */
export interface SignoffRecord {
	step: string;
	done: boolean;
	by: string;
	meaning: Meaning;
	at: string;
	comment: string;
	fingerprint: string;
	text: string;
}

/** A sign-off event with its id, unique even for two tabs signing in the same millisecond. */
export interface SignoffEvent extends SignoffRecord {
	id: string;
}

/** What the UI gives to sign a step off (or, with `done: false`, to untick it). */
export interface SignoffInput {
	step: string;
	done: boolean;
	by: string;
	meaning: Meaning;
	comment?: string;
	/** The step's text as the signer saw it. */
	text: string;
}

/** Where a step stands: done or not, by its latest sign-off event. */
export interface StepState {
	done: boolean;
	latest?: SignoffEvent;
}

const PREFIX = 'cup:signoff:';
const isId = (value: unknown): value is string => typeof value === 'string' && value !== '' && !value.includes(':');
const isText = (value: unknown) => typeof value === 'string';

const format: Format<SignoffRecord> = {
	version: 1,
	validate: ({ v, ...record }) => {
		const { step, done, by, meaning, at, comment, fingerprint, text } = record;
		const valid =
			isId(step) &&
			typeof done === 'boolean' &&
			isMeaning(meaning) &&
			typeof at === 'string' &&
			!Number.isNaN(Date.parse(at)) &&
			[by, comment, fingerprint, text].every(isText);
		// Fields this version does not know are kept, so that rewriting an event never loses any of it.
		return valid ? (record as unknown as SignoffRecord) : undefined;
	},
};
const read = (raw: string) => decode(raw, format);
const write = (record: SignoffRecord) => encode(1, record);
const idOf = (key: string) => key.slice(key.lastIndexOf(':') + 1);

registerState({
	name: 'signoffs',
	label: 'Sign-offs',
	keys: [PREFIX],
	appendOnly: true,
	decode: (raw, key) => {
		const result = read(raw);
		const id = idOf(key);
		return !result.ok || (isId(id) && key === `${PREFIX}${result.value.step}:${id}`)
			? result
			: reject('foreign', 'The sign-off is stored under a key that does not match its step.');
	},
	encode: write,
});

// Values reach this store only after the engine vetted them by key, so the fallback is never stored.
const $records = persistentMap<Record<string, SignoffRecord>>(PREFIX, {}, {
	encode: write,
	decode: (raw) => valueOr(read(raw), undefined) as SignoffRecord,
});

/** Orders events oldest first: by time, then by id, so every tab agrees on ties. */
export function compareEvents(a: SignoffEvent, b: SignoffEvent): number {
	return Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Every sign-off event in this browser, oldest first. */
export const $signoffs: ReadableAtom<SignoffEvent[]> = computed($records, (records) =>
	Object.entries(records)
		.filter(([, record]) => record)
		.map(([key, record]) => ({ ...record, id: idOf(key) }))
		.sort(compareEvents),
);

/** A step's sign-off events, newest first. */
export function eventsForStep(events: readonly SignoffEvent[], stepId: string): SignoffEvent[] {
	return events.filter((event) => event.step === stepId).sort((a, b) => compareEvents(b, a));
}

/** Where a step stands, from its latest event. */
export function stepState(events: readonly SignoffEvent[], stepId: string): StepState {
	const [latest] = eventsForStep(events, stepId);
	return latest ? { done: latest.done, latest } : { done: false };
}

/** Where every signed step stands, by step id; steps never signed are absent. */
export const $stepStates: ReadableAtom<Record<string, StepState>> = computed($signoffs, (events) => {
	const states: Record<string, StepState> = {};
	for (const event of events) states[event.step] = { done: event.done, latest: event };
	return states;
});

function newId(now: Date): string {
	const [a, b] = crypto.getRandomValues(new Uint32Array(2));
	// The time first keeps ids in signing order; the random part keeps two tabs in the same millisecond apart.
	return `${now.getTime().toString(36).padStart(9, '0')}-${a!.toString(36)}${b!.toString(36)}`;
}

/** Records a sign-off (or an untick) as a new event; earlier events stay as they are. */
export function addSignoff(input: SignoffInput, now = new Date()): SignoffEvent {
	const by = input.by.trim();
	if (!by) throw new Error('A sign-off needs the name of the person signing.');
	if (!isId(input.step)) throw new Error(`"${input.step}" is not a step id.`);
	const record: SignoffRecord = {
		step: input.step,
		done: input.done,
		by,
		meaning: input.meaning,
		at: now.toISOString(),
		comment: input.comment?.trim() ?? '',
		fingerprint: fingerprintText(input.text),
		text: input.text,
	};
	const id = newId(now);
	$records.setKey(`${input.step}:${id}`, record);
	return { ...record, id };
}
