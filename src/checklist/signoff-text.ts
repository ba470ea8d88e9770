import type { Meaning } from '../state/meaning';

/** The fields of a sign-off event that people read. */
export interface ShownEvent {
	done: boolean;
	by: string;
	meaning: Meaning;
	at: string;
	comment: string;
}

/** How times are shown; left out, the browser's own language and time zone apply. */
export interface TimeOptions {
	locale?: string;
	timeZone?: string;
}

/** A stored UTC time in the reader's time zone, zone named, to the minute: "14 Mar 2025, 10:00 CET". */
export function formatWhen(iso: string, { locale, timeZone }: TimeOptions = {}): string {
	return new Intl.DateTimeFormat(locale, {
		year: 'numeric',
		month: 'short',
		day: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		timeZoneName: 'short',
		timeZone,
	}).format(new Date(iso));
}

/** "Dana Reyes (performed)": who signed and what the signature means. */
export function signedBy(event: Pick<ShownEvent, 'by' | 'meaning'>): string {
	return `${event.by} (${event.meaning})`;
}

/** What an event did, as a history entry starts: "Ticked" or "Unticked". */
export function eventAction(event: Pick<ShownEvent, 'done'>): string {
	return event.done ? 'Ticked' : 'Unticked';
}

/** The ticks since a step's last untick (its events given newest first), oldest first: "performed" then "reviewed" both stand. */
export function standingSignoffs<E extends Pick<ShownEvent, 'done'>>(newestFirst: readonly E[]): E[] {
	const standing: E[] = [];
	for (const event of newestFirst) {
		if (!event.done) break;
		standing.unshift(event);
	}
	return standing;
}
