import { fingerprintText } from '~/state/fingerprint';

// A sign-off records the step's text as step-text.ts makes it from the Markdown. The page already shows that text, so it
// is read from there; the stage's texts file is asked for only when the page's reading does not give the very text
// the page's fingerprint was made from (a Markdown form this reading does not know), so no step is signed wrongly.
const files = new Map<string, Promise<Record<string, string>>>();

/** An element's words as one line: citation markers out, spacing collapsed, the typographic quotes back to plain ones. */
function line(el: Element): string {
	const copy = el.cloneNode(true) as Element;
	copy.querySelectorAll('a.cite').forEach((cite) => cite.remove());
	return (copy.textContent ?? '').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

/** The step's title, activity and notes as the page shows them, one part or paragraph or list item a line. */
export function textOnPage(section: Element): string {
	const lines = [section.querySelector('.step-title'), section.querySelector('.step-activity')].map((el) => (el ? line(el) : ''));
	for (const block of section.querySelector('.step-notes')?.children ?? []) {
		if (block.classList.contains('compiled-note')) continue;
		if (block.tagName === 'UL' || block.tagName === 'OL') lines.push(...[...block.children].map((item) => `- ${line(item)}`));
		else if (block.tagName === 'BLOCKQUOTE') lines.push(...[...block.children].map(line));
		else lines.push(line(block));
	}
	return lines.filter(Boolean).join('\n');
}

/** The text a step of the page is signed against, checked against the fingerprint the page was built with. */
export async function stepText(host: HTMLElement): Promise<string> {
	const fingerprint = host.dataset.fingerprint!;
	const section = host.closest('section.step');
	const shown = section ? textOnPage(section) : '';
	if (shown && fingerprintText(shown) === fingerprint) return shown;
	const url = host.dataset.texts!;
	let file = files.get(url);
	if (!file) {
		file = fetch(url).then((response) => {
			if (!response.ok) throw new Error(`the step texts answered ${response.status}`);
			return response.json() as Promise<Record<string, string>>;
		});
		// A failed fetch is asked again next time, not remembered.
		file.catch(() => files.delete(url));
		files.set(url, file);
	}
	const text = (await file)[host.dataset.step!];
	// A page older than the site it asks (a new version published since it was opened) would record a text it never showed.
	if (text === undefined || fingerprintText(text) !== fingerprint) throw new Error('stale');
	return text;
}
