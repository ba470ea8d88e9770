/** Durations of the day in whole minutes: how the run sheet reads what a person types and writes what it shows. */

/** "45 min", "2 h", "3 h 05 min": a duration in whole minutes as the run sheet shows it. */
export function formatDuration(minutes: number): string {
	const whole = Math.max(0, Math.round(minutes));
	const h = Math.floor(whole / 60);
	const m = whole % 60;
	if (!h) return `${m} min`;
	return m ? `${h} h ${String(m).padStart(2, '0')} min` : `${h} h`;
}

const FORMS: [RegExp, (m: RegExpExecArray) => number][] = [
	[/^(\d{1,3}):([0-5]\d)$/, (m) => Number(m[1]) * 60 + Number(m[2])],
	[/^(\d{1,3})\s*h(?:ours?|rs?)?(?:\s*(\d{1,2})\s*m(?:in(?:utes?)?)?)?$/, (m) => Number(m[1]) * 60 + Number(m[2] ?? 0)],
	[/^(\d{1,3})[.,](\d{1,2})\s*h(?:ours?|rs?)?$/, (m) => Math.round(Number(`${m[1]}.${m[2]}`) * 60)],
	[/^(\d{1,5})\s*(?:m(?:in(?:utes?)?)?)?$/, (m) => Number(m[1])],
];

/** Reads a typed duration: "90", "90 min", "1:30", "1 h 30 min", "1h30m", "1.5 h", "4 hours"; undefined for anything else. */
export function parseDuration(text: string): number | undefined {
	const clean = text.trim().toLowerCase();
	for (const [pattern, minutes] of FORMS) {
		const match = pattern.exec(clean);
		if (match) return minutes(match);
	}
	return undefined;
}

/** Whole minutes from one ISO time to another (negative if the second is earlier). */
export function minutesBetween(from: string, to: string): number {
	return Math.floor((Date.parse(to) - Date.parse(from)) / 60_000);
}
