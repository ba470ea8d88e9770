import { calendarFile } from '~/plan/ics';
import { calendarFileName, calendarName, planEvents, withSequences, type StageInfo } from '~/plan/calendar-events';
import type { Milestone, StageWindow } from '~/plan/schedule';
import { updatePlanner, type PlannerState } from '~/state/planner';
import { isoUtc } from '~/text/time';

/**
 * Downloads the plan on screen as a calendar file and remembers what each event said, so that the
 * next download raises the SEQUENCE of the events that changed. Loaded when the button is first used.
 */
export function downloadCalendar(plan: { stages: StageWindow[]; milestones: Milestone[] }, stages: StageInfo[], state: PlannerState, site: string): string {
	const now = new Date();
	const drafts = planEvents(plan, stages, { start: state.dayStart, hours: state.dayHours }, site);
	// The plan's id is made on its first save; a plan downloaded before any input gets one now.
	const saved = state.planId ? state : updatePlanner({});
	const { events, sent } = withSequences(drafts, saved.sent, saved.planId);
	const text = calendarFile(events, { name: calendarName(site), stamp: isoUtc(now) });
	const name = calendarFileName(site, now);
	const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
	const link = Object.assign(document.createElement('a'), { href: url, download: name, hidden: true });
	document.body.append(link);
	link.click();
	link.remove();
	// Revoking at once can cancel the download in some browsers.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
	updatePlanner({ sent });
	const changed = drafts.filter((draft) => saved.sent[draft.key] && sent[draft.key]!.sequence > saved.sent[draft.key]!.sequence).length;
	return `Downloaded ${name}: ${events.length} events${changed ? `, ${changed} of them changed since the last download` : ''}.`;
}
