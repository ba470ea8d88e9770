import './signoff-sheet';
import { ref } from './dom';

let endPrint = () => {};

/** Prints the sheet for the click that loaded this code, then takes over the button: later prints start with the click itself. */
export function printFirst(bar: HTMLElement): void {
	ref(bar, 'print').addEventListener('click', () => printSheet(bar));
	printSheet(bar);
}

/** Prints the bar's sign-off sheet: the sheet enters the page only to print, then steps aside. */
export function printSheet(bar: HTMLElement): void {
	// A print still open ends first, so that its late "afterprint" cannot undo this one.
	endPrint();
	const sheet = ref<HTMLTemplateElement>(bar, 'sheet').content.firstElementChild!.cloneNode(true) as HTMLElement;
	bar.append(sheet);
	document.documentElement.dataset.print = 'sheet';
	endPrint = () => {
		removeEventListener('afterprint', endPrint);
		delete document.documentElement.dataset.print;
		sheet.remove();
	};
	addEventListener('afterprint', endPrint);
	print();
}
