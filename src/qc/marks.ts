/**
 * A reader's judgement of one difference: expected, or to investigate, with a comment. Marks are
 * events: a new mark follows an earlier one and never changes it, so the record keeps both.
 */
import { isRecord } from '../state/codec';

/** What a reader made of a difference. */
export type MarkStatus = 'expected' | 'investigate';

/** The words for each judgement. */
export const MARK_NAMES: Record<MarkStatus, string> = { expected: 'expected', investigate: 'to investigate' };

/** One mark: the comparison and component it is about, the judgement, a comment, and when (ISO 8601). */
export interface Mark {
	result: string;
	component: string;
	status: MarkStatus;
	comment: string;
	at: string;
}

/** A mark read from storage, or undefined when it is not one. */
export function readMark(data: Record<string, unknown>): Mark | undefined {
	const { result, component, status, comment, at } = data;
	if (typeof result !== 'string' || typeof component !== 'string' || typeof comment !== 'string' || typeof at !== 'string') return undefined;
	if (status !== 'expected' && status !== 'investigate') return undefined;
	return { result, component, status, comment, at };
}

/** The latest mark of each component of one comparison, by component key. */
export function latestMarks(marks: readonly unknown[], resultId: string): Map<string, Mark> {
	const latest = new Map<string, Mark>();
	for (const candidate of marks) {
		const mark = isRecord(candidate) ? readMark(candidate) : undefined;
		if (!mark || mark.result !== resultId) continue;
		const held = latest.get(mark.component);
		if (!held || held.at <= mark.at) latest.set(mark.component, mark);
	}
	return latest;
}
