import { onSide, progressOf, progressText, stepList, type ChecklistStep } from '~/checklist/progress';
import { $signer, setSignerName, setSignerRole } from '~/state/signer';
import { $stepStates } from '~/state/step-state';
import { $collapseDone, $viewSide, setCollapseDone, setViewSide, type ViewSide } from '~/state/view';
import { h, ref, watchStorage } from './dom';

/** The steps of the stage page, as StageSteps.astro rendered them. */
function stepsOnPage(root: ParentNode): ChecklistStep[] {
	return [...root.querySelectorAll<HTMLElement>('section.step[data-step-id]')].map((section) => ({
		id: section.dataset.stepId!,
		number: Number(section.dataset.stepNumber),
		title: section.querySelector('.step-title')?.textContent ?? '',
		sides: (section.dataset.sides ?? '').split(' '),
		fingerprint: section.dataset.fingerprint,
	}));
}

const stepLink = (step: ChecklistStep) => {
	const link = h('a', null, `Step ${step.number}: ${step.title}`);
	link.href = `#step-${step.number}`;
	return link;
};

/** Wires the bar above a stage's steps (ChecklistBar.astro): progress, view side, collapsing, signer, printing. */
class ChecklistBar extends HTMLElement {
	private stops: (() => void)[] = [];

	connectedCallback() {
		const container = this.closest<HTMLElement>('.stage-steps') ?? document.body;
		const steps = stepsOnPage(container);
		const name = ref<HTMLInputElement>(this, 'name');
		const role = ref<HTMLSelectElement>(this, 'role');
		const collapse = ref<HTMLInputElement>(this, 'collapse');

		name.addEventListener('input', () => setSignerName(name.value));
		role.addEventListener('change', () => setSignerRole(role.value));
		collapse.addEventListener('change', () => setCollapseDone(collapse.checked));
		this.addEventListener('change', (event) => {
			const input = event.target as HTMLInputElement;
			if (input.name === 'checklist-side') setViewSide(input.value as ViewSide);
		});
		// The sheet's code loads only to print; from then on it answers the button itself.
		ref(this, 'print').addEventListener('click', () => void import('./bar-print').then((m) => m.printFirst(this)), { once: true });

		const render = () => {
			const side = $viewSide.get();
			const states = $stepStates.get();
			const all = progressOf(steps, states);
			const shown = steps.filter((step) => onSide(step, side));
			const mine = progressOf(shown, states);
			const count = ref(this, 'count');
			count.textContent = progressText(all);
			if (side !== 'all') count.append(` (${mine.done} of ${mine.total} in this view)`);
			const bar = ref<HTMLProgressElement>(this, 'bar');
			bar.max = all.total;
			bar.value = all.done;
			const next = ref(this, 'next');
			next.replaceChildren(...(mine.next ? [`${next.dataset.lead} `, stepLink(mine.next)] : [next.dataset.allDone!]));
			const recheck = ref(this, 'recheck');
			recheck.hidden = all.recheck.length === 0;
			recheck.textContent = `${recheck.dataset.lead} ${stepList(all.recheck.map((step) => step.number))}.`;
		};

		this.stops = [
			watchStorage(ref(this, 'storage')),
			$stepStates.subscribe(render),
			$viewSide.subscribe((side) => {
				container.dataset.viewSide = side;
				const radio = this.querySelector<HTMLInputElement>(`input[name="checklist-side"][value="${side}"]`);
				if (radio) radio.checked = true;
				render();
			}),
			$collapseDone.subscribe((on) => {
				collapse.checked = on;
				container.toggleAttribute('data-collapse-done', on);
			}),
			$signer.subscribe((signer) => {
				// The box shows what is stored, even while focused: a name changed in another tab shows here before
				// the next sign-off records it. The echo of what was just typed is equal, which leaves the caret be.
				name.value = signer.name;
				role.value = signer.role;
			}),
		];
	}

	disconnectedCallback() {
		this.stops.forEach((stop) => stop());
	}
}

customElements.define('checklist-bar', ChecklistBar);
