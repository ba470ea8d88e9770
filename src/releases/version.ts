/**
 * ClinSpark version numbers.
 *
 * Accepted forms: `YY.N` (23.3), `YY.N.H` hotfixes (22.1.1) and the older
 * `1.x[.y]` numbering (1.4.0, 1.5, 1.5.5). In general: two or more dot-separated
 * whole numbers, surrounding spaces ignored.
 *
 * Choices a reader should know:
 * - A leading "v" (v23.3) is refused with a hint, so that one spelling is used
 *   in file names, links and tickets.
 * - Leading zeros (22.01) are refused for the same reason; a lone 0 is fine (1.4.0).
 * - Missing segments count as zero when comparing, so 1.5 and 1.5.0 are the same
 *   version. The docs write that release both ways.
 */

/** A parsed version: its numeric segments exactly as written (at least two). */
export type Version = { readonly segments: readonly number[] };

/** How a version is numbered: the older 1.x scheme, a yearly YY.N release or a YY.N.H hotfix. */
export type VersionScheme = 'legacy' | 'yearly' | 'hotfix';

/** The forms named in messages, so every message teaches the same thing. */
export const VERSION_FORMS = 'YY.N (such as 23.3), YY.N.H for a hotfix (such as 22.1.1) or the older 1.x numbering (such as 1.5.5)';

/**
 * Below this first segment a version belongs to the older numbering. Yearly
 * releases start with a two-digit planning year (22 = 2022), and the older
 * numbering never got past 1.x, so any cut-off between them works; 20 keeps
 * room for a 20.x or 21.x that the public pages do not name.
 */
export const FIRST_YEARLY_SEGMENT = 20;

// Keeps every segment a safe integer, with room to spare.
const MAX_SEGMENT_DIGITS = 6;
// No numbering has used more than five parts; a longer text is a slip or a crafted link, never saved to the plan.
const MAX_PARTS = 8;

/** Parses a typed version such as " 23.3 " or "22.1.1"; undefined when it is not a valid version. */
export function parseVersion(text: string): Version | undefined {
	return versionError(text) === undefined ? { segments: text.trim().split('.').map(Number) } : undefined;
}

/** Says why a typed version is not valid, in words for the person who typed it; undefined when it is valid. */
export function versionError(text: string): string | undefined {
	const trimmed = text.trim();
	if (trimmed === '') return `Enter a version number: ${VERSION_FORMS}.`;
	if (/^[vV]\d/.test(trimmed)) {
		return `Leave out the leading "v": write ${trimmed.slice(1)}, not ${trimmed}.`;
	}
	if (trimmed.startsWith('-')) return `"${trimmed}" is negative; version numbers are never negative.`;
	if (!/^[\d.]+$/.test(trimmed)) {
		return `"${trimmed}" contains characters other than digits and dots. Expected ${VERSION_FORMS}.`;
	}
	const parts = trimmed.split('.');
	if (parts.length > MAX_PARTS) {
		return `"${trimmed.slice(0, 24)}…" has ${parts.length} parts; a version has at most ${MAX_PARTS}. Expected ${VERSION_FORMS}.`;
	}
	if (parts.some((part) => part === '')) {
		return `"${trimmed}" has an empty part; put a number on both sides of every dot. Expected ${VERSION_FORMS}.`;
	}
	if (parts.length < 2) {
		return `"${trimmed}" has only one part; a version has at least two, such as ${trimmed}.1. Expected ${VERSION_FORMS}.`;
	}
	if (parts.some((part) => part.length > 1 && part.startsWith('0'))) {
		const fixed = parts.map((part) => String(Number(part))).join('.');
		return `Write "${trimmed}" without leading zeros: ${fixed}.`;
	}
	if (parts.some((part) => part.length > MAX_SEGMENT_DIGITS)) {
		return `"${trimmed}" has a part longer than ${MAX_SEGMENT_DIGITS} digits. Expected ${VERSION_FORMS}.`;
	}
	return undefined;
}

/** Orders two versions segment by segment (2.9 < 2.10, 22.1 < 22.1.1 < 22.2); negative, zero or positive like a sort comparator. */
export function compareVersions(a: Version, b: Version): number {
	const length = Math.max(a.segments.length, b.segments.length);
	for (let i = 0; i < length; i++) {
		const difference = (a.segments[i] ?? 0) - (b.segments[i] ?? 0);
		if (difference !== 0) return Math.sign(difference);
	}
	return 0;
}

/** True when two versions are the same release, such as 1.5 and 1.5.0. */
export function sameVersion(a: Version, b: Version): boolean {
	return compareVersions(a, b) === 0;
}

/** Writes a version back as text, segments as given (1.5.0 stays 1.5.0). */
export function formatVersion(version: Version): string {
	return version.segments.join('.');
}

/** Rewrites valid typed text in its one accepted spelling (" 23.3 " → "23.3"); undefined when not valid. */
export function normalizeVersionText(text: string): string | undefined {
	const version = parseVersion(text);
	return version === undefined ? undefined : formatVersion(version);
}

/** Tells which numbering a version uses: 'legacy' below 20.x, 'hotfix' when a non-zero part follows YY.N, else 'yearly'. */
export function versionScheme(version: Version): VersionScheme {
	if ((version.segments[0] ?? 0) < FIRST_YEARLY_SEGMENT) return 'legacy';
	return version.segments.slice(2).some((segment) => segment !== 0) ? 'hotfix' : 'yearly';
}

/** The YY.N release a yearly or hotfix version belongs to (22.1.1 → year 22, sequence 1); undefined for the older numbering. */
export function yearlyRelease(version: Version): { year: number; sequence: number } | undefined {
	if (versionScheme(version) === 'legacy') return undefined;
	const [year = 0, sequence = 0] = version.segments;
	return { year, sequence };
}
