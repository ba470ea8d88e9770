/** A step as the checklist tools count it; `sides` and `fingerprint` come from the page. */
export interface ChecklistStep {
	id: string;
	number: number;
	title: string;
	sides?: readonly string[];
	/** The fingerprint of the step's current text. */
	fingerprint?: string;
}

/** The part of a step's state progress needs: signed off or not, closed (signed or not applicable), the latest standing sign-off's fingerprint. */
export interface CountedState {
	done: boolean;
	closed?: boolean;
	latest?: { fingerprint: string };
}

/** Where a list of steps stands: how many are closed (done or not applicable), the first open one, and the done ones whose text changed since. */
export interface Progress<S extends ChecklistStep = ChecklistStep> {
	/** Steps closed: signed off, or marked not applicable. */
	done: number;
	/** Of those, the steps marked not applicable. */
	notApplicable: number;
	total: number;
	next?: S;
	recheck: S[];
}

/** Whether a step counts as done but was signed against other text than it has now. */
export function needsRecheck(state: CountedState | undefined, fingerprint: string | undefined): boolean {
	return !!state?.done && !!state.latest && fingerprint !== undefined && state.latest.fingerprint !== fingerprint;
}

const closed = (state: CountedState | undefined) => !!(state?.closed ?? state?.done);

/** Counts the closed steps (N/A counts as closed), finds the lowest-numbered open one, and lists the steps to re-check. */
export function progressOf<S extends ChecklistStep>(steps: readonly S[], states: Readonly<Record<string, CountedState | undefined>>): Progress<S> {
	const ordered = [...steps].sort((a, b) => a.number - b.number);
	const done = ordered.filter((step) => closed(states[step.id]));
	return {
		done: done.length,
		notApplicable: done.filter((step) => !states[step.id]?.done).length,
		total: ordered.length,
		next: ordered.find((step) => !closed(states[step.id])),
		recheck: done.filter((step) => needsRecheck(states[step.id], step.fingerprint)),
	};
}

/** Whether a step belongs in a side's view; 'all' shows every step. */
export function onSide(step: Pick<ChecklistStep, 'sides'>, side: string): boolean {
	return side === 'all' || !!step.sides?.includes(side);
}

/** "3 of 7 done", with "(1 not applicable)" when some are: the short count every progress display uses. */
export function progressText({ done, total, notApplicable = 0 }: Pick<Progress, 'done' | 'total'> & { notApplicable?: number }): string {
	return `${done} of ${total} done${notApplicable ? ` (${notApplicable} not applicable)` : ''}`;
}

/** Lists step numbers the way people write them: "step 4", "steps 4 and 9", "steps 4, 9 and 12". */
export function stepList(numbers: readonly number[]): string {
	if (numbers.length === 0) return '';
	if (numbers.length === 1) return `step ${numbers[0]}`;
	return `steps ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}
