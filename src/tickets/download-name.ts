import { fileSlug, localDay } from '../text/file-name';

/** The ticket generator's file names, apart from the form helpers so that only the on-demand Download code loads this. */

/** The file name a downloaded ticket gets: template id, site and the day, such as `val-request-northfield-2025-06-02.txt`. */
export function downloadName(templateId: string, site: string, day: Date): string {
	return `${[templateId, fileSlug(site), localDay(day)].filter(Boolean).join('-')}.txt`;
}
