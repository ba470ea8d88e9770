/** What a signature attests, as GxP sign-offs must say. */
export type Meaning = 'performed' | 'reviewed' | 'approved';

/** The meanings in the order the UI offers them. */
export const MEANINGS: readonly Meaning[] = ['performed', 'reviewed', 'approved'];

/** Tells a known meaning from any other stored value. */
export function isMeaning(value: unknown): value is Meaning {
	return MEANINGS.includes(value as Meaning);
}
