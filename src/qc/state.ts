/** Configuration QC in the browser's storage: the stores the QC page reads and writes. The pasted listings are never stored. */
import { persistentAtom, persistentMap } from '@nanostores/persistent';
import type { ReadableAtom } from 'nanostores';
import { valueOr } from '../state/codec';
import { MARKS, readOneMark, readResult, RESULT, writeMark, writeResult } from './kinds';
import type { Mark, MarkStatus } from './marks';
import { keptForm, type QcResult } from './result';

const $result = persistentAtom<QcResult | undefined>(RESULT, undefined, {
	encode: (value) => (value === undefined ? undefined : writeResult(value)) as string,
	decode: (raw) => valueOr(readResult(raw), undefined),
});
// Values reach this store only after the engine vetted them, so the fallback is never stored.
const $marks = persistentMap<Record<string, Mark>>(MARKS, {}, { encode: writeMark, decode: (raw) => valueOr(readOneMark(raw), undefined) as Mark });

/** The comparison last made in this browser, if any. */
export const $qcResult: ReadableAtom<QcResult | undefined> = $result;
/** Every mark made in this browser, by its key. */
export const $qcMarks: ReadableAtom<Record<string, Mark>> = $marks;

/** Keeps a comparison as the current one, in the form it is stored in; it takes the place of the one before. */
export function saveResult(result: QcResult): void {
	$result.set(keptForm(result));
}

/** Adds a mark for a component of the current comparison, stamped with the time; earlier marks stay. */
export function addMark(result: string, component: string, status: MarkStatus, comment: string, now = new Date()): Mark {
	const mark = { result, component, status, comment, at: now.toISOString() };
	$marks.setKey(`${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`, mark);
	return mark;
}
