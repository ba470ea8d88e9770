import { formatDay } from '../text/time';

/** The plan's upgrade date as readers see it: a calendar date through the one formatter; anything else as it was typed. */
export function formatPlanDate(date: string): string {
	return /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatDay(date) : date;
}
