/**
 * The one way the site writes a point in time for a reader: the local date and time with the
 * zone's offset, then the same moment in UTC, e.g. `2026-11-30 06:33 (UTC+01:00) · 05:33 UTC`.
 * Every view (pages, history, record, print, tickets, run sheet, QC sheet) goes through here,
 * so a printed sheet and the screen never disagree. Stored and exported times stay ISO 8601 UTC.
 */

/** The wall-clock parts of an instant in a time zone (the browser's own when none is given). */
function wallClock(date: Date, timeZone?: string) {
	const parts = new Intl.DateTimeFormat('en-GB', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
	}).formatToParts(date);
	const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0);
	return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute') };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `YYYY-MM-DD HH:MM` from wall-clock parts. */
function stamp(p: ReturnType<typeof wallClock>): string {
	return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** The zone's offset from UTC at that instant, in minutes (whole minutes: seconds are not shown). */
export function offsetMinutes(date: Date, timeZone?: string): number {
	const local = wallClock(date, timeZone);
	const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
	const minute = Math.floor(date.getTime() / 60_000) * 60_000;
	return Math.round((asUtc - minute) / 60_000);
}

/** `UTC+01:00`, `UTC-03:30`, `UTC+00:00`. */
export function offsetLabel(minutes: number): string {
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Parses an ISO 8601 time, or gives undefined: a reader is never shown "Invalid Date". */
function toDate(value: string | number | Date): Date | undefined {
	const date = value instanceof Date ? value : new Date(value);
	return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A moment as a reader sees it everywhere on the site: local time with its offset, then UTC. */
export function formatTime(value: string | number | Date, timeZone?: string): string {
	const date = toDate(value);
	if (!date) return 'an unreadable time';
	const local = stamp(wallClock(date, timeZone));
	const utc = stamp(wallClock(date, 'UTC'));
	return `${local} (${offsetLabel(offsetMinutes(date, timeZone))}) · ${utc.slice(11)} UTC`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A calendar date (`YYYY-MM-DD`, no time of day) as a reader sees it: `Mon 30 Nov 2026`. Written
 * from fixed English names, since browsers disagree on short month names ("Sep" or "Sept").
 */
export function formatDay(isoDate: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
	if (!match) return 'an unreadable date';
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return 'an unreadable date';
	return `${WEEKDAYS[date.getUTCDay()]} ${day} ${MONTHS[month - 1]} ${year}`;
}

/** An instant as stored and exported: ISO 8601 in UTC. */
export function isoUtc(value: number | Date = Date.now()): string {
	return new Date(value).toISOString();
}
