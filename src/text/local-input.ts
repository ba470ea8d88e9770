/**
 * Moments as a datetime-local control holds them (`YYYY-MM-DDTHH:MM` on the browser's wall clock), for the forms that
 * ask for a time; what a reader is shown goes through time.ts. Kept apart so pages that only show times do not load it.
 */

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** An instant as a datetime-local control holds it; '' when unreadable. */
export function localInputValue(value: string | number | Date): string {
	const date = value instanceof Date ? value : new Date(value);
	if (Number.isNaN(date.getTime())) return '';
	return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The instant a datetime-local value names on the browser's wall clock, as ISO 8601 UTC; undefined when it names none. */
export function fromLocalInput(value: string): string | undefined {
	const match = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)$/.exec(value.trim());
	if (!match) return undefined;
	const [y, mo, d, h, mi] = match.slice(1).map(Number) as [number, number, number, number, number];
	const date = new Date(y, mo - 1, d, h, mi);
	// A day past the month's end, or an hour out of range, would roll over: such a value names no moment.
	if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d || h > 23 || mi > 59) return undefined;
	return date.toISOString();
}
