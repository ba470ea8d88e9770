import { setSignerName } from '~/state/signer';

/** Asks who is signing (the bar's dialog) and remembers it for this browser; '' when cancelled; focus returns to `from`. */
export function askSignerName(from: HTMLElement): Promise<string> {
	const dialog = document.querySelector<HTMLDialogElement>('dialog.signer-dialog');
	if (!dialog) return Promise.resolve('');
	const input = dialog.querySelector('input')!;
	input.value = '';
	dialog.returnValue = '';
	dialog.showModal();
	return new Promise((resolve) => {
		dialog.addEventListener(
			'close',
			() => {
				const name = dialog.returnValue === 'sign' ? input.value.trim() : '';
				if (name) setSignerName(name);
				from.focus();
				resolve(name);
			},
			{ once: true },
		);
	});
}
