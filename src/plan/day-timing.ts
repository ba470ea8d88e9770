/** The upgrade day's timing as typed for the calendar: checked apart from the calendar code, which loads on use. */

/** The upgrade day's local start (HH:MM) and expected hours, as typed, and the zone to read the start in. */
export interface DayTiming {
	start: string;
	hours: string;
	timeZone?: string;
}

/** A wall-clock time, HH:MM. */
export const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MAX_HOURS = 24;

/** Why the typed start time and hours cannot make a timed event; none when both are empty or both are good. */
export function timingProblems(timing: DayTiming): string[] {
	const problems: string[] = [];
	if (timing.start === '' && timing.hours === '') return problems;
	if (!TIME.exec(timing.start)) problems.push('The upgrade day’s start time needs hours and minutes, such as 07:30.');
	const hours = Number(timing.hours);
	if (timing.hours.trim() === '' || !Number.isFinite(hours) || hours <= 0 || hours > MAX_HOURS)
		problems.push(`The upgrade day’s expected length needs a number of hours above 0 and at most ${MAX_HOURS}.`);
	return problems;
}
