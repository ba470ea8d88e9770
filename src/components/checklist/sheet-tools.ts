import { ref, watchStorage } from './dom';

/** Wires the on-screen toolbar of a print page: the Print button and the "include history" choice, kept in the address as `?history`. */
class SheetTools extends HTMLElement {
	private stop = () => {};

	connectedCallback() {
		const toggle = this.querySelector<HTMLInputElement>('[data-ref="history"]');
		const apply = () => {
			document.querySelectorAll('signoff-sheet').forEach((sheet) => sheet.toggleAttribute('data-history', !!toggle?.checked));
		};
		if (toggle) {
			toggle.checked = new URLSearchParams(location.search).has('history');
			toggle.addEventListener('change', () => {
				const url = new URL(location.href);
				if (toggle.checked) url.searchParams.set('history', '');
				else url.searchParams.delete('history');
				history.replaceState(null, '', url.href.replace(/history=(&|$)/, 'history$1'));
				apply();
			});
			apply();
		}
		ref(this, 'print').addEventListener('click', () => print());
		this.stop = watchStorage(ref(this, 'storage'));
	}

	disconnectedCallback() {
		this.stop();
	}
}

customElements.define('sheet-tools', SheetTools);
