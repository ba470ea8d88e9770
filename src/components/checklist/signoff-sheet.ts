import { needsRecheck } from '~/checklist/progress';
import { formatPlanDate } from '~/checklist/plan-text';
import { formatTime } from '~/text/time';
import { $plan, type PlanField } from '~/state/plan';
import { $signoffs, eventsForStep, type StepEvent } from '~/state/signoffs';
import { stepState } from '~/state/step-state';
import { h } from './dom';
import { eventLine, whoSigned } from './event-line';
import '../print/sheet-frame';

const lines = () => [h('span', 'sheet-line'), h('span', 'sheet-line')];
const stack = (items: (string | Node)[]) => items.map((item) => h('span', 'sheet-entry', item));

/** Fills a printable sign-off sheet (PrintSheet.astro) with the plan and the stored sign-offs; blank lines stay where nothing is signed, and the initials / signature column is left for ink. */
class SignoffSheet extends HTMLElement {
	static observedAttributes = ['data-history'];
	private events: readonly StepEvent[] = [];
	private stops: (() => void)[] = [];

	connectedCallback() {
		this.stops = [
			$plan.subscribe((plan) => {
				for (const el of this.querySelectorAll<HTMLElement>('[data-plan]')) {
					const value = plan[el.dataset.plan as PlanField];
					el.replaceChildren(value ? (el.dataset.plan === 'upgradeDate' ? formatPlanDate(value) : value) : h('span', 'sheet-line'));
				}
			}),
			$signoffs.subscribe((events) => {
				this.events = events;
				this.render();
			}),
		];
	}

	disconnectedCallback() {
		this.stops.forEach((stop) => stop());
	}

	attributeChangedCallback() {
		if (this.stops.length) this.render();
	}

	private render() {
		const withHistory = this.hasAttribute('data-history');
		for (const row of this.querySelectorAll<HTMLTableRowElement>('tr[data-step-id]')) {
			const events = eventsForStep(this.events, row.dataset.stepId!);
			const state = stepState(this.events, row.dataset.stepId!);
			const { done } = state;
			const standing = done ? state.standing.filter((event) => event.kind === 'signed') : [];
			const cell = (name: string) => row.querySelector(`[data-cell="${name}"]`)!;
			row.toggleAttribute('data-done', done);
			cell('state').textContent = done ? 'Done' : state.status === 'not-applicable' ? 'Not applicable' : 'Not done';
			const note = cell('recheck');
			note.textContent = needsRecheck(state, row.dataset.fingerprint) ? 'Text changed: re-check' : '';
			cell('by').replaceChildren(...(done ? stack(standing.map(whoSigned)) : lines()));
			cell('when').replaceChildren(...(done ? stack(standing.map((event) => formatTime(event.at))) : lines()));
			cell('comment').replaceChildren(...(done ? stack(standing.map((event) => event.comment || '–')) : lines()));

			const history = this.querySelector<HTMLElement>(`tr[data-history-for="${row.dataset.stepId}"]`);
			if (!history) continue;
			history.hidden = !withHistory || events.length === 0;
			history.firstElementChild!.replaceChildren(
				...(history.hidden
					? []
					: [
							h('span', 'sheet-history-title', `Step ${row.dataset.stepNumber} sign-off history, newest first:`),
							h('ol', null, ...events.map((event) => h('li', null, ...eventLine(event, event.kind === 'signed' && event.fingerprint !== row.dataset.fingerprint, state.withdrawnBy[event.id])))),
						]),
			);
		}
	}
}

customElements.define('signoff-sheet', SignoffSheet);
