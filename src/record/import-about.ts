import { formatTime } from '../text/time';
import type { RecordDocument } from './export';

/** The line above an import preview naming the file, when it was exported (as every time is shown) and for which site. */
export function importedFrom(fileName: string, { exportedAt, site }: Pick<RecordDocument, 'exportedAt' | 'site'>): string {
	return `${fileName}, exported ${formatTime(exportedAt)}${site ? ` for the site “${site}”` : ''}.`;
}
