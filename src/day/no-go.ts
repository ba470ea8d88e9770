import type { StepEvent } from '../state/events';
import { DAY_IDS } from './model';
import type { RunState, StepRun } from './run-state';

// What a No-Go decision does to the rest of the day; needed only when one is recorded.

/** The steps a No-Go closes: every step after the decision step that is still open or running. */
export function stepsClosedByNoGo(state: RunState): StepRun[] {
	const at = state.steps.findIndex((run) => run.step.id === DAY_IDS.decision);
	return at < 0 ? [] : state.steps.slice(at + 1).filter((run) => run.status === 'open' || run.status === 'running');
}

/** The reason a No-Go's "not applicable" records on each later step: the decision, with its own reason. */
export function noGoReason(decision: Pick<StepEvent, 'reason'>, decisionNumber: number): string {
	return `No-Go decided at step ${decisionNumber}: ${decision.reason ?? ''}`.trim();
}
