import type { Process } from '../process/model';
import { stepRange } from '../process/model';
import { stepHref } from '../process/step-refs';

/** One step in a lane: its number, title and address on its stage page; `shared` when other roles share it. */
export interface LaneStep {
	number: number;
	title: string;
	href: string;
	shared: boolean;
}

/** The role swimlane: a column per stage, a row per role, each cell the role's steps in that stage. */
export interface Swimlane {
	stages: { id: string; title: string; steps: string }[];
	lanes: { role: { id: string; name: string; side: string }; cells: LaneStep[][]; count: number }[];
}

/** Builds the swimlane from the process as the loader read it: every role a lane, every stage a column. */
export function swimlane(process: Pick<Process, 'stages' | 'roles' | 'stepsOf'>, base?: string): Swimlane {
	const stages = process.stages.map((stage) => ({ id: stage.id, title: stage.title, steps: stepRange(process.stepsOf(stage.id)) }));
	const lanes = process.roles.map((role) => {
		const cells = process.stages.map((stage) =>
			process
				.stepsOf(stage.id)
				.filter((step) => step.roles.includes(role.id))
				.map((step) => ({ number: step.number, title: step.title, href: stepHref(stage.id, step.number, base), shared: step.roles.length > 1 })),
		);
		return { role: { id: role.id, name: role.name, side: role.side }, cells, count: cells.reduce((sum, cell) => sum + cell.length, 0) };
	});
	return { stages, lanes };
}
