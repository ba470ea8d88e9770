import { computed, type ReadableAtom } from 'nanostores';
import { persistentMap } from '@nanostores/persistent';
import { decode, encode, reject, valueOr } from './codec';
import { compareEvents, EVENT_FORMAT, eventVersion, isId, type EventRecord, type StepEvent } from './events';
import { registerState } from './registry';

export { compareEvents, type StepEvent } from './events';

const PREFIX = 'cup:signoff:';
const read = (raw: string) => decode(raw, EVENT_FORMAT);
// An entry of a record exported before format 2 is stored as it came, in format 1, and read through the migration;
// only a reported sign-off needs format 3, so other events stay readable by pages that read format 2.
const write = (record: EventRecord) => encode(eventVersion(record), record);
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
const $records = persistentMap<Record<string, EventRecord>>(PREFIX, {}, {
	encode: write,
	decode: (raw) => valueOr(read(raw), undefined) as EventRecord,
});

/** Every event in this browser, in the order recorded. */
export const $signoffs: ReadableAtom<StepEvent[]> = computed($records, (records) =>
	Object.entries(records)
		.filter(([, record]) => record)
		.map(([key, record]) => ({ ...record, id: idOf(key) }))
		.sort(compareEvents),
);

/** A step's events, newest first. */
export function eventsForStep(events: readonly StepEvent[], stepId: string): StepEvent[] {
	return events.filter((event) => event.step === stepId).sort((a, b) => compareEvents(b, a));
}

/** Stores a new event under its step and id; record-event.ts, loaded only to sign, makes and checks it first. */
export function storeEvent(id: string, record: EventRecord): void {
	$records.setKey(`${record.step}:${id}`, record);
}

/** Every event stored now, for the sequence number of the next one. */
export const storedEvents = (): EventRecord[] => Object.values($records.get()).filter(Boolean);
