import { registeredStates, snapshotAll } from '~/state/all';
import { applyReset, planReset } from '~/record/reset';
import { labels, type RecordHost } from './host';

/** Shows what a reset of the chosen scope would remove, and asks to confirm it. */
export function askReset(host: RecordHost): void {
	const value = host.find<HTMLSelectElement>('scope').value;
	const plan = planReset(snapshotAll(), value ? { stage: value } : 'all', host.context.stepStages, host.context.stages, labels(registeredStates()));
	host.resetPlan = plan;
	host.find('reset-summary').textContent = plan.count ? `This removes: ${plan.summary}` : plan.summary;
	for (const name of ['reset-warning', 'reset-export', 'reset-confirm']) host.find(name).hidden = plan.count === 0;
	host.find('reset-confirm').textContent = `Yes, remove ${plan.count} ${plan.count === 1 ? 'entry' : 'entries'}`;
	host.find('confirm').hidden = false;
	host.querySelector<HTMLElement>('#ur-confirm-heading')?.focus();
}

/** Removes what the confirmation showed, unless the record changed since; then it asks again. */
export function confirmReset(host: RecordHost): void {
	const shown = host.resetPlan;
	if (!shown) return;
	const fresh = planReset(snapshotAll(), shown.scope, host.context.stepStages, host.context.stages, labels(registeredStates()));
	if (JSON.stringify(fresh.keys) !== JSON.stringify(shown.keys)) {
		askReset(host);
		host.status('reset', 'Your record changed since you asked, perhaps in another tab. Check what the reset removes, then confirm again.');
		return;
	}
	const removed = applyReset(fresh);
	host.closeReset(`Reset done: ${removed} ${removed === 1 ? 'entry was' : 'entries were'} removed. ${fresh.summary}`, true);
}
