import { toDay, toIsoDate } from './days';

/**
 * A calendar file (iCalendar, RFC 5545) for the plan's milestones and the upgrade day. Written by
 * hand: the format needs a few rules (CRLF line ends, lines folded at 75 octets, escaped text),
 * and the generator packages bring more than the rest of the planner's code together.
 */

/** When an event happens: a run of whole days (both included), or a span of time given in UTC. */
export type EventTime = { kind: 'days'; first: string; last: string } | { kind: 'utc'; start: string; end: string };

/** One event of the calendar file. */
export interface CalendarEvent {
	/** Stable across exports of the same plan, so a calendar updates the event instead of adding a copy. */
	uid: string;
	/** Raised whenever the event's content changes, so a calendar takes the newer version. */
	sequence: number;
	summary: string;
	description?: string;
	time: EventTime;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545, 3.3.11). */
export function escapeText(text: string): string {
	return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line into lines of at most 75 octets, never splitting a character; continuation lines start with a space. */
export function foldLine(line: string): string {
	const encoder = new TextEncoder();
	const lines: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = encoder.encode(char).length;
		// The first line holds 75 octets; a continuation line's leading space takes one of its 75.
		const limit = lines.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
		if (octets + size > limit) {
			lines.push(current);
			current = '';
			octets = 0;
		}
		current += char;
		octets += size;
	}
	lines.push(current);
	return lines.join(`${CRLF} `);
}

/** `20261130T053300Z` from an ISO 8601 instant. */
function utcStamp(iso: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) throw new Error(`Not a time: ${iso}`);
	const pad = (value: number, width = 2) => String(value).padStart(width, '0');
	return `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

/** `20261130` from a calendar date, checked to be a real one. */
function dateValue(isoDate: string): string {
	if (toDay(isoDate) === undefined) throw new Error(`Not a date: ${isoDate}`);
	return isoDate.replace(/-/g, '');
}

/** The DTSTART and DTEND lines: all-day events end on the day after their last (DTEND is exclusive). */
function timeLines(time: EventTime): string[] {
	if (time.kind === 'utc') return [`DTSTART:${utcStamp(time.start)}`, `DTEND:${utcStamp(time.end)}`];
	const after = toIsoDate(toDay(time.last)! + 1);
	return [`DTSTART;VALUE=DATE:${dateValue(time.first)}`, `DTEND;VALUE=DATE:${dateValue(after)}`];
}

/** The whole calendar file; `stamp` is when it was made (an ISO 8601 instant), written as every event's DTSTAMP. */
export function calendarFile(events: CalendarEvent[], options: { name: string; stamp: string }): string {
	const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//ClinSpark Upgrade Playbook//Upgrade planner//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(options.name)}`];
	for (const event of events) {
		lines.push(
			'BEGIN:VEVENT',
			`UID:${event.uid}`,
			`DTSTAMP:${utcStamp(options.stamp)}`,
			`SEQUENCE:${event.sequence}`,
			...timeLines(event.time),
			`SUMMARY:${escapeText(event.summary)}`,
			...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
			'TRANSP:TRANSPARENT',
			'END:VEVENT',
		);
	}
	lines.push('END:VCALENDAR');
	return lines.map(foldLine).join(CRLF) + CRLF;
}
