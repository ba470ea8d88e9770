/** The outcomes of a comparison, apart from the comparison itself so that reading a kept result needs no more. */

/** What became of a component (or one of its parts) between the two listings. */
export type Outcome = 'unchanged' | 'reencoded' | 'changed' | 'to-check' | 'added' | 'removed' | 'duplicate';

/** Outcomes in the order differences are listed: the ones that need a look first. */
export const OUTCOME_ORDER: readonly Outcome[] = ['changed', 'to-check', 'duplicate', 'added', 'removed', 'reencoded', 'unchanged'];

/** How many components had each outcome. */
export type Counts = Record<Outcome, number>;

/** Whether an outcome needs a person's judgement (it is listed among the differences). */
export const isDifference = (outcome: Outcome): boolean => outcome !== 'unchanged' && outcome !== 'reencoded';

/** How many components had each outcome. */
export function countOutcomes(items: readonly { outcome: Outcome }[]): Counts {
	const counts = Object.fromEntries(OUTCOME_ORDER.map((outcome) => [outcome, 0])) as Counts;
	for (const item of items) counts[item.outcome]++;
	return counts;
}
