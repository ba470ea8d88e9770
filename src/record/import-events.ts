import { isRecord } from '../state/codec';
import { isIsoInstant, isReported, isV1Shape } from '../state/events';
import { SIDE_NAMES } from '../checklist/signoff-text';
import { fingerprintText } from '../state/fingerprint';
import { formatTime } from '../text/time';

// Sign-off events in a file are vetted as strictly as the page vets a sign-off, and a file never rewrites one.

/** The verdict on one event of a file: refused (with why), flagged for the preview, or fine. */
export interface EventCheck {
	refusal?: string;
	flag?: string;
}

/** Checks an event of a file beyond its shape: a signer, a real ISO 8601 time with a zone, not in the future, a fingerprint that matches its text. */
export function checkImportedEvent(key: string, value: unknown, now: Date): EventCheck {
	if (!isRecord(value)) return {};
	const { by, at, fingerprint, text } = value;
	const where = `Sign-offs, "${key}"`;
	if (typeof by !== 'string' || by.trim() === '') return { refusal: `${where}: it names no signer.` };
	if (!isIsoInstant(at)) {
		return { refusal: `${where}: its time ${JSON.stringify(at)} is not an ISO 8601 date and time with a zone (such as 2025-03-14T09:00:00Z), or no such day exists.` };
	}
	if (typeof text === 'string' && typeof fingerprint === 'string' && fingerprintText(text) !== fingerprint) {
		return { refusal: `${where}: its fingerprint does not match the text it says was signed, so the text or the fingerprint was changed after signing.` };
	}
	if (Date.parse(at) > now.getTime() + 5 * 60_000) {
		return { flag: `${eventSummary(value)} is dated in the future (${formatTime(at)}). It is imported as recorded; it cannot outweigh a later action in this browser, as the order of actions, not the clock, decides.` };
	}
	return {};
}

/** Finds keys written twice in one object of a JSON text, which JSON.parse would silently reduce to the last. */
export function duplicateKeys(text: string): string[] {
	const found = new Set<string>();
	const stack: (Set<string> | null)[] = [];
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (ch === '{') stack.push(new Set());
		else if (ch === '[') stack.push(null);
		else if (ch === '}' || ch === ']') stack.pop();
		else if (ch === '"') {
			let end = i + 1;
			while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
			const token = text.slice(i, end + 1);
			i = end;
			let next = i + 1;
			while (/\s/.test(text[next] ?? '')) next++;
			const keys = stack[stack.length - 1];
			if (text[next] === ':' && keys) {
				let key: string;
				try {
					key = JSON.parse(token) as string;
				} catch {
					continue;
				}
				if (keys.has(key)) found.add(key);
				keys.add(key);
			}
		}
	}
	return [...found];
}

/** "signed by Dana Reyes, Customer (approved), 2025-03-14 10:00 (UTC+01:00) · 09:00 UTC", for a preview line. */
export function eventSummary(value: unknown): string {
	if (!isRecord(value)) return 'an unreadable event';
	const kind = isV1Shape(value) ? (value.done ? 'signed' : 'unticked') : String(value.kind ?? 'event');
	const role = typeof value.role === 'string' ? `, ${value.role}` : '';
	const meaning = typeof value.meaning === 'string' ? ` (${value.meaning})` : '';
	const at = typeof value.at === 'string' ? `, ${formatTime(value.at)}` : '';
	// A sign-off recorded from the other side's report must not read as signed by the person who recorded it.
	if (isReported(value.reported)) return `done as reported by ${SIDE_NAMES[value.reported.by]} in the ticket at ${formatTime(value.reported.at)}, recorded by ${String(value.by)}${role}${at}`;
	return `${kind.replace('-', ' ')} by ${String(value.by)}${role}${meaning}${at}`;
}

/** The id under which an incoming event that conflicts with this browser's event of the same id is kept: the same file gives the same id. */
export function conflictId(id: string, canonical: string): string {
	return `${id}.i${fingerprintText(canonical)}`;
}
