/** A plan date (YYYY-MM-DD) as a calendar date in words; the day itself, whatever the reader's time zone. */
export function formatPlanDate(date: string, locale?: string): string {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
	return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
