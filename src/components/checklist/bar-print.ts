import './signoff-sheet';
import { ref } from './dom';

let endPrint = () => {};
let sheet: Promise<HTMLElement> | undefined;

/** Prints the sheet for the click that loaded this code, then takes over the button: later prints start with the click itself. */
export function printFirst(bar: HTMLElement): void {
	ref(bar, 'print').addEventListener('click', () => void printSheet(bar));
	void printSheet(bar);
}

/**
 * The stage's sign-off sheet, as its print page holds it, with the stylesheets that page links and this one lacks.
 * Fetched on the first print only: a stage page does not carry a second copy of its steps, nor the sheet's styles.
 */
function loadSheet(bar: HTMLElement): Promise<HTMLElement> {
	sheet ??= fetch(bar.dataset.sheet!)
		.then((response) => {
			if (!response.ok) throw new Error(`the sheet answered ${response.status}`);
			return response.text();
		})
		.then(async (html) => {
			// The print page's inline styles and scripts are allowed by its own policy, not this page's: left out unparsed.
			const page = new DOMParser().parseFromString(html.replace(/<(style|script)\b[\s\S]*?<\/\1>/gi, ''), 'text/html');
			const styles = [...page.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')]
				.map((link) => link.getAttribute('href')!)
				.filter((href) => !document.querySelector(`link[rel="stylesheet"][href="${CSS.escape(href)}"]`))
				.map(
					(href) =>
						new Promise<void>((loaded) => {
							const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
							link.addEventListener('load', () => loaded(), { once: true });
							link.addEventListener('error', () => loaded(), { once: true });
							document.head.append(link);
						}),
				);
			const found = page.querySelector('signoff-sheet');
			if (!found) throw new Error('the print page holds no sheet');
			// On its own page the sheet's title is the page's heading; here it sits under the page's own.
			for (const h1 of found.querySelectorAll('h1')) {
				const h2 = document.createElement('h2');
				for (const { name, value } of h1.attributes) h2.setAttribute(name, value);
				h2.append(...h1.childNodes);
				h1.replaceWith(h2);
			}
			await Promise.all(styles);
			return document.importNode(found, true) as HTMLElement;
		});
	sheet.catch(() => (sheet = undefined));
	return sheet;
}

/** Prints the bar's sign-off sheet: the sheet enters the page only to print, then steps aside. */
export async function printSheet(bar: HTMLElement): Promise<void> {
	// A print still open ends first, so that its late "afterprint" cannot undo this one.
	endPrint();
	let copy: HTMLElement;
	try {
		copy = (await loadSheet(bar)).cloneNode(true) as HTMLElement;
	} catch {
		// Without the sheet (offline), the print page itself is the way to it.
		location.href = bar.dataset.sheet!;
		return;
	}
	bar.append(copy);
	document.documentElement.dataset.print = 'sheet';
	endPrint = () => {
		removeEventListener('afterprint', endPrint);
		delete document.documentElement.dataset.print;
		copy.remove();
	};
	addEventListener('afterprint', endPrint);
	print();
}
