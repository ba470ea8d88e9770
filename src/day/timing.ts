import type { PlannedTime } from '../state/planned';
import { minutesBetween } from './duration';
import type { RunState, StepRun } from './run-state';

/** One step's time against its plan. */
export interface StepTiming {
	run: StepRun;
	planned?: number;
	/** When it began: its start, else the end of the step closed before it. */
	beganAt?: string;
	/** Minutes it took (done) or has taken so far (running); undefined when it has not begun or was not applicable. */
	actual?: number;
	/** It took, or has now taken, longer than planned. */
	over: boolean;
}

/** The clocks of the day and each step's time against its plan, at a given moment. */
export interface DayTiming {
	steps: StepTiming[];
	/** The first moment the day's events record (a start or a step done). */
	dayStartedAt?: string;
	/** Minutes from the day's start to now, or to its last step once finished. */
	elapsed?: number;
	/** Minutes since step 17 was done (production activity stopped), to now or to the end of the day. */
	sinceStop?: number;
	/** When the day is expected to end: now plus what the plan leaves; on No-Go, the decision plus the revert. */
	expectedEnd?: string;
	/** Numbers of the steps left without a planned time, so no end can be expected yet. */
	unplanned: number[];
	/** The revert's planned minutes, after a No-Go. */
	revert?: number;
	/** When the day ended: the last step closed, or the No-Go decision. */
	endedAt?: string;
}

const ms = (iso: string) => Date.parse(iso);
const latest = (times: (string | undefined)[]) => times.filter((t): t is string => !!t).sort((a, b) => ms(b) - ms(a))[0];
const earliest = (times: (string | undefined)[]) => times.filter((t): t is string => !!t).sort((a, b) => ms(a) - ms(b))[0];
const plus = (iso: string, minutes: number) => new Date(ms(iso) + minutes * 60_000).toISOString();

/** Planned against actual for the whole day at `now` (ISO), from the run state and the planned minutes by step id (and `revert`). */
export function dayTiming(state: RunState, planned: Record<string, PlannedTime | undefined>, now: string): DayTiming {
	let previousEnd: string | undefined;
	const steps = state.steps.map((run): StepTiming => {
		const plan = planned[run.step.id]?.minutes;
		if (run.status === 'not-applicable') return { run, planned: plan, over: false };
		const beganAt = run.startedAt ?? (run.status !== 'open' || run === state.current ? previousEnd : undefined);
		const end = run.status === 'done' ? run.doneAt : run.status === 'running' || (run === state.current && beganAt) ? now : undefined;
		const actual = beganAt && end ? Math.max(0, minutesBetween(beganAt, end)) : undefined;
		if (run.doneAt) previousEnd = run.doneAt;
		return { run, planned: plan, beganAt, actual, over: plan !== undefined && actual !== undefined && actual > plan };
	});
	const dayStartedAt = earliest(state.steps.flatMap((run) => [run.startedAt, run.doneAt]));
	const revert = state.outcome === 'no-go' ? planned.revert?.minutes : undefined;
	const endedAt = state.finished ? (state.outcome === 'no-go' && state.current === undefined ? state.decision?.at : latest(state.steps.map((run) => run.doneAt))) : undefined;
	const until = endedAt ?? now;

	let expectedEnd: string | undefined;
	const unplanned: number[] = [];
	if (state.finished && state.outcome === 'no-go') {
		// After a No-Go what is left is the revert, which the decision starts.
		expectedEnd = revert !== undefined && state.decision ? plus(state.decision.at, revert) : undefined;
	} else if (state.finished) {
		expectedEnd = endedAt;
	} else {
		let left = 0;
		for (const timing of steps) {
			if (timing.run.status === 'done' || timing.run.status === 'not-applicable') continue;
			if (timing.planned === undefined) unplanned.push(timing.run.step.number);
			else left += Math.max(0, timing.planned - (timing.actual ?? 0));
		}
		expectedEnd = unplanned.length ? undefined : plus(now, left);
	}
	return {
		steps,
		dayStartedAt,
		elapsed: dayStartedAt ? Math.max(0, minutesBetween(dayStartedAt, until)) : undefined,
		sinceStop: state.stoppedAt ? Math.max(0, minutesBetween(state.stoppedAt, until)) : undefined,
		expectedEnd,
		unplanned,
		revert,
		endedAt,
	};
}
