import { needsRecheck } from '~/checklist/progress';
import { signedBy, standingSignoffs } from '~/checklist/signoff-text';
import { isMeaning } from '~/state/meaning';
import { $signer, setDefaultMeaning } from '~/state/signer';
import { $signoffs, addSignoff, eventsForStep, type SignoffEvent } from '~/state/signoffs';
import { askSignerName } from './ask-name';
import { eventLine, h, ref, when } from './dom';

/** Wires one step's sign-off block (rendered by StepSignoff.astro) to the stored sign-off events. */
class StepSignoff extends HTMLElement {
	private events: SignoffEvent[] = [];
	private stops: (() => void)[] = [];

	connectedCallback() {
		const box = ref<HTMLInputElement>(this, 'done');
		const meaning = ref<HTMLSelectElement>(this, 'meaning');
		box.addEventListener('change', () => this.sign(box.checked));
		ref(this, 'again').addEventListener('click', () => this.sign(true));
		meaning.addEventListener('change', () => isMeaning(meaning.value) && setDefaultMeaning(meaning.value));
		this.stops = [
			$signer.subscribe((signer) => (meaning.value = signer.meaning)),
			$signoffs.subscribe((events) => {
				this.events = eventsForStep(events, this.dataset.step!);
				this.render();
			}),
		];
	}

	disconnectedCallback() {
		this.stops.forEach((stop) => stop());
	}

	/** Adds a tick (or an untick) event, asking for the signer's name first if this browser has none. */
	private async sign(done: boolean) {
		const box = ref<HTMLInputElement>(this, 'done');
		let by = $signer.get().name.trim();
		if (!by) {
			// The box keeps the new state while the name is asked for; cancelling puts back the stored one.
			by = await askSignerName(box);
			if (!by) return this.render();
		}
		const meaning = ref<HTMLSelectElement>(this, 'meaning').value;
		const comment = ref<HTMLInputElement>(this, 'comment');
		addSignoff({ step: this.dataset.step!, done, by, meaning: isMeaning(meaning) ? meaning : 'performed', comment: comment.value, text: this.dataset.text! });
		comment.value = '';
	}

	private render() {
		const [latest] = this.events;
		const done = !!latest?.done;
		const fingerprint = this.dataset.fingerprint!;
		ref<HTMLInputElement>(this, 'done').checked = done;
		ref(this, 'again').hidden = !done;
		this.closest('.step')?.toggleAttribute('data-done', done);

		const status = ref(this, 'status');
		if (!latest) status.textContent = 'Not signed off yet.';
		else if (done) {
			const standing = standingSignoffs(this.events);
			status.replaceChildren(
				h('strong', null, 'Done: '),
				...standing.flatMap((event, i) => [i > 0 ? '; ' : '', `${signedBy(event)}, `, when(event.at), event.comment ? ` (${event.comment})` : '']),
				'.',
			);
		} else status.replaceChildren(h('strong', null, 'Not done: '), `unticked by ${signedBy(latest)}, `, when(latest.at), '.');

		const flagged = needsRecheck({ done, latest }, fingerprint);
		const recheck = ref(this, 'recheck');
		recheck.hidden = !flagged;
		// The comparison is loaded only when a step needs it, which is rare.
		if (flagged) void import('./recheck').then((m) => m.showRecheck(recheck, latest!.text, this.dataset.text!));

		ref(this, 'count').textContent = this.events.length ? `(${this.events.length})` : '(none yet)';
		ref(this, 'history').replaceChildren(...this.events.map((event) => h('li', null, ...eventLine(event, event.fingerprint !== fingerprint))));
	}
}

customElements.define('step-signoff', StepSignoff);
