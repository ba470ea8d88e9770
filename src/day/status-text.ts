import { signedBy, type RoleNames } from '../checklist/signoff-text';
import { formatTime } from '../text/time';
import { formatDuration } from './duration';
import type { RunState, StepRun } from './run-state';
import type { DayTiming } from './timing';

/** What the status needs beyond the run state: the role names, the decision step's number, and the moment. */
export interface StatusContext {
	roleName: RoleNames;
	now: string;
	decisionNumber: number;
	backupNumber: number;
}

const name = (run: StepRun) => `Step ${run.step.number} ${run.step.title}`;
const roles = (run: StepRun, roleName: RoleNames) => run.step.roles.map(roleName).join(', ');

/** How a closed step reads in the status: when, and who signed or reported it. */
function closedLine(run: StepRun, ctx: StatusContext): string {
	if (run.status === 'not-applicable') {
		const reasons = run.standing.map((event) => event.reason).filter(Boolean).join('; ');
		return `- ${name(run)}: not applicable${reasons ? ` (${reasons})` : ''}`;
	}
	const signers = run.standing.filter((event) => event.kind === 'signed').map((event) => signedBy(event, ctx.roleName));
	return `- ${name(run)}: done ${run.doneAt ? formatTime(run.doneAt) : ''}, ${signers.join('; ')}`;
}

/**
 * A status of the day as plain text for the service desk ticket: what is done (with times), the decision, what runs
 * now and who acts next, and the clocks. It says only what the events record; nothing is filled in for the reader.
 */
export function statusText(state: RunState, timing: DayTiming, ctx: StatusContext): string {
	const lines = [`Day of Upgrade status at ${formatTime(ctx.now)}`, ''];
	const closed = state.steps.filter((run) => run.status === 'done' || run.status === 'not-applicable');
	lines.push(closed.length ? 'Done:' : 'Done: no step yet.', ...closed.map((run) => closedLine(run, ctx)));
	if (state.decision) {
		const outcome = state.outcome === 'go' ? 'Go' : 'No-Go';
		lines.push('', `Decision (step ${ctx.decisionNumber}): ${outcome}, ${formatTime(state.decision.at)}, recorded by ${signedBy(state.decision, ctx.roleName)}. Reason: ${state.decision.reason}`);
	}
	lines.push('');
	const { current } = state;
	if (current) {
		const step = timing.steps.find((t) => t.run === current);
		const running = current.status === 'running' && current.startedAt ? `, started ${formatTime(current.startedAt)}` : ', not started yet';
		// Only a started step has run: one not started yet is not measured from the step before it here.
		const against = current.status === 'running' && step?.actual !== undefined ? `; ${formatDuration(step.actual)} so far${step.planned !== undefined ? ` of ${formatDuration(step.planned)} planned` : ''}${step.over ? ', past its planned time' : ''}` : '';
		lines.push(`Now: ${name(current)}${running}${against}.`, `Who acts: ${roles(current, ctx.roleName)}.`);
		const next = state.steps.slice(state.steps.indexOf(current) + 1).find((run) => run.status === 'open' || run.status === 'running');
		lines.push(next ? `Next: ${name(next)} (${roles(next, ctx.roleName)}).` : 'Next: nothing after this step.');
	} else if (state.outcome === 'no-go') {
		lines.push(`Now: revert. No-Go: the backup of step ${ctx.backupNumber} is to be re-installed (the plan puts this at under one hour).`);
	} else {
		lines.push('Now: every step of the day is closed.');
	}
	lines.push('');
	if (timing.elapsed !== undefined) lines.push(`Elapsed since the day started: ${formatDuration(timing.elapsed)}.`);
	if (timing.sinceStop !== undefined) lines.push(`Since production activity stopped: ${formatDuration(timing.sinceStop)}.`);
	if (timing.expectedEnd) lines.push(`${timing.endedAt && timing.expectedEnd === timing.endedAt ? 'Ended' : 'Expected end'}: ${formatTime(timing.expectedEnd)}.`);
	else if (timing.unplanned.length) lines.push(`Expected end: not known, steps ${timing.unplanned.join(', ')} have no planned time.`);
	return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
