import { registeredStates, snapshotAll } from '~/state/all';
import { buildExport, exportFileName, exportText } from '~/record/export';
import { describeCounts } from '~/record/counts';
import { labels, type RecordHost, type Where } from './host';

/** Downloads the whole record as one file and says so where it was asked for. */
export function exportRecord(host: RecordHost, where: Where): void {
	const now = new Date();
	const snapshot = snapshotAll();
	const doc = buildExport(snapshot, now, { url: location.origin + location.pathname });
	const name = exportFileName(doc.site, now);
	const url = URL.createObjectURL(new Blob([exportText(doc)], { type: 'application/json' }));
	const link = Object.assign(document.createElement('a'), { href: url, download: name, hidden: true });
	document.body.append(link);
	link.click();
	link.remove();
	// Revoking at once can cancel the download in some browsers.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
	host.alert('');
	host.status(where, `Exported ${name}: ${describeCounts(snapshot, labels(registeredStates())).join('; ')}. Keep it with the validation file.`);
}
