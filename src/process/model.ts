import type { Role, Side, Stage, StepData, Term } from './schema';

/** A step with whatever the caller attaches (the content entry, for rendering its notes). */
export type Step<S = unknown> = StepData & { source: S };

/** The whole process, in order, with the lookups every view needs. */
export interface Process<S = unknown> {
	stages: Stage[];
	roles: Role[];
	terms: Term[];
	steps: Step<S>[];
	stage(id: string): Stage;
	role(id: string): Role;
	term(id: string): Term;
	stepsOf(stageId: string): Step<S>[];
	stepsFor(roleId: string): Step<S>[];
	sidesOf(step: StepData): Side[];
}

/** Orders the content and builds lookups; assumes the content passed checkProcess. */
export function buildProcess<S>(stages: Stage[], roles: Role[], terms: Term[], steps: Step<S>[]): Process<S> {
	const orderedStages = [...stages].sort((a, b) => a.order - b.order);
	const orderedSteps = [...steps].sort((a, b) => a.number - b.number);
	const find = <T extends { id: string }>(list: T[], id: string, what: string): T => {
		const found = list.find((item) => item.id === id);
		if (!found) throw new Error(`Unknown ${what} "${id}"`);
		return found;
	};
	return {
		stages: orderedStages,
		roles,
		terms: [...terms].sort((a, b) => a.term.localeCompare(b.term)),
		steps: orderedSteps,
		stage: (id) => find(orderedStages, id, 'stage'),
		role: (id) => find(roles, id, 'role'),
		term: (id) => find(terms, id, 'glossary term'),
		stepsOf: (stageId) => orderedSteps.filter((s) => s.stage === stageId),
		stepsFor: (roleId) => orderedSteps.filter((s) => s.roles.includes(roleId)),
		sidesOf: (step) => [...new Set(step.roles.map((id) => find(roles, id, 'role').side))],
	};
}

/** "1-7": the range of step numbers a list of steps covers. */
export function stepRange(steps: { number: number }[]): string {
	if (steps.length === 0) return '';
	const first = steps[0]!.number;
	const last = steps[steps.length - 1]!.number;
	return first === last ? String(first) : `${first}-${last}`;
}
