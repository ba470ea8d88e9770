/**
 * Calendar dates (`YYYY-MM-DD`, no time of day, no zone) as whole day numbers, so that adding days,
 * skipping weekends and holidays, and counting between dates can never be shifted by a time zone
 * or a daylight-saving change: a planned date is a day on the calendar, not an instant.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** A day number: days since 1970-01-01. */
export type DayNumber = number;

/** The day number of a calendar date, or undefined when the text is not a real date ("2026-02-30"). */
export function toDay(isoDate: string): DayNumber | undefined {
	const match = ISO_DATE.exec(isoDate);
	if (!match) return undefined;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const ms = Date.UTC(year, month - 1, day);
	const back = new Date(ms);
	if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
	return ms / MS_PER_DAY;
}

/** The calendar date of a day number. */
export function toIsoDate(day: DayNumber): string {
	const date = new Date(day * MS_PER_DAY);
	const pad = (value: number, width = 2) => String(value).padStart(width, '0');
	return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Monday is 1 … Sunday is 7 (ISO 8601). */
export function weekday(day: DayNumber): number {
	// 1970-01-01 was a Thursday (4).
	return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Days the team does not work: weekends, and the holidays the user entered. */
export interface WorkCalendar {
	holidays: ReadonlySet<DayNumber>;
}

/** Whether a day is a working day in the calendar. */
export function isWorkingDay(day: DayNumber, calendar: WorkCalendar): boolean {
	return weekday(day) <= 5 && !calendar.holidays.has(day);
}

/**
 * The working day `count` working days after `day` (before it when negative). A day that is not a
 * working day first moves to the nearest working day in the direction of counting; 0 gives the
 * working day on or after `day`.
 */
export function addWorkingDays(day: DayNumber, count: number, calendar: WorkCalendar): DayNumber {
	const step = count < 0 ? -1 : 1;
	let at = day;
	while (!isWorkingDay(at, calendar)) at += step;
	for (let left = Math.abs(count); left > 0; ) {
		at += step;
		if (isWorkingDay(at, calendar)) left -= 1;
	}
	return at;
}

/** Working days from `from` up to and including `to` (0 when `to` is before `from`). */
export function workingDaysBetween(from: DayNumber, to: DayNumber, calendar: WorkCalendar): number {
	let count = 0;
	for (let at = from; at <= to; at++) if (isWorkingDay(at, calendar)) count += 1;
	return count;
}

/** The same day of the month `months` later, or the month's last day when it is shorter (31 Jan + 1 month = 28 or 29 Feb). */
export function addMonths(day: DayNumber, months: number): DayNumber {
	const date = new Date(day * MS_PER_DAY);
	const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
	const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
	return Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(date.getUTCDate(), lastDay)) / MS_PER_DAY;
}
