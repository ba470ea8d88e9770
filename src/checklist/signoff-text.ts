import type { EventKind, Outcome, Reported } from '../state/events';
import { formatTime } from '../text/time';
import type { Meaning } from '../state/meaning';

/** The fields of an event that people read. */
export interface ShownEvent {
	kind: EventKind;
	by: string;
	role: string;
	meaning?: Meaning | 'not recorded';
	at: string;
	comment: string;
	reason?: string;
	outcome?: Outcome;
	otherRole?: true;
	reported?: Reported;
}

/** Turns a role id into its name; the id itself when the page does not know it. */
export type RoleNames = (id: string) => string;

const ACTIONS: Record<EventKind, string> = {
	signed: 'Signed',
	withdrawn: 'Withdrew a sign-off',
	'not-applicable': 'Marked not applicable',
	started: 'Started',
	decided: 'Decided',
};

/** The side that reported a step, as a sentence names it. */
export const SIDE_NAMES: Record<Reported['by'], string> = { customer: 'the customer', iqvia: 'IQVIA' };

/**
 * "Dana Reyes, Customer (performed)": who signed, in which role, and what the signature means. A sign-off recorded
 * from the other side's report says so first, so it never reads as performed by the person who recorded it:
 * "reported by IQVIA in the ticket at …, recorded by Dana Reyes, Customer".
 */
export function signedBy(event: Pick<ShownEvent, 'by' | 'role' | 'meaning' | 'reported'>, roleName: RoleNames = (id) => id): string {
	const role = event.role === 'not recorded' ? 'role not recorded' : roleName(event.role);
	const signer = `${event.by}, ${role}${event.meaning ? ` (${event.meaning})` : ''}`;
	return event.reported ? `reported by ${SIDE_NAMES[event.reported.by]} in the ticket at ${formatTime(event.reported.at)}, recorded by ${signer}` : signer;
}

/** What an event did, as a history entry starts: "Signed", "Withdrew a sign-off", "Decided: No-Go", "Done (reported)"… */
export function eventAction(event: Pick<ShownEvent, 'kind' | 'outcome' | 'reported'>): string {
	if (event.kind === 'decided') return `${ACTIONS.decided}: ${event.outcome === 'go' ? 'Go' : 'No-Go'}`;
	if (event.reported) return 'Done (reported)';
	return ACTIONS[event.kind];
}
