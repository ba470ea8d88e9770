import { compareEvents, type Outcome, type StepEvent } from '../state/events';
import { deriveState } from '../state/step-state';
import { DAY_IDS, type DayStep } from './model';

/** Where one step of the day stands on the run sheet. */
export interface StepRun {
	step: DayStep;
	/** `running`: started and not yet closed. */
	status: 'open' | 'running' | 'done' | 'not-applicable';
	/** When it was first started (a `started` event), if it was. */
	startedAt?: string;
	/** When it was closed: a reported sign-off's report time, else the latest standing event's time. */
	doneAt?: string;
	/** The events that close it (standing sign-offs or "not applicable"), oldest first. */
	standing: StepEvent[];
	/** Every event of the step, oldest first. */
	events: StepEvent[];
}

/** The day as the run sheet shows it, derived from the events alone. */
export interface RunState {
	steps: StepRun[];
	/** The first step not yet closed, in order; none once every step is closed, or after a No-Go. */
	current?: StepRun;
	/** The latest Go/No-Go decision recorded at the decision step. */
	decision?: StepEvent;
	outcome?: Outcome;
	/** Every step closed, or the day ended in No-Go. */
	finished: boolean;
	/** When step 17 (production activity stopped) was done. */
	stoppedAt?: string;
}

/** When a closing event says the step was done: for a reported sign-off, when the other side reported it. */
const closedAt = (event: StepEvent) => event.reported?.at ?? event.at;
const ms = (iso: string) => Date.parse(iso);

/** One step's place on the run sheet, from all events. */
export function stepRun(step: DayStep, events: readonly StepEvent[]): StepRun {
	const own = events.filter((event) => event.step === step.id).sort(compareEvents);
	const state = deriveState(own);
	const started = own.filter((event) => event.kind === 'started').sort((a, b) => ms(a.at) - ms(b.at))[0];
	const closing = state.done ? state.standing.filter((event) => event.kind === 'signed') : state.standing;
	const last = closing.map(closedAt).sort((a, b) => ms(b) - ms(a))[0];
	const status = state.done ? 'done' : state.status === 'not-applicable' ? 'not-applicable' : started ? 'running' : 'open';
	return { step, status, startedAt: started?.at, doneAt: state.closed ? last : undefined, standing: state.standing, events: own };
}

/** The run sheet of the day: each step's place, the current step, the decision and whether the day is over. */
export function runState(steps: readonly DayStep[], events: readonly StepEvent[]): RunState {
	const runs = steps.map((step) => stepRun(step, events));
	const decisionRun = runs.find((run) => run.step.id === DAY_IDS.decision);
	// The latest decision counts; an earlier one stays in the history.
	const decision = decisionRun?.events.filter((event) => event.kind === 'decided').at(-1);
	const outcome = decision?.outcome;
	const open = runs.filter((run) => run.status === 'open' || run.status === 'running');
	const noGo = outcome === 'no-go' && (decisionRun?.status === 'done' || decisionRun?.status === 'not-applicable');
	const current = noGo ? undefined : open[0];
	return {
		steps: runs,
		current,
		decision,
		outcome,
		finished: !current,
		stoppedAt: runs.find((run) => run.step.id === DAY_IDS.stop)?.doneAt,
	};
}
