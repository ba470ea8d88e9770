import { fingerprintText } from '~/state/fingerprint';

// A stage's texts come in one small file, asked for once per page, when someone first signs or a step needs a re-check.
const files = new Map<string, Promise<Record<string, string>>>();

/** The text a step of the page is signed against, checked against the fingerprint the page was built with. */
export async function stepText(host: HTMLElement): Promise<string> {
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
	if (text === undefined || fingerprintText(text) !== host.dataset.fingerprint) throw new Error('stale');
	return text;
}
