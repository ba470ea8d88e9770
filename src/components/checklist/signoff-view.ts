import { needsRecheck } from '~/checklist/progress';
import type { StepEvent } from '~/state/signoffs';
import { h, ref } from './dom';
import { eventLine, when, whoSigned } from './event-line';
import type { SignoffHost } from './step-signoff';
import { stepText } from './step-texts';

/** Tells a step's events in its sign-off row: where it stands (comments stay in the history), a re-check flag, and the history with withdrawn events struck through. */
export function showEvents(host: SignoffHost): void {
	const { state, events } = host;
	const { standing, latest } = state;
	const fingerprint = host.dataset.fingerprint!;
	const status = ref(host, 'status');
	const [newest] = events;
	const list = (items: StepEvent[], note: (e: StepEvent) => string) =>
		items.flatMap((event, i) => [i > 0 ? '; ' : '', `${whoSigned(event)}, `, when(event.at), note(event)]);
	if (state.status === 'done') {
		status.replaceChildren(h('strong', null, 'Done: '), ...list(standing.filter((e) => e.kind === 'signed'), () => ''), '.');
	} else if (state.status === 'not-applicable') {
		status.replaceChildren(h('strong', null, 'Not applicable: '), ...list(standing, (e) => `, reason: ${e.reason}`), '.');
	} else if (newest) {
		status.replaceChildren(h('strong', null, 'Not done: '), `last change by ${whoSigned(newest)}, `, when(newest.at), '.');
	}

	const flagged = needsRecheck(state, fingerprint);
	const recheck = ref(host, 'recheck');
	recheck.hidden = !flagged;
	// The comparison and the step's current text are loaded only when a step needs them, which is rare; without the
	// text the flag still says what to do.
	if (flagged) void Promise.all([import('./recheck'), stepText(host).catch(() => undefined)]).then(([m, now]) => m.showRecheck(recheck, latest!.text, now));

	ref(host, 'count').textContent = `(${events.length})`;
	ref(host, 'history').replaceChildren(
		...events.map((event) => h('li', null, ...eventLine(event, event.kind === 'signed' && event.fingerprint !== fingerprint, state.withdrawnBy[event.id]))),
	);
}
