import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarFileName, calendarName, localToUtc, planEvents, withSequences, type StageInfo } from '../../../src/plan/calendar-events';
import { timingProblems } from '../../../src/plan/day-timing';
import { calendarFile } from '../../../src/plan/ics';
import { planDates, type PlannerInput } from '../../../src/plan/schedule';

const STAGES: StageInfo[] = [
	{ id: 'preparation', title: 'Preparation', steps: '1-7' },
	{ id: 'validation', title: 'Validation', steps: '8-12' },
	{ id: 'prep-for-upgrade', title: 'Prep for Upgrade', steps: '13-16' },
	{ id: 'day-of-upgrade', title: 'Day of Upgrade', steps: '17-28' },
];
const input: PlannerInput = { anchor: { from: 'upgrade', date: '2027-03-29' }, validation: { count: 3, unit: 'months' }, prepForUpgradeDays: 10, holidays: [] };
const planned = (change: Partial<PlannerInput> = {}) => {
	const result = planDates({ ...input, ...change });
	if (!result.ok) throw new Error(result.problems.join(' '));
	return result;
};
const BERLIN = { start: '07:30', hours: '9', timeZone: 'Europe/Berlin' };

describe('a local start time in UTC', () => {
	it('uses the offset of the day itself, on both sides of a daylight-saving change', () => {
		// Berlin moves from UTC+01:00 to UTC+02:00 on 2027-03-28 and back on 2027-10-31.
		expect(localToUtc('2027-03-27', '07:30', 'Europe/Berlin')).toBe('2027-03-27T06:30:00.000Z');
		expect(localToUtc('2027-03-29', '07:30', 'Europe/Berlin')).toBe('2027-03-29T05:30:00.000Z');
		expect(localToUtc('2027-10-29', '07:30', 'Europe/Berlin')).toBe('2027-10-29T05:30:00.000Z');
		expect(localToUtc('2027-11-01', '07:30', 'Europe/Berlin')).toBe('2027-11-01T06:30:00.000Z');
		// New York moves on 2027-03-14 from UTC-05:00 to UTC-04:00.
		expect(localToUtc('2027-03-12', '08:00', 'America/New_York')).toBe('2027-03-12T13:00:00.000Z');
		expect(localToUtc('2027-03-15', '08:00', 'America/New_York')).toBe('2027-03-15T12:00:00.000Z');
		expect(localToUtc('2027-03-15', '08:00', 'Asia/Kolkata')).toBe('2027-03-15T02:30:00.000Z');
	});
	it('refuses a time or date that is not one', () => {
		expect(localToUtc('2027-02-29', '07:30', 'UTC')).toBeUndefined();
		expect(localToUtc('2027-03-01', '7.30', 'UTC')).toBeUndefined();
		expect(localToUtc('2027-03-01', '24:00', 'UTC')).toBeUndefined();
	});
	it('names a wrong start or length, and says nothing when both are left empty', () => {
		expect(timingProblems({ start: '', hours: '' })).toEqual([]);
		expect(timingProblems({ start: '07:30', hours: '8.5' })).toEqual([]);
		expect(timingProblems({ start: '07:30', hours: '0' })).toEqual(['The upgrade day’s expected length needs a number of hours above 0 and at most 24.']);
		expect(timingProblems({ start: '', hours: '6' })).toEqual(['The upgrade day’s start time needs hours and minutes, such as 07:30.']);
	});
});

