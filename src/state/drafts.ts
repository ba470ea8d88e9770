import { persistentMap } from '@nanostores/persistent';
import type { ReadableAtom } from 'nanostores';
import { decode, encode, isRecord, valueOr, type Format } from './codec';
import { registerState } from './registry';

/** One answer in a ticket form: text, a choice of several, a tick, or a date range. */
export type DraftValue = string | string[] | boolean | { start: string; end: string };

/** A ticket form as last left, by field id, and when it was saved (ISO 8601). */
export interface Draft {
	values: Record<string, DraftValue>;
	savedAt: string;
}

const PREFIX = 'cup:draft:';

const isDraftValue = (value: unknown): value is DraftValue =>
	typeof value === 'string' ||
	typeof value === 'boolean' ||
	(Array.isArray(value) && value.every((item) => typeof item === 'string')) ||
	(isRecord(value) && typeof value.start === 'string' && typeof value.end === 'string');

const format: Format<Draft> = {
	version: 1,
	validate: ({ values, savedAt }) =>
		isRecord(values) && Object.values(values).every(isDraftValue) && typeof savedAt === 'string'
			? { values: values as Draft['values'], savedAt }
			: undefined,
};
const read = (raw: string) => decode(raw, format);
const write = (draft: Draft) => encode(1, draft);

registerState({ name: 'drafts', label: 'Ticket drafts', keys: [PREFIX], decode: read, encode: write });

// Values reach this store only after the engine vetted them, so the fallback is never stored.
const $store = persistentMap<Record<string, Draft>>(PREFIX, {}, {
	encode: write,
	decode: (raw) => valueOr(read(raw), undefined) as Draft,
});

/** Every saved draft, by ticket template id. */
export const $drafts: ReadableAtom<Record<string, Draft>> = $store;

/** Saves a ticket form's values for its template, stamped with the time. */
export function saveDraft(templateId: string, values: Record<string, DraftValue>, now = new Date()): Draft {
	const draft = { values, savedAt: now.toISOString() };
	$store.setKey(templateId, draft);
	return draft;
}

/** Forgets the draft of a template. */
export function clearDraft(templateId: string): void {
	$store.setKey(templateId, undefined);
}
