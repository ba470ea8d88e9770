/**
 * What the ticket generator's Copy and Download buttons do. The form loads this only
 * when the reader heads for the buttons, so the page's first load carries just the
 * form and the live ticket text.
 */
import { downloadName } from '~/tickets/download-name';

/** Puts text on the clipboard; where the browser refuses, selects it in `preview` instead. Returns which of the two happened. */
export async function copyText(text: string, preview: HTMLElement): Promise<'copied' | 'refused'> {
	try {
		await navigator.clipboard.writeText(text);
		return 'copied';
	} catch {
		preview.focus();
		getSelection()!.selectAllChildren(preview);
		return 'refused';
	}
}

/** Saves text as a plain-text file named after the template, the site and the day; returns the file name. */
export function downloadText(text: string, templateId: string, site: string): string {
	const link = document.createElement('a');
	link.href = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
	link.download = downloadName(templateId, site, new Date());
	// Some browsers only follow a download link that is in the document.
	document.body.append(link);
	link.click();
	link.remove();
	// The browser has taken the file once the click is handled; the address can go after that.
	setTimeout(() => URL.revokeObjectURL(link.href), 1000);
	return link.download;
}