describe('the events of a plan', () => {
	it('has the three stage windows, six milestones and the upgrade day as a timed UTC event on a day after the clocks changed', () => {
		const drafts = planEvents(planned(), STAGES, BERLIN, 'Northfield');
		expect(drafts.map((d) => d.key)).toEqual([
			'stage-preparation',
			'stage-validation',
			'stage-prep-for-upgrade',
			'milestone-val-request',
			'milestone-val-available',
			'milestone-validation-complete',
			'milestone-prod-request',
			'milestone-slot-confirmed',
			'milestone-val-closed',
			'upgrade-day',
		]);
		const day = drafts.at(-1)!;
		expect(day.time).toEqual({ kind: 'utc', start: '2027-03-29T05:30:00.000Z', end: '2027-03-29T14:30:00.000Z' });
		expect(day.summary).toBe('Northfield: Day of Upgrade (steps 17-28)');
		expect(day.description).toBe('Planned to start at 07:30 local time (UTC+02:00) and take about 9 hours; the times are in UTC.');
		expect(drafts[1]!.time).toEqual({ kind: 'days', first: '2026-12-14', last: '2027-03-12' });
		const closed = drafts.find((d) => d.key === 'milestone-val-closed')!;
		expect(closed.time).toEqual({ kind: 'days', first: '2027-04-12', last: '2027-04-12' });
		// The page shows the source marker as a link; a calendar shows text only.
		expect(closed.description).toBe('Two weeks after a successful PROD upgrade, as IQVIA’s page on VAL environments says.');
	});
	it('spans a range and says so where a date is not certain', () => {
		const prep = planEvents(planned(), STAGES, BERLIN).find((d) => d.key === 'stage-preparation')!;
		expect(prep.time).toEqual({ kind: 'days', first: '2026-11-30', last: '2026-12-11' });
		expect(prep.description).toBe('Preparation: first working day between 2026-11-30 and 2026-12-07, last working day on 2026-12-11.');
		const request = planEvents(planned(), STAGES, BERLIN).find((d) => d.key === 'milestone-val-request')!;
		expect(request.description).toBe('Step 5, within Preparation: the plan sets no day inside the stage. Falls between 2026-11-30 and 2026-12-11.');
	});
	it('keeps the day all-day when its date is a range or no start was entered', () => {
		const fromStart = planEvents(planned({ anchor: { from: 'start', date: '2026-11-30' } }), STAGES, BERLIN).at(-1)!;
		expect(fromStart.time).toEqual({ kind: 'days', first: '2027-03-22', last: '2027-03-29' });
		expect(fromStart.description).toBe('The upgrade day falls between 2027-03-22 and 2027-03-29.');
		const untimed = planEvents(planned(), STAGES, { start: '', hours: '' }).at(-1)!;
		expect(untimed.time).toEqual({ kind: 'days', first: '2027-03-29', last: '2027-03-29' });
	});
});

describe('UIDs and SEQUENCE across downloads', () => {
	const first = withSequences(planEvents(planned(), STAGES, BERLIN), {}, '9f2c41d07a5b13e8');
	it('starts every new event at SEQUENCE 0, with a UID from the plan id and the event, not its date', () => {
		expect(first.events.every((e) => e.sequence === 0)).toBe(true);
		expect(first.events.at(-1)!.uid).toBe('upgrade-day.9f2c41d07a5b13e8@clinspark-upgrade-playbook');
		expect(new Set(first.events.map((e) => e.uid)).size).toBe(first.events.length);
	});
	it('keeps UID and SEQUENCE of an unchanged event, and raises SEQUENCE only where the content changed', () => {
		const again = withSequences(planEvents(planned(), STAGES, BERLIN), first.sent, '9f2c41d07a5b13e8');
		expect(again.events).toEqual(first.events);
		const moved = withSequences(planEvents(planned({ anchor: { from: 'upgrade', date: '2027-04-05' } }), STAGES, BERLIN), again.sent, '9f2c41d07a5b13e8');
		expect(moved.events.map((e) => e.uid)).toEqual(first.events.map((e) => e.uid));
		expect(moved.events.every((e) => e.sequence === 1)).toBe(true);
		const later = { ...BERLIN, start: '08:00' };
		const retimed = withSequences(planEvents(planned({ anchor: { from: 'upgrade', date: '2027-04-05' } }), STAGES, later), moved.sent, '9f2c41d07a5b13e8');
		expect(retimed.events.map((e) => e.sequence)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 2]);
	});
	it('gives a file ical.js reads back with the same events, times and sequences', () => {
		const text = calendarFile(first.events, { name: calendarName('Northfield'), stamp: '2026-11-30T10:00:00.000Z' });
		const calendar = new ICAL.Component(ICAL.parse(text));
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('ClinSpark upgrade: Northfield');
		const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
		expect(events.map((e) => e.uid)).toEqual(first.events.map((e) => e.uid));
		expect(events.at(-1)!.startDate.toJSDate().toISOString()).toBe('2027-03-29T05:30:00.000Z');
		expect(events.at(-1)!.endDate.toJSDate().toISOString()).toBe('2027-03-29T14:30:00.000Z');
		expect(events[0]!.startDate.isDate).toBe(true);
		expect(events[0]!.endDate.toString()).toBe('2026-12-12');
		expect(events.every((e) => e.sequence === 0)).toBe(true);
	});
});

describe('the file', () => {
	it('is named after the site when one was entered, and the local day', () => {
		expect(calendarFileName('Acmé Research', new Date(2026, 10, 30, 9))).toBe('upgrade-plan-acme-research-2026-11-30.ics');
		expect(calendarFileName('', new Date(2026, 10, 30, 9))).toBe('upgrade-plan-2026-11-30.ics');
		expect(calendarName('  ')).toBe('ClinSpark upgrade');
	});
});
