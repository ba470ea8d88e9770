import { onSide, progressOf, progressText, stepList, type ChecklistStep } from '~/checklist/progress';
import { $stepStates } from '~/state/step-state';
import { $viewSide } from '~/state/view';
import { h, ref } from './dom';

interface StageSteps {
	href: string;
	title: string;
	steps: ChecklistStep[];
}

const link = (href: string, text: string) => Object.assign(h('a', null, text), { href });

/**
 * Wires the overview's progress (OverallProgress.astro): done/total per stage and overall, and the next open step, linked.
 * The next open step follows the side chosen on the stage pages, as their bar does; the counts stay those of every step.
 */
class UpgradeProgress extends HTMLElement {
	private stops: (() => void)[] = [];

	connectedCallback() {
		const stages = [...this.querySelectorAll<HTMLElement>('[data-stage-steps]')].map((el) => ({ el, ...(JSON.parse(el.dataset.stageSteps!) as StageSteps) }));
		const stepHref = (stage: StageSteps, step: ChecklistStep) => `${stage.href}#step-${step.number}`;
		const words = ref(this, 'side');
		const render = () => {
			const states = $stepStates.get();
			const side = $viewSide.get();
			const whose = side === 'all' ? '' : (words.dataset[side] ?? '');
			let next: [StageSteps, ChecklistStep] | undefined;
			const recheck: number[] = [];
			let done = 0;
			let total = 0;
			for (const stage of stages) {
				const progress = progressOf(stage.steps, states);
				const mine = progressOf(
					stage.steps.filter((step) => onSide(step, side)),
					states,
				);
				done += progress.done;
				total += progress.total;
				recheck.push(...progress.recheck.map((step) => step.number));
				if (!next && mine.next) next = [stage, mine.next];
				ref(stage.el, 'count').textContent = progressText(progress);
				const bar = ref<HTMLProgressElement>(stage.el, 'bar');
				bar.max = progress.total;
				bar.value = progress.done;
				ref(stage.el, 'next').replaceChildren(
					mine.next
						? link(stepHref(stage, mine.next), `Step ${mine.next.number}: ${mine.next.title}`)
						: side === 'all'
							? 'All done'
							: mine.total
								? `All ${whose} done`
								: `None of ${whose} here`,
				);
			}
			ref(this, 'total').textContent = `${progressText({ done, total })} in the whole upgrade.`;
			const lead = side === 'all' ? 'Next open step: ' : `Next open step of ${whose}: `;
			ref(this, 'next').replaceChildren(
				...(next ? [lead, link(stepHref(...next), `Step ${next[1].number}: ${next[1].title}`), ` (${next[0].title}).`] : [side === 'all' ? 'Every step is done.' : `Every one of ${whose} is done.`]),
			);
			words.hidden = side === 'all';
			words.textContent = side === 'all' ? '' : `The next open steps are ${whose}, the view chosen on the stage pages.`;
			const note = ref(this, 'recheck');
			note.hidden = recheck.length === 0;
			note.textContent = `Changed since signed, to re-check: ${stepList(recheck)}.`;
		};
		this.stops = [$stepStates.subscribe(render), $viewSide.subscribe(render)];
	}

	disconnectedCallback() {
		this.stops.forEach((stop) => stop());
	}
}

customElements.define('upgrade-progress', UpgradeProgress);
