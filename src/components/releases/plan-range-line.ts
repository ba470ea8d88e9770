import { $plan } from '~/state/plan';
import { planRangeText } from '~/releases/plan-range';

/** The line beside a step's link to the release picker: the plan's range and how many releases it spans, once the plan holds both versions. */
class PlanRangeLine extends HTMLElement {
	#stop: (() => void) | undefined;

	connectedCallback(): void {
		const catalogue = JSON.parse(this.dataset.catalogue ?? '[]') as string[];
		const about = this.querySelector<HTMLElement>('[data-ref="about"]')!;
		const range = this.querySelector<HTMLElement>('[data-ref="range"]')!;
		this.#stop = $plan.subscribe((plan) => {
			const text = planRangeText(catalogue, plan.currentVersion, plan.targetVersion);
			range.textContent = text ?? '';
			range.hidden = text === undefined;
			about.hidden = text !== undefined;
		});
	}

	disconnectedCallback(): void {
		this.#stop?.();
	}
}

customElements.define('plan-range-line', PlanRangeLine);
