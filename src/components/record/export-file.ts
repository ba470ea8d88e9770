import { downloadRecord } from './download';
import type { RecordHost, Where } from './host';

/** Downloads the whole record as one file and says so where it was asked for. */
export function exportRecord(host: RecordHost, where: Where): void {
	const { name, counts } = downloadRecord();
	host.alert('');
	host.status(where, `Exported ${name}: ${counts}. Keep it with the validation file.`);
}
