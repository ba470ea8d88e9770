import { $plan, PLAN_FIELDS, setPlanField, type PlanField } from '~/state/plan';
import { ref, watchStorage } from './dom';

/** Wires the upgrade plan form (PlanForm.astro): every keystroke is saved, and changes from other tabs show up. */
class PlanForm extends HTMLElement {
	private stops: (() => void)[] = [];

	connectedCallback() {
		const form = this.querySelector('form')!;
		const field = (name: PlanField) => form.elements.namedItem(name) as HTMLInputElement;
		form.addEventListener('submit', (event) => event.preventDefault());
		form.addEventListener('input', (event) => {
			const input = event.target as HTMLInputElement;
			if ((PLAN_FIELDS as readonly string[]).includes(input.name)) setPlanField(input.name as PlanField, input.value.trim() === '' ? '' : input.value);
		});
		this.stops = [
			watchStorage(ref(this, 'storage')),
			$plan.subscribe((plan) => {
				for (const name of PLAN_FIELDS) {
					const input = field(name);
					if (input && document.activeElement !== input && input.value !== plan[name]) input.value = plan[name];
				}
			}),
		];
	}

	disconnectedCallback() {
		this.stops.forEach((stop) => stop());
	}
}

customElements.define('plan-form', PlanForm);
