import { fileSlug, localDay } from '../text/file-name';

/** Names the JSON files of upgrade records, so no other JSON file is taken for one. */
export const RECORD_FORMAT = 'clinspark-upgrade-playbook/record';
/** The record format this page writes (2: sign-offs as events of format 2); it reads format 1 too. A higher number comes from a newer playbook. */
export const RECORD_VERSION = 2;

/** An exported upgrade record: every kind of state, by kind name then stored key, as plain data. */
export interface RecordDocument {
	format: typeof RECORD_FORMAT;
	version: number;
	/** When the export was made (ISO 8601). */
	exportedAt: string;
	/** The site named in the upgrade plan, '' if none. */
	site: string;
	/** The address of the page that made the file, for whoever finds it in an archive later. */
	exportedFrom?: string;
	kinds: Record<string, Record<string, unknown>>;
}

/** What the page tells an export about itself. */
export interface AppInfo {
	/** The address of the record page. */
	url?: string;
}

const SITE_KEY = 'cup:plan:site';

/** The site named in a snapshot's plan, '' when the plan names none. */
export function siteOf(snapshot: Record<string, Record<string, unknown>>): string {
	const site = snapshot.plan?.[SITE_KEY];
	return typeof site === 'string' ? site.trim() : '';
}

// Keys in order make two exports of the same record the same text, so archived files compare line by line.
const sorted = (entries: Record<string, unknown>) =>
	Object.fromEntries(Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The export document of a snapshot (as `snapshotAll` gives it), stamped with the time. */
export function buildExport(
	snapshot: Record<string, Record<string, unknown>>,
	now: Date,
	appInfo: AppInfo = {},
): RecordDocument {
	return {
		format: RECORD_FORMAT,
		version: RECORD_VERSION,
		exportedAt: now.toISOString(),
		site: siteOf(snapshot),
		...(appInfo.url ? { exportedFrom: appInfo.url } : {}),
		kinds: Object.fromEntries(Object.entries(snapshot).map(([name, entries]) => [name, sorted(entries)])),
	};
}

/** The document as the text of the file: indented, so it can be read in any editor. */
export function exportText(document: RecordDocument): string {
	return `${JSON.stringify(document, null, 2)}\n`;
}

/** A file name such as `upgrade-record-acme-2026-11-25.json`: the site reduced to safe characters, and the local date. */
export function exportFileName(site: string, date: Date): string {
	const slug = fileSlug(site);
	return `upgrade-record-${slug ? `${slug}-` : ''}${localDay(date)}.json`;
}

// The counts are shown as the record page loads, before any export is asked for; they live apart so the page
// downloads the export itself only when it is used.
export { describeCounts } from './counts';
