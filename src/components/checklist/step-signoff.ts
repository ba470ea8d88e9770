import { presetMeaning } from '~/checklist/meaning-preset';
import { $signer } from '~/state/signer';
import { $signoffs, eventsForStep, type StepEvent } from '~/state/signoffs';
import { deriveState, type StepState } from '~/state/step-state';
import { ref } from './dom';

/** What the code loaded on use (signing, the view of events) asks of a step's sign-off block. */
export interface SignoffHost extends HTMLElement {
	/** The step's events, newest first, and where the step stands. */
	events: StepEvent[];
	state: StepState;
	render(): void;
	/** Puts the meaning back to what a new sign-off starts on, for the signer now stored. */
	resetMeaning(): void;
}

/**
 * Wires one step's sign-off block (rendered by StepSignoff.astro) to the stored events. The box and buttons follow
 * the state here; the words about the events load once a step has any, and signing loads when first used.
 */
class StepSignoff extends HTMLElement implements SignoffHost {
	events: StepEvent[] = [];
	state: StepState = deriveState([]);
	private stops: (() => void)[] = [];
	/** The signer chose this sign-off's meaning: it is theirs until it is signed. */
	private chosen = false;

	connectedCallback() {
		const box = ref<HTMLInputElement>(this, 'done');
		const meaning = ref<HTMLSelectElement>(this, 'meaning');
		const act = (what: 'sign' | 'withdraw' | 'na') => () => void import('./sign-flow').then((m) => m.act(this, what), () => this.render());
		box.addEventListener('change', () => act(box.checked ? 'sign' : 'withdraw')());
		ref(this, 'again').addEventListener('click', act('sign'));
		ref(this, 'withdraw').addEventListener('click', act('withdraw'));
		ref(this, 'na').addEventListener('click', act('na'));
		meaning.addEventListener('change', () => (this.chosen = meaning.value !== ''));
		this.stops = [
			$signer.subscribe(() => this.chosen || this.resetMeaning()),
			$signoffs.subscribe((events) => {
				this.events = eventsForStep(events, this.dataset.step!);
				this.state = deriveState([...this.events].reverse());
				this.render();
			}),
		];
	}

	disconnectedCallback() {
		this.stops.forEach((stop) => stop());
	}

	resetMeaning() {
		this.chosen = false;
		ref<HTMLSelectElement>(this, 'meaning').value = presetMeaning($signer.get().role, this.dataset.roles!.split(' '));
	}

	render() {
		const { state } = this;
		ref<HTMLInputElement>(this, 'done').checked = state.done;
		ref(this, 'again').hidden = !state.done;
		ref(this, 'withdraw').hidden = state.standing.length === 0;
		ref(this, 'na').hidden = state.status !== 'open';
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
