import type { EventKind, Outcome } from '../state/events';
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

/** "Dana Reyes, Customer (performed)": who signed, in which role, and what the signature means. */
export function signedBy(event: Pick<ShownEvent, 'by' | 'role' | 'meaning'>, roleName: RoleNames = (id) => id): string {
	const role = event.role === 'not recorded' ? 'role not recorded' : roleName(event.role);
	return `${event.by}, ${role}${event.meaning ? ` (${event.meaning})` : ''}`;
}

/** What an event did, as a history entry starts: "Signed", "Withdrew a sign-off", "Decided: No-Go"… */
export function eventAction(event: Pick<ShownEvent, 'kind' | 'outcome'>): string {
	if (event.kind === 'decided') return `${ACTIONS.decided}: ${event.outcome === 'go' ? 'Go' : 'No-Go'}`;
	return ACTIONS[event.kind];
}
