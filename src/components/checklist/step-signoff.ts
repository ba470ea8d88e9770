import { $signoffs, eventsForStep, type StepEvent } from '~/state/signoffs';
import { deriveState, type StepState } from '~/state/step-state';
import { h, ref } from './dom';

/** What the code loaded on use (signing, the view of events) asks of a step's sign-off row. */
export interface SignoffHost extends HTMLElement {
	/** The step's events, newest first, and where the step stands. */
	events: StepEvent[];
	state: StepState;
	render(): void;
}

/**
 * Wires one step's sign-off row (rendered by StepSignoff.astro) to the stored events. The box and buttons follow
 * the state here; the words about the events load once a step has any, and signing loads when first used.
 */
class StepSignoff extends HTMLElement implements SignoffHost {
	events: StepEvent[] = [];
	state: StepState = deriveState([]);
	private stop = () => {};

	connectedCallback() {
		const box = ref<HTMLInputElement>(this, 'done');
		const act = (what: 'sign' | 'withdraw' | 'na') => () => {
			this.querySelector('.signoff-error')?.remove();
			void import('./sign-flow')
				.then((m) => m.act(this, what))
				.catch((error: unknown) => {
					// Nothing was recorded: the box goes back to what is stored, and the row says why.
					this.render();
					const why = error instanceof Error && error.message === 'stale' ? 'this page is older than the site: reload it to sign the step as it reads now' : 'the signing could not be completed (offline?): try again';
					const notice = h('p', 'signoff-error ui-notice', `Nothing was recorded: ${why}.`);
					notice.setAttribute('role', 'alert');
					ref(this, 'recheck').before(notice);
				});
		};
		box.addEventListener('change', () => act(box.checked ? 'sign' : 'withdraw')());
		ref(this, 'again').addEventListener('click', act('sign'));
		ref(this, 'withdraw').addEventListener('click', act('withdraw'));
		ref(this, 'na').addEventListener('click', act('na'));
		this.stop = $signoffs.subscribe((events) => {
			this.events = eventsForStep(events, this.dataset.step!);
			this.state = deriveState([...this.events].reverse());
			this.render();
		});
	}

	disconnectedCallback() {
		this.stop();
	}

	render() {
		const { state } = this;
		ref<HTMLInputElement>(this, 'done').checked = state.done;
		ref(this, 'again').hidden = !state.done;
		ref(this, 'withdraw').hidden = state.standing.length === 0;
		ref(this, 'na').hidden = state.status !== 'open';
		ref(this, 'none').hidden = this.events.length > 0;
		this.closest('.step')?.toggleAttribute('data-done', state.closed);
		// A step without events shows the page's own words; one with events loads how to tell them.
		if (this.events.length) return void import('./signoff-view').then((m) => m.showEvents(this));
		ref(this, 'status').textContent = 'Not signed off yet.';
		ref(this, 'count').textContent = '(none yet)';
		ref(this, 'history').replaceChildren();
		ref(this, 'recheck').hidden = true;
	}
}

customElements.define('step-signoff', StepSignoff);
