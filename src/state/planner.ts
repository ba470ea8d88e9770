import { persistentAtom } from '@nanostores/persistent';
import type { ReadableAtom } from 'nanostores';
import { valueOr } from './codec';
import { EMPTY_PLANNER, PLANNER_KEY, readPlanner, writePlanner, type PlannerState } from './planner-kind';

/** The planner's saved state as a store: the page reads and writes it here; its kind is registered in planner-kind.ts. */
export { EMPTY_PLANNER, readPlanner, writePlanner, type PlannerState, type SentEvent } from './planner-kind';

// undefined until the user enters something, so that opening the page writes nothing.
const $store = persistentAtom<PlannerState | undefined>(PLANNER_KEY, undefined, {
	encode: (value) => (value === undefined ? undefined : writePlanner(value)) as string,
	decode: (raw) => valueOr(readPlanner(raw), undefined),
});

/** The planner's inputs and calendar memory, or the empty planner when nothing was saved. */
export const $planner: ReadableAtom<PlannerState | undefined> = $store;

/** A new plan id: random, so two plans of one site never share calendar events. */
function newPlanId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(8));
	return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Saves a change to the planner; the first save gives the plan its id. */
export function updatePlanner(change: Partial<PlannerState>): PlannerState {
	const before = $store.get() ?? EMPTY_PLANNER;
	const next = { ...before, ...change };
	if (!next.planId) next.planId = newPlanId();
	$store.set(next);
	return next;
}
