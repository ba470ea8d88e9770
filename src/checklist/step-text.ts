import { fingerprintText } from '../state/fingerprint';
import { stripCitations } from '../sources/citations';

/** What a sign-off attests to: the step's words as the page shows them. */
export interface SignableStep {
	title: string;
	activity: string;
	/** The step's notes, as Markdown. */
	notes?: string;
}

// Kept apart from the search index's own Markdown flattener on purpose: any change here changes
// every step's fingerprint and would flag every signed step for re-checking.
const inline = (text: string) =>
	text
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]+>/g, '')
		.replace(/(\*\*|__)(.+?)\1/g, '$2')
		.replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
		.replace(/`([^`]+)`/g, '$1')
		.replace(/\s+/g, ' ')
		.trim();

/** The notes of a step as plain text, one line per paragraph or list item, so a before/after display stays readable. */
export function notesToText(markdown: string): string {
	const lines: string[] = [];
	let current: string[] = [];
	const flush = () => {
		const text = inline(current.join(' '));
		if (text) lines.push(text);
		current = [];
	};
	// Citation markers say where a statement comes from; adding one does not change what a signer attested to.
	for (const raw of stripCitations(markdown).replace(/\r\n?/g, '\n').split('\n')) {
		if (/^\s*(```|~~~)/.test(raw)) continue;
		if (raw.trim() === '') {
			flush();
			continue;
		}
		const item = /^\s{0,3}([-*+]|\d+[.)])\s+(.*)$/.exec(raw);
		const heading = /^\s{0,3}(#{1,6}|>)\s?(.*)$/.exec(raw);
		if (item) {
			flush();
			current.push(`- ${item[2]}`);
		} else if (heading) {
			flush();
			current.push(heading[2]!);
			flush();
		} else current.push(raw);
	}
	flush();
	return lines.join('\n');
}

/** The text a sign-off records for a step: title, activity and notes in plain text, one part a line. */
export function signableText(step: SignableStep): string {
	return [step.title.trim(), step.activity.replace(/\s+/g, ' ').trim(), notesToText(step.notes ?? '')].filter(Boolean).join('\n');
}

/** The fingerprint of a step's text, computed at build time so that pages never hash Markdown. */
export function stepFingerprint(step: SignableStep): string {
	return fingerprintText(signableText(step));
}

/** The signable text of each step, by id: what a stage's sign-offs record, sent apart from the page that shows the steps. */
export function stageTexts(steps: readonly (SignableStep & { id: string })[]): Record<string, string> {
	return Object.fromEntries(steps.map((step) => [step.id, signableText(step)]));
}
