/**
 * The compact catalogue index the release picker loads in the browser.
 *
 * It carries only what the picker shows and copies (version, date, title,
 * summary, stated flags, source), not topics or notes, which stay on each
 * release's own page. Reading it back needs no zod, so the picker stays small.
 */
import { FLAG_KEYS, type FlagKey } from './flags';
import { stripCitations } from '../sources/citations';
import type { Release } from './schema';
import { compareVersions, parseVersion } from './version';
import { withBase } from '../links';

/** One release in the index; flags hold only the stated ones, so the index stays small. */
export type IndexEntry = Pick<Release, 'version' | 'title' | 'summary' | 'source_url'> &
	Partial<Pick<Release, 'date' | 'date_note' | 'last_in_year'>> & { flags?: Partial<Record<FlagKey, string>> };

/** The index file: a format number, then the releases oldest first. */
export type CatalogueIndex = { v: 1; releases: IndexEntry[] };

/** Sorts releases oldest first by version; releases with an unreadable version go last, in their given order. */
export function sortReleases<R extends { version: string }>(releases: readonly R[]): R[] {
	const key = (release: R) => parseVersion(release.version);
	return [...releases].sort((a, b) => {
		const va = key(a);
		const vb = key(b);
		if (va === undefined || vb === undefined) return Number(va === undefined) - Number(vb === undefined);
		return compareVersions(va, vb);
	});
}

/** Builds the index of a catalogue, oldest first, dropping everything the picker does not show. */
export function toCatalogueIndex(releases: readonly Release[]): CatalogueIndex {
	return {
		v: 1,
		releases: sortReleases(releases).map((release) => {
			const entry: IndexEntry = { version: release.version, title: release.title, summary: release.summary, source_url: release.source_url };
			if (release.date !== undefined) entry.date = release.date;
			if (release.date_note !== undefined) entry.date_note = release.date_note;
			if (release.last_in_year === true) entry.last_in_year = true;
			const stated = FLAG_KEYS.filter((key) => release.flags[key] !== null);
			// The picker shows the statement; its source is on the release's own page.
			if (stated.length > 0) entry.flags = Object.fromEntries(stated.map((key) => [key, stripCitations(release.flags[key]!)]));
			return entry;
		}),
	};
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/**
 * Reads an index back into releases that range.ts and reading-list.ts accept.
 * Topics and notes are not in the index, so they come back empty; neither
 * function reads them. Entries that are not well formed are skipped, so a
 * damaged file shows fewer releases rather than breaking the picker.
 */
export function readCatalogueIndex(data: unknown): Release[] {
	const list = (data as { releases?: unknown } | null)?.releases;
	if (!Array.isArray(list)) return [];
	const releases: Release[] = [];
	for (const item of list as Record<string, unknown>[]) {
		if (item === null || typeof item !== 'object') continue;
		const { version, title, summary, source_url, date, date_note, last_in_year } = item;
		if (!isText(version) || parseVersion(version) === undefined || !isText(title) || !isText(summary) || !isText(source_url)) continue;
		const stated = (item.flags ?? {}) as Record<string, unknown>;
		const flags = Object.fromEntries(FLAG_KEYS.map((key) => [key, isText(stated[key]) ? stated[key] : null])) as Release['flags'];
		const release: Release = { version, title, summary, source_url, topics: [], flags, notes: '' };
		if (isText(date)) release.date = date;
		if (isText(date_note)) release.date_note = date_note;
		if (last_in_year === true) release.last_in_year = true;
		releases.push(release);
	}
	return releases;
}

/** The heading a release is known by: "ClinSpark 23.3", with its title added when the title says more. */
export function releaseHeading(release: Pick<Release, 'version' | 'title'>): string {
	const name = `ClinSpark ${release.version}`;
	return release.title === name ? name : `${name}: ${release.title}`;
}

/** The address of a release's own page. */
export function releaseHref(version: string): string {
	return withBase(`/releases/${version}/`);
}
