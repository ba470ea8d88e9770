import { progressOf, progressText, stepList, type ChecklistStep } from '~/checklist/progress';
import { $stepStates } from '~/state/step-state';
import { h, ref } from './dom';

interface StageSteps {
	href: string;
	title: string;
	steps: ChecklistStep[];
}

const link = (href: string, text: string) => Object.assign(h('a', null, text), { href });

/** Wires the overview's progress (OverallProgress.astro): done/total per stage and overall, and the next open step, linked. */
class UpgradeProgress extends HTMLElement {
	private stop = () => {};

	connectedCallback() {
		const stages = [...this.querySelectorAll<HTMLElement>('[data-stage-steps]')].map((el) => ({ el, ...(JSON.parse(el.dataset.stageSteps!) as StageSteps) }));
		const stepHref = (stage: StageSteps, step: ChecklistStep) => `${stage.href}#step-${step.number}`;
		this.stop = $stepStates.subscribe((states) => {
			let next: [StageSteps, ChecklistStep] | undefined;
			const recheck: number[] = [];
			let done = 0;
			let total = 0;
			for (const stage of stages) {
				const progress = progressOf(stage.steps, states);
				done += progress.done;
				total += progress.total;
				recheck.push(...progress.recheck.map((step) => step.number));
				if (!next && progress.next) next = [stage, progress.next];
				ref(stage.el, 'count').textContent = progressText(progress);
				const bar = ref<HTMLProgressElement>(stage.el, 'bar');
				bar.max = progress.total;
				bar.value = progress.done;
				ref(stage.el, 'next').replaceChildren(progress.next ? link(stepHref(stage, progress.next), `Step ${progress.next.number}: ${progress.next.title}`) : 'All done');
			}
			ref(this, 'total').textContent = `${progressText({ done, total })} in the whole upgrade.`;
			ref(this, 'next').replaceChildren(
				...(next ? ['Next open step: ', link(stepHref(...next), `Step ${next[1].number}: ${next[1].title}`), ` (${next[0].title}).`] : ['Every step is done.']),
			);
			const note = ref(this, 'recheck');
			note.hidden = recheck.length === 0;
			note.textContent = `Changed since signed, to re-check: ${stepList(recheck)}.`;
		});
	}

	disconnectedCallback() {
		this.stop();
	}
}

customElements.define('upgrade-progress', UpgradeProgress);
