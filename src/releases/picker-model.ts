/**
 * DOM-free pieces of the release picker: what it says and links, kept here so
 * they can be unit-tested and so the component's script only moves elements.
 */
import { splitStepRefs, stepHref } from '../process/step-refs';
import { CHECK_PORTAL, type Gap } from './range';
import type { Release } from './schema';
import { parseRangeQuery } from './url';
import { compareVersions, formatVersion, parseVersion, sameVersion, type Version } from './version';

/** A run of text, linked when it has an address. */
export type TextPart = { text: string; href?: string };

/** Where a version not in the catalogue falls: the nearest catalogue versions before and after it. */
export function placeVersion(catalogue: readonly Pick<Release, 'version'>[], version: Version): { previous?: string; next?: string } {
	let previous: Version | undefined;
	let next: Version | undefined;
	for (const release of catalogue) {
		const known = parseVersion(release.version);
		if (known === undefined) continue;
		const order = compareVersions(known, version);
		if (order < 0 && (previous === undefined || compareVersions(known, previous) > 0)) previous = known;
		if (order > 0 && (next === undefined || compareVersions(known, next) < 0)) next = known;
	}
	return { ...(previous && { previous: formatVersion(previous) }), ...(next && { next: formatVersion(next) }) };
}

/** Says where a typed version that is not in the catalogue falls; undefined when it is in the catalogue or not a valid version. */
export function placementText(catalogue: readonly Pick<Release, 'version'>[], text: string): string | undefined {
	const version = parseVersion(text);
	if (version === undefined) return undefined;
	if (catalogue.some((release) => { const known = parseVersion(release.version); return known !== undefined && sameVersion(known, version); })) return undefined;
	const name = formatVersion(version);
	const { previous, next } = placeVersion(catalogue, version);
	const where =
		previous !== undefined && next !== undefined
			? `it falls between ${previous} and ${next}`
			: previous !== undefined
				? `it comes after ${previous}, the newest release the catalogue holds`
				: next !== undefined
					? `it comes before ${next}, the oldest release the catalogue holds`
					: 'the catalogue is empty';
	return `${name} is not in the catalogue; ${where}.`;
}

/** Splits a sentence so each "step N" links to that step; numbers whose stage is unknown stay plain text. */
export function stepLinkParts(text: string, stageOf: (step: number) => string | undefined): TextPart[] {
	return splitStepRefs(text).map((part) => {
		const stage = 'step' in part ? stageOf(part.step) : undefined;
		return stage === undefined || !('step' in part) ? { text: part.text } : { text: part.text, href: stepHref(stage, part.step) };
	});
}

// Stops at spaces and never ends on sentence punctuation; a closing bracket is judged below.
const URL_PATTERN = /https?:\/\/[^\s<>"]*[^\s<>".,;:!?\]'’]/g;

/** Splits plain text so every http(s) address in it becomes a link; nothing else is ever linked, so no markup can get in. */
export function urlParts(text: string): TextPart[] {
	const parts: TextPart[] = [];
	let last = 0;
	for (const match of text.matchAll(URL_PATTERN)) {
		let url = match[0];
		// A closing bracket belongs to the address only when the address opened one: (…/Foo_(bar)).
		while (url.endsWith(')') && count(url, '(') < count(url, ')')) url = url.slice(0, -1);
		if (match.index > last) parts.push({ text: text.slice(last, match.index) });
		parts.push({ text: url, href: url });
		last = match.index + url.length;
	}
	if (last < text.length) parts.push({ text: text.slice(last) });
	return parts;
}

function count(text: string, char: string): number {
	return text.split(char).length - 1;
}

/** A gap's reason without the closing portal instruction, which the picker says once for all gaps. */
export function gapText(gap: Gap): string {
	return gap.reason.replace(CHECK_PORTAL, '').trim();
}

/** Where the picker's first range comes from: the page address when it names a version, else the upgrade plan. */
export type StartingRange = { from: string; to: string; source: 'address' | 'plan' | 'none'; errors: string[] };

/**
 * Chooses the versions the picker starts with. A link's range wins over the plan, so a shared
 * link shows exactly what was sent; a bad version from the link is kept as typed, so the field
 * shows it with its error, and the errors name the parameter.
 */
export function startingRange(search: string, plan: { currentVersion: string; targetVersion: string }): StartingRange {
	const params = new URLSearchParams(search);
	const raw = { from: params.get('from')?.trim() ?? '', to: params.get('to')?.trim() ?? '' };
	if (raw.from !== '' || raw.to !== '') {
		const parsed = parseRangeQuery(search);
		return { from: parsed.from ?? raw.from, to: parsed.to ?? raw.to, source: 'address', errors: parsed.errors };
	}
	const from = plan.currentVersion.trim();
	const to = plan.targetVersion.trim();
	return { from, to, source: from !== '' || to !== '' ? 'plan' : 'none', errors: [] };
}
