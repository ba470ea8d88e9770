import { describe, expect, it } from 'vitest';
import { addMonths, addWorkingDays, isWorkingDay, toDay, toIsoDate, weekday, workingDaysBetween } from '../../../src/plan/days';

const day = (iso: string) => toDay(iso)!;
const none = { holidays: new Set<number>() };

describe('calendar dates as day numbers', () => {
	it('reads real dates and refuses impossible ones', () => {
		expect(toDay('1970-01-02')).toBe(1);
		expect(toIsoDate(day('2028-02-29'))).toBe('2028-02-29');
		expect(toDay('2027-02-29')).toBeUndefined();
		expect(toDay('2026-02-30')).toBeUndefined();
		expect(toDay('2026-1-5')).toBeUndefined();
	});
	it('knows the day of the week', () => {
		expect(weekday(day('2026-11-30'))).toBe(1);
		expect(weekday(day('2026-11-29'))).toBe(7);
		expect(weekday(day('1969-12-31'))).toBe(3);
	});
	it('is not shifted by a daylight-saving change: the day after the clocks change is one day later', () => {
		// Europe changed its clocks on 2026-03-29 and 2026-10-25; the United States on 2026-03-08 and 2026-11-01.
		for (const change of ['2026-03-29', '2026-10-25', '2026-03-08', '2026-11-01']) expect(toIsoDate(day(change) + 1)).not.toBe(change);
		expect(toIsoDate(day('2026-10-24') + 2)).toBe('2026-10-26');
	});
});

describe('working days', () => {
	it('skips weekends', () => {
		expect(toIsoDate(addWorkingDays(day('2026-11-27'), 1, none))).toBe('2026-11-30');
		expect(toIsoDate(addWorkingDays(day('2026-11-30'), -1, none))).toBe('2026-11-27');
		expect(toIsoDate(addWorkingDays(day('2026-11-28'), 0, none))).toBe('2026-11-30');
	});
	it('skips the holidays the user entered, across a month and a year end', () => {
		const holidays = { holidays: new Set([day('2026-12-25'), day('2026-12-28'), day('2027-01-01')]) };
		expect(isWorkingDay(day('2026-12-25'), holidays)).toBe(false);
		expect(toIsoDate(addWorkingDays(day('2026-12-24'), 1, holidays))).toBe('2026-12-29');
		expect(toIsoDate(addWorkingDays(day('2026-12-24'), 5, holidays))).toBe('2027-01-05');
	});
	it('counts working days between two dates, both included', () => {
		expect(workingDaysBetween(day('2026-11-30'), day('2026-12-11'), none)).toBe(10);
		expect(workingDaysBetween(day('2026-12-11'), day('2026-11-30'), none)).toBe(0);
	});
	it('crosses a leap day', () => {
		expect(toIsoDate(addWorkingDays(day('2028-02-28'), 1, none))).toBe('2028-02-29');
		expect(toIsoDate(addWorkingDays(day('2027-02-26'), 1, none))).toBe('2027-03-01');
	});
});

describe('months', () => {
	it('keeps the day of the month, or takes the last day of a shorter month', () => {
		expect(toIsoDate(addMonths(day('2026-11-30'), 3))).toBe('2027-02-28');
		expect(toIsoDate(addMonths(day('2027-11-30'), 3))).toBe('2028-02-29');
		expect(toIsoDate(addMonths(day('2026-01-31'), 1))).toBe('2026-02-28');
		expect(toIsoDate(addMonths(day('2026-03-15'), -3))).toBe('2025-12-15');
	});
});
