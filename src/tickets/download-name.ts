/** The ticket generator's file names, apart from the form helpers so that only the on-demand Download code loads this. */

/** The file name a downloaded ticket gets: template id, site and the day, such as `val-request-northfield-2025-06-02.txt`. */
export function downloadName(templateId: string, site: string, day: Date): string {
	const slug = site
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.slice(0, 40)
		.replace(/^-+|-+$/g, '');
	// The local day: shifting by the time-zone offset lets toISOString print it.
	const date = new Date(day.getTime() - day.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
	return `${[templateId, slug, date].filter(Boolean).join('-')}.txt`;
}
