import { eventAction, signedBy, type ShownEvent } from '~/checklist/signoff-text';
import { formatTime } from '~/text/time';
import { h, type Child } from './dom';

// How events read on the page and on printed sheets; loaded only where events are shown.

/** A stored UTC time as a <time> element, shown as every view shows a time. */
export function when(iso: string): HTMLTimeElement {
	const el = h('time', null, formatTime(iso));
	el.dateTime = iso;
	return el;
}

let names: Record<string, string> | undefined;
/** A role's name, from the names the page carries (`data-role-names`); the id when the page has none. */
export function roleName(id: string): string {
	names ??= JSON.parse(document.querySelector<HTMLElement>('[data-role-names]')?.dataset.roleNames ?? '{}') as Record<string, string>;
	return Object.hasOwn(names, id) ? names[id]! : id;
}

/** "Dana Reyes, Customer (performed)" with the page's role names; a reported sign-off names who reported it first. */
export const whoSigned = (event: Pick<ShownEvent, 'by' | 'role' | 'meaning' | 'reported'>) => signedBy(event, roleName);

/** An event as history lists show it: `changed` marks one signed against earlier text; `withdrawal` strikes a withdrawn one through and says who withdrew it, when and why. */
export function eventLine(event: ShownEvent, changed: boolean, withdrawal?: ShownEvent): Child[] {
	const line: Child[] = [
		h('strong', null, eventAction(event)),
		// A reported sign-off's words start "reported by …, recorded by …".
		`${event.reported ? ': ' : ' by '}${whoSigned(event)}, `,
		when(event.at),
		'.',
		event.otherRole && ' Signed for a step of another role, confirmed.',
		event.reason && ` Reason: ${event.reason}.`,
		event.comment && ` Comment: ${event.comment}`,
		changed && h('span', 'signoff-older', ' (signed an earlier text of this step)'),
	];
	if (!withdrawal) return line;
	return [h('s', null, ...line), h('span', 'signoff-withdrawn', ' Withdrawn by ', whoSigned(withdrawal), ', ', when(withdrawal.at), `: ${withdrawal.reason}`)];
}
