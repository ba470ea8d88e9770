import { clearKind, registeredStates } from '../state/all';
import { acknowledgeSetAside, writeRaw } from '../state/storage';
import { describeCounts } from './counts';

/** What a reset removes: one stage's sign-off events, or everything the playbook keeps in this browser. */
export type ResetScope = { stage: string } | 'all';

/** The keys a reset would remove, by kind, and a sentence saying what they are. */
export interface ResetPlan {
	scope: ResetScope;
	keys: Record<string, string[]>;
	count: number;
	summary: string;
}

/** A stage as the reset choice names it. */
export interface StageInfo {
	id: string;
	/** For example "2. Validation (steps 8-12)". */
	label: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What a reset would remove from a snapshot; `stepStages` maps each step id to its stage id. Nothing is removed here. */
export function planReset(
	snapshot: Record<string, Record<string, unknown>>,
	scope: ResetScope,
	stepStages: Record<string, string>,
	stages: readonly StageInfo[] = [],
	labels: Record<string, string> = {},
): ResetPlan {
	if (scope === 'all') {
		const keys = Object.fromEntries(Object.entries(snapshot).map(([name, entries]) => [name, Object.keys(entries)]));
		const count = Object.values(keys).reduce((sum, list) => sum + list.length, 0);
		const summary =
			count === 0
				? 'The playbook keeps nothing in this browser, so there is nothing to reset.'
				: `Everything the playbook keeps in this browser: ${describeCounts(snapshot, labels).join('; ')}.`;
		return { scope, keys, count, summary };
	}
	// Events are matched by the step they record, which is also the middle part of their key.
	const events = Object.entries(snapshot.signoffs ?? {}).filter(([, event]) => {
		const step = (event as { step?: unknown } | null)?.step;
		return typeof step === 'string' && Object.hasOwn(stepStages, step) && stepStages[step] === scope.stage;
	});
	const steps = new Set(events.map(([, event]) => (event as { step: string }).step));
	const name = stages.find((stage) => stage.id === scope.stage)?.label ?? scope.stage;
	const summary =
		events.length === 0
			? `Stage ${name} has no sign-off event in this browser, so there is nothing to reset.`
			: `The ${plural(events.length, 'sign-off event')} of ${plural(steps.size, 'step')} in stage ${name}. The plan, drafts and other stages stay as they are.`;
	return { scope, keys: { signoffs: events.map(([key]) => key) }, count: events.length, summary };
}

/** Removes what a planned reset names, in storage and in this tab's stores; returns how many entries went. */
export function applyReset(plan: ResetPlan): number {
	if (plan.scope === 'all') {
		const removed = registeredStates().reduce((sum, kind) => sum + clearKind(kind.name), 0);
		// Nothing is set aside any more, so the note of what was seen of it goes too.
		acknowledgeSetAside();
		return removed;
	}
	// Sign-offs are otherwise never removed; this is the one deliberate exception, confirmed by the user.
	for (const key of plan.keys.signoffs ?? []) writeRaw(key, undefined);
	return plan.keys.signoffs?.length ?? 0;
}
