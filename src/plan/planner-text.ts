/** Words the planner shows both in its first paint (Planner.astro) and once its code runs (planner.ts). */

/** The line above the list of what stops the dates being planned. */
export const NOT_PLANNED_YET = 'The dates cannot be planned yet:';

/** Where the upgrade day's start time is read and how the calendar file carries it. */
export function zoneNote(zone: string): string {
	return `The start is read in this browser’s time zone (${zone}); the calendar file gives the day in UTC, and your calendar shows it in yours.`;
}
