import type { Side } from '../process/schema';
import type { DayStep } from './model';

/**
 * Whether a signer of this side records a step as the other side's report rather than as their own work: true when
 * no role of the signer's side performs the step (the customer recording IQVIA's steps 20-22, 25-26, for example).
 */
export function recordsAsReported(step: Pick<DayStep, 'sides'>, signerSide: Side | undefined): boolean {
	return signerSide !== undefined && !step.sides.includes(signerSide);
}

/** The side that reports a step the signer records: the step's own side (the first, for a shared step). */
export function reportingSide(step: Pick<DayStep, 'sides'>): Side {
	return step.sides[0]!;
}
