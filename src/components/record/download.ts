import { registeredStates, snapshotAll } from '~/state/all';
import { buildExport, exportFileName, exportText } from '~/record/export';
import { describeCounts } from '~/record/counts';
import { labels } from './host';

/** Downloads the whole record this page holds as one file; returns the file's name and what it holds, for people. */
export function downloadRecord(): { name: string; counts: string } {
	const now = new Date();
	const snapshot = snapshotAll();
	const doc = buildExport(snapshot, now, { url: `${location.origin}${import.meta.env.BASE_URL.replace(/\/?$/, '/')}record/` });
	const name = exportFileName(doc.site, now);
	const url = URL.createObjectURL(new Blob([exportText(doc)], { type: 'application/json' }));
	const link = Object.assign(document.createElement('a'), { href: url, download: name, hidden: true });
	document.body.append(link);
	link.click();
	link.remove();
	// Revoking at once can cancel the download in some browsers.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
	return { name, counts: describeCounts(snapshot, labels(registeredStates())).join('; ') };
}
