import { toDay, toIsoDate } from './days';
import type { CalendarEvent, EventTime } from './ics';
import { MILESTONES } from './milestone-names';
import { TIME, timingProblems, type DayTiming } from './day-timing';
import { stripCitations } from '../sources/citations';
import type { DayRange, Milestone, StageWindow } from './schedule';
import { offsetLabel, offsetMinutes } from '../text/time';
import { fileSlug, localDay } from '../text/file-name';
import type { SentEvent } from '../state/planner-kind';

/**
 * The planned dates as calendar events: the stage windows and milestones as whole days, the
 * upgrade day as a timed event in UTC when its date is certain and its start and hours are known.
 * Each event has a key of its own; its UID is that key with the plan's random id, and its SEQUENCE
 * rises only when what it says changed since the last download.
 */

/** A stage as the build names it: id, title and its steps ("1-7"). */
export interface StageInfo {
	id: StageWindow['stage'];
	title: string;
	steps: string;
}

/** An event before it has a UID and SEQUENCE. */
export interface EventDraft {
	key: string;
	summary: string;
	description: string;
	time: EventTime;
}

/** The UTC instant of a wall-clock time on a calendar date in a zone (the browser's when none), or undefined. */
export function localToUtc(isoDate: string, time: string, timeZone?: string): string | undefined {
	const day = toDay(isoDate);
	const match = TIME.exec(time);
	if (day === undefined || !match) return undefined;
	const wall = day * 86_400_000 + (Number(match[1]) * 60 + Number(match[2])) * 60_000;
	// The offset depends on the instant; asking twice settles it on both sides of a daylight-saving change.
	let at = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
	at = wall - offsetMinutes(new Date(at), timeZone) * 60_000;
	return new Date(at).toISOString();
}

const exact = (range: DayRange) => range.earliest === range.latest;
/** "on 2027-03-29", or "between 2026-11-30 and 2026-12-07" for a range. */
const when = (range: DayRange) => (exact(range) ? `on ${toIsoDate(range.earliest)}` : `between ${toIsoDate(range.earliest)} and ${toIsoDate(range.latest)}`);
const days = (first: DayRange, last: DayRange): EventTime => ({ kind: 'days', first: toIsoDate(first.earliest), last: toIsoDate(last.latest) });

/** The events of a plan; the upgrade day is timed only when its date is certain and the timing is complete and valid. */
export function planEvents(plan: { stages: StageWindow[]; milestones: Milestone[] }, stages: StageInfo[], timing: DayTiming, site = ''): EventDraft[] {
	const prefix = site.trim() ? `${site.trim()}: ` : '';
	const info = (id: StageWindow['stage']) => stages.find((stage) => stage.id === id)!;
	const drafts: EventDraft[] = [];
	for (const window of plan.stages) {
		if (window.stage === 'day-of-upgrade') continue;
		const stage = info(window.stage);
		drafts.push({
			key: `stage-${window.stage}`,
			summary: `${prefix}${stage.title} (steps ${stage.steps})`,
			description: `${stage.title}: first working day ${when(window.first)}, last working day ${when(window.last)}.`,
			time: days(window.first, window.last),
		});
	}
	for (const milestone of plan.milestones) {
		if (milestone.id === 'upgrade-day') continue;
		const name = MILESTONES[milestone.id].name;
		const basis = stripCitations(MILESTONES[milestone.id].basis);
		const range = exact(milestone.at) ? '' : ` Falls ${when(milestone.at)}.`;
		drafts.push({ key: `milestone-${milestone.id}`, summary: `${prefix}${name}`, description: `${basis}${range}`, time: days(milestone.at, milestone.at) });
	}
	const day = plan.milestones.find((m) => m.id === 'upgrade-day')!.at;
	const stage = info('day-of-upgrade');
	const summary = `${prefix}${stage.title} (steps ${stage.steps})`;
	const start = exact(day) && timingProblems(timing).length === 0 && timing.start ? localToUtc(toIsoDate(day.earliest), timing.start, timing.timeZone) : undefined;
	if (start) {
		const hours = Number(timing.hours);
		const end = new Date(Date.parse(start) + hours * 3_600_000).toISOString();
		const offset = offsetLabel(offsetMinutes(new Date(start), timing.timeZone));
		drafts.push({
			key: 'upgrade-day',
			summary,
			description: `Planned to start at ${timing.start} local time (${offset}) and take about ${hours} hours; the times are in UTC.`,
			time: { kind: 'utc', start, end },
		});
	} else {
		drafts.push({ key: 'upgrade-day', summary, description: exact(day) ? 'The upgrade day, all day: no start time and hours were entered.' : `The upgrade day falls ${when(day)}.`, time: days(day, day) });
	}
	return drafts;
}

/** What an event says, compared between downloads. */
const contentOf = (draft: EventDraft) => JSON.stringify([draft.summary, draft.description, draft.time]);

/** Gives each event its UID and SEQUENCE: 0 when new, the same when unchanged, one more when its content changed. */
export function withSequences(drafts: EventDraft[], sent: Record<string, SentEvent>, planId: string): { events: CalendarEvent[]; sent: Record<string, SentEvent> } {
	const next = { ...sent };
	const events = drafts.map((draft): CalendarEvent => {
		const content = contentOf(draft);
		const before = sent[draft.key];
		const sequence = !before ? 0 : before.content === content ? before.sequence : before.sequence + 1;
		next[draft.key] = { sequence, content };
		return { uid: `${draft.key}.${planId}@clinspark-upgrade-playbook`, sequence, summary: draft.summary, description: draft.description, time: draft.time };
	});
	return { events, sent: next };
}

/** The calendar's name, with the site when one was entered. */
export const calendarName = (site: string) => (site.trim() ? `ClinSpark upgrade: ${site.trim()}` : 'ClinSpark upgrade');

/** The downloaded file's name, such as `upgrade-plan-northfield-2026-11-30.ics`. */
export const calendarFileName = (site: string, now: Date) => `${['upgrade-plan', fileSlug(site), localDay(now)].filter(Boolean).join('-')}.ics`;
