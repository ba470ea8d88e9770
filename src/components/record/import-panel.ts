import { registeredStates, snapshotAll } from '~/state/all';
import { $storageStatus } from '~/state/storage';
import { describeCounts } from '~/record/counts';
import { applyImport, parseImport, planImport, refusalText, sizeRefusal, type ImportMode, type ImportPlan, type ImportSection } from '~/record/import';
import { importedFrom } from '~/record/import-about';
import { el, labels, type RecordHost } from './host';

const MODES: ImportMode[] = ['merge', 'replace'];

/** Reads the chosen file and shows what merging it or letting it replace the record would change. */
export async function readFile(host: RecordHost, file: File): Promise<void> {
	let result;
	try {
		result = sizeRefusal(file.size) ?? parseImport(await file.text());
	} catch {
		result = { ok: false as const, message: 'The file could not be read. Choose it again. Your record was not changed.' };
	}
	if (!result.ok) return host.refuse(`${file.name}: ${result.message}`);
	host.document = result.document;
	const all = plans(host);
	if (all.merge.refused.length) return host.refuse(`${file.name}: ${refusalText(all.merge.refused)}`);
	host.find('about').textContent = importedFrom(file.name, result.document);
	render(host, all);
	host.find('preview').hidden = false;
	host.querySelector<HTMLElement>('#ur-preview-heading')?.focus();
}

function plans(host: RecordHost): Record<ImportMode, ImportPlan> {
	const current = snapshotAll();
	const context = { kinds: registeredStates(), steps: host.context.steps, drafts: host.context.drafts };
	const plan = (mode: ImportMode) => planImport(current, host.document!, mode, context);
	return { merge: plan('merge'), replace: plan('replace') };
}

function render(host: RecordHost, all: Record<ImportMode, ImportPlan>): void {
	for (const mode of MODES) {
		const plan = all[mode];
		host.shown[mode] = JSON.stringify(plan.sections);
		const box = host.find(`${mode}-changes`);
		box.replaceChildren(...(plan.changes === 0 ? [el('p', 'Nothing would change: your record already holds all of it.')] : plan.sections.flatMap(section)));
		host.find(mode).hidden = plan.changes === 0;
	}
}

/** Merges the previewed file or lets it replace the record, if the record is still as it was when previewed. */
export function applyFile(host: RecordHost, mode: ImportMode): void {
	const all = plans(host);
	// The record may have changed in another tab since the preview: what is applied must be what was shown.
	if (MODES.some((m) => JSON.stringify(all[m].sections) !== host.shown[m])) {
		render(host, all);
		host.status('import', 'Your record changed since the preview was shown, perhaps in another tab. Check the preview again, then choose.', true);
		return;
	}
	const result = applyImport(all[mode]);
	if (!result.ok) return host.refuse(result.message);
	const done = mode === 'merge' ? 'The file was merged into your record' : 'Your record was replaced by the file';
	// Storage that filled up on the way leaves the record in this tab only; the warning above says so, this points to it.
	const kept = $storageStatus.get().kind === 'ok' ? '' : ' This browser could not save it, see the warning above: export it now.';
	const holds = describeCounts(snapshotAll(), labels(registeredStates())).join('; ');
	host.closePreview(`${done}: ${result.written} ${result.written === 1 ? 'item' : 'items'} saved. It now holds ${holds}.${kept}`, true);
}

function section({ heading, items }: ImportSection): HTMLElement[] {
	const list = el('ul');
	list.append(...items.map((item) => el('li', item)));
	return [el('h6', heading), list];
}
