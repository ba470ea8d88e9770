/** Reading a duration a person types for a planned time; loaded only when one is typed. */

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
