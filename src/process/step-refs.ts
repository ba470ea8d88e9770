import { withBase } from '../links';

/** A run of text that either stays text or becomes a link to a step. */
export type RefPart = { text: string } | { text: string; step: number };

// "step 18", "Steps 3 and 5", "steps 3, 5 and 23", "steps 4-5", "steps 4 to 5"
const REF = /\b([Ss]teps?)\s+(\d+(?:\s*(?:,|and|or|-|–|to)\s*\d+)*)/g;

/** Splits text into plain parts and step references, so each referenced number can be linked. */
export function splitStepRefs(text: string): RefPart[] {
	const parts: RefPart[] = [];
	let last = 0;
	for (const match of text.matchAll(REF)) {
		const start = match.index;
		const numbersStart = start + match[0].length - match[2]!.length;
		if (start > last) parts.push({ text: text.slice(last, start) });
		// The word joins the first number in one link ("step 18"); later numbers link alone.
		let cursor = start;
		for (const num of match[2]!.matchAll(/\d+/g)) {
			const at = numbersStart + num.index;
			if (cursor !== start && at > cursor) parts.push({ text: text.slice(cursor, at) });
			parts.push({ text: text.slice(cursor === start ? start : at, at + num[0].length), step: Number(num[0]) });
			cursor = at + num[0].length;
		}
		last = start + match[0].length;
	}
	if (last < text.length) parts.push({ text: text.slice(last) });
	return mergeText(parts);
}

/** Joins neighbouring plain parts. */
function mergeText(parts: RefPart[]): RefPart[] {
	const out: RefPart[] = [];
	for (const part of parts) {
		const prev = out[out.length - 1];
		if (prev && !('step' in prev) && !('step' in part)) prev.text += part.text;
		else out.push({ ...part });
	}
	return out;
}

/** The address of a step on its stage page, under the site's base path (or the one given). */
export function stepHref(stageId: string, number: number, base?: string): string {
	return withBase(`/stages/${stageId}/#step-${number}`, base);
}
