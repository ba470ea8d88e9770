import { persistentMap } from '@nanostores/persistent';
import type { ReadableAtom } from 'nanostores';
import { decode, encode, reject, valueOr, type Format } from './codec';
import { isId } from './events';
import { registerState } from './registry';

/**
 * Planned times of the Day of Upgrade, entered before the day on the run sheet: minutes per step, under
 * `cup:planned:<step id>`, and the revert under `cup:planned:revert`. Where the figure came from (the plan's
 * estimate, a VAL dry run, the team's own) is the team's note, kept with it.
 */
export interface PlannedTime {
	/** Whole minutes, 1 to 7 days' worth. */
	minutes: number;
	/** Where the figure comes from, as the team wrote it ('' if nothing). */
	note: string;
}

const PREFIX = 'cup:planned:';
/** The key part under which the revert's planned time is kept; no step id is "revert". */
export const REVERT = 'revert';
/** The longest planned time accepted: a week, in minutes; more is a typing slip. */
export const MAX_PLANNED_MINUTES = 7 * 24 * 60;

/** Whether a number of minutes is one the run sheet plans with. */
export const isPlannedMinutes = (value: unknown): value is number =>
	Number.isSafeInteger(value) && (value as number) > 0 && (value as number) <= MAX_PLANNED_MINUTES;

const format: Format<PlannedTime> = {
	version: 1,
	validate: ({ minutes, note }) => (isPlannedMinutes(minutes) && typeof note === 'string' ? { minutes, note } : undefined),
};
const read = (raw: string) => decode(raw, format);
const write = (value: PlannedTime) => encode(1, value);

registerState<PlannedTime>({
	name: 'planned',
	label: 'Planned times of the day',
	keys: [PREFIX],
	decode: (raw, key) => (isId(key.slice(PREFIX.length)) ? read(raw) : reject('foreign', 'The key names no step.')),
	encode: write,
});

// Values reach this store only after the engine vetted them, so the fallback is never stored.
const $store = persistentMap<Record<string, PlannedTime>>(PREFIX, {}, {
	encode: write,
	decode: (raw) => valueOr(read(raw), undefined) as PlannedTime,
});

/** Every planned time, by step id (and `revert`). */
export const $planned: ReadableAtom<Record<string, PlannedTime | undefined>> = $store;

/** Saves a step's planned time; undefined removes it. Throws on minutes outside 1 minute to 7 days. */
export function setPlanned(step: string, value: PlannedTime | undefined): void {
	if (!isId(step)) throw new Error(`"${step}" is not a step id.`);
	if (value && !isPlannedMinutes(value.minutes)) throw new Error('A planned time is a whole number of minutes, from 1 minute to 7 days.');
	$store.setKey(step, value ? { minutes: value.minutes, note: value.note.trim() } : undefined);
}
