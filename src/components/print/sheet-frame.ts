import { $plan } from '~/state/plan';
import { formatTime, isoUtc } from '~/text/time';

/** A line to write on, where a value is not known. */
const line = () => Object.assign(document.createElement('span'), { className: 'sheet-line' });

/** Fills a sheet frame's running header (SheetFrame.astro): the site from the plan, and the print time, renewed as printing starts. */
class SheetFrameElement extends HTMLElement {
	private stop = () => {};
	private stamp = () => this.querySelectorAll('[data-frame="printed"]').forEach((el) => (el.textContent = formatTime(isoUtc())));

	connectedCallback() {
		this.stamp();
		addEventListener('beforeprint', this.stamp);
		this.stop = $plan.subscribe((plan) => {
			for (const el of this.querySelectorAll('[data-frame="site"]')) el.replaceChildren(plan.site || line());
		});
	}

	disconnectedCallback() {
		removeEventListener('beforeprint', this.stamp);
		this.stop();
	}
}

if (!customElements.get('sheet-frame')) customElements.define('sheet-frame', SheetFrameElement);
