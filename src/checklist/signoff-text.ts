import type { Meaning } from '../state/meaning';

/** The fields of a sign-off event that people read. */
export interface ShownEvent {
	done: boolean;
	by: string;
	meaning: Meaning;
	at: string;
	comment: string;
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
