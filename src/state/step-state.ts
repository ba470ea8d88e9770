import { computed, type ReadableAtom } from 'nanostores';
import type { StepEvent } from './events';
import { $signoffs, eventsForStep } from './signoffs';

// Where steps stand, derived from the log; the record page, which only copies the log, does without it.

/** Where a step stands, derived from its events. */
export interface StepState {
	/** Closed by a standing sign-off (`done`) or a standing "not applicable", or still open. */
	status: 'open' | 'done' | 'not-applicable';
	/** A sign-off stands. */
	done: boolean;
	/** Done or not applicable: what progress counts. */
	closed: boolean;
	/** The events that stand (sign-offs and "not applicable"), oldest first. */
	standing: StepEvent[];
	/** The latest standing sign-off: its fingerprint tells whether the step changed since. */
	latest?: StepEvent;
	/** Which event withdrew each withdrawn event, by the withdrawn event's id. */
	withdrawnBy: Record<string, StepEvent>;
}

/** A step's state from its events in recorded order (as `compareEvents` sorts them). */
export function deriveState(ordered: readonly StepEvent[]): StepState {
	let standing: StepEvent[] = [];
	const withdrawnBy: Record<string, StepEvent> = {};
	const end = (target: StepEvent, by: StepEvent) => {
		withdrawnBy[target.id] = by;
		standing = standing.filter((s) => s !== target);
	};
	for (const event of ordered) {
		if (event.kind === 'signed' || event.kind === 'not-applicable') standing.push(event);
		// A format-1 untick names no event: it ends every sign-off standing before it, as it did then.
		else if (event.kind === 'withdrawn' && !event.withdraws) standing.forEach((s) => end(s, event));
	}
	// A withdrawal names its event, so it ends it wherever another browser's order placed the two.
	for (const event of ordered) {
		const target = event.kind === 'withdrawn' && standing.find((s) => s.id === event.withdraws);
		if (target) end(target, event);
	}
	const signed = standing.filter((event) => event.kind === 'signed');
	const status = signed.length ? 'done' : standing.length ? 'not-applicable' : 'open';
	return { status, done: status === 'done', closed: status !== 'open', standing, latest: signed[signed.length - 1], withdrawnBy };
}

/** Where a step stands, from its events in any order. */
export function stepState(events: readonly StepEvent[], stepId: string): StepState {
	return deriveState(eventsForStep(events, stepId).reverse());
}

/** Where every step with events stands, by step id; steps without events are absent. */
export const $stepStates: ReadableAtom<Record<string, StepState>> = computed($signoffs, (events) => {
	const byStep: Record<string, StepEvent[]> = {};
	for (const event of events) (byStep[event.step] ??= []).push(event);
	return Object.fromEntries(Object.entries(byStep).map(([step, list]) => [step, deriveState(list)]));
});
