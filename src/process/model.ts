import type { FlagSteps } from '../releases/flags';
import type { Role, Side, Stage, StepData, Term, TicketLink } from './schema';

/**
 * A step with whatever the caller attaches (its file and notes, or the content entry that renders them).
 * `tools` holds the step's own tools and a `ticket/<id>` for every template whose `steps:` names it.
 */
export type Step<S = unknown> = Omit<StepData, 'tools'> & { tools: string[]; source: S };

/** The whole process, in order, with the lookups every view needs. */
export interface Process<S = unknown> {
	stages: Stage[];
	roles: Role[];
	terms: Term[];
	steps: Step<S>[];
	/** The steps each kind of release flag points to. */
	flagSteps: FlagSteps;
	stage(id: string): Stage;
	role(id: string): Role;
	term(id: string): Term;
	stepsOf(stageId: string): Step<S>[];
	stepsFor(roleId: string): Step<S>[];
	sidesOf(step: { roles: string[] }): Side[];
}

/** Orders the content, gives each step its ticket links and builds lookups; assumes the content passed checkProcess. */
export function buildProcess<S>(stages: Stage[], roles: Role[], terms: Term[], steps: (StepData & { source: S })[], tickets: TicketLink[], flagSteps: FlagSteps): Process<S> {
	const orderedTickets = [...tickets].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
	const withTickets = steps.map((step): Step<S> => ({
		...step,
		tools: [...step.tools, ...orderedTickets.filter((t) => t.steps.includes(step.number)).map((t) => `ticket/${t.id}`)],
	}));
	return assemble([...stages].sort((a, b) => a.order - b.order), roles, [...terms].sort((a, b) => a.term.localeCompare(b.term)), withTickets, flagSteps);
}

/** The same process with another thing attached to each step (the content entry that renders it). */
export function mapSources<S, T>(process: Process<S>, attach: (step: Step<S>) => T): Process<T> {
	return assemble(process.stages, process.roles, process.terms, process.steps.map((step) => ({ ...step, source: attach(step) })), process.flagSteps);
}

/** The lookups over ordered content. */
function assemble<S>(stages: Stage[], roles: Role[], terms: Term[], steps: Step<S>[], flagSteps: FlagSteps): Process<S> {
	const orderedSteps = [...steps].sort((a, b) => a.number - b.number);
	const find = <T extends { id: string }>(list: T[], id: string, what: string): T => {
		const found = list.find((item) => item.id === id);
		if (!found) throw new Error(`Unknown ${what} "${id}"`);
		return found;
	};
	return {
		stages,
		roles,
		terms,
		steps: orderedSteps,
		flagSteps,
		stage: (id) => find(stages, id, 'stage'),
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
