/** Durations of the day in whole minutes, as the run sheet shows and measures them (parse-duration.ts reads typed ones). */

/** "45 min", "2 h", "3 h 05 min": a duration in whole minutes as the run sheet shows it. */
export function formatDuration(minutes: number): string {
	const whole = Math.max(0, Math.round(minutes));
	const h = Math.floor(whole / 60);
	const m = whole % 60;
	if (!h) return `${m} min`;
	return m ? `${h} h ${String(m).padStart(2, '0')} min` : `${h} h`;
}

/** Whole minutes from one ISO time to another (negative if the second is earlier). */
export function minutesBetween(from: string, to: string): number {
	return Math.floor((Date.parse(to) - Date.parse(from)) / 60_000);
}
