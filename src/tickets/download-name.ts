import { fileSlug, localDay } from '../text/file-name';
import type { WrittenTicket } from './body';

/** The ticket generator's downloads, apart from the form helpers so that only the on-demand Download code loads this. */

/** The text a download holds: the subject line and the body for a new ticket, the ticket reference and the body for an update. */
export function ticketFile(written: WrittenTicket): string | undefined {
	if (written.blocked) return undefined;
	return `${written.kind === 'new' ? 'Subject' : 'Ticket'}: ${written.head}\n\n${written.body}`;
}

/** The file name a downloaded ticket gets: template id, site and the day, such as `val-request-northfield-2025-06-02.txt`. */
export function downloadName(templateId: string, site: string, day: Date): string {
	return `${[templateId, fileSlug(site), localDay(day)].filter(Boolean).join('-')}.txt`;
}
