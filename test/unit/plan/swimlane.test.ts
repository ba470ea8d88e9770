import { describe, expect, it } from 'vitest';
import { readProcess } from '../../../src/process/loader';
import { swimlane } from '../../../src/plan/swimlane';

const process = readProcess();
const lanes = swimlane(process, '/');

describe('the role swimlane', () => {
	it('has a lane per role and a column per stage, in the content’s order', () => {
		expect(lanes.lanes.map((lane) => lane.role.id)).toEqual(process.roles.map((role) => role.id));
		expect(lanes.stages).toEqual(process.stages.map((stage) => ({ id: stage.id, title: stage.title, steps: expect.stringMatching(/^\d+-\d+$/) })));
		for (const lane of lanes.lanes) expect(lane.cells).toHaveLength(process.stages.length);
	});
	it('puts every step in the lane of each of its roles and the column of its stage, and nowhere else', () => {
		for (const step of process.steps) {
			const column = process.stages.findIndex((stage) => stage.id === step.stage);
			for (const lane of lanes.lanes) {
				const where = lane.cells.map((cell) => cell.some((s) => s.number === step.number));
				expect(where, `step ${step.number}, ${lane.role.id}`).toEqual(process.stages.map((_, i) => i === column && step.roles.includes(lane.role.id)));
			}
		}
		expect(lanes.lanes.reduce((sum, lane) => sum + lane.count, 0)).toBe(process.steps.reduce((sum, step) => sum + step.roles.length, 0));
	});
	it('links each step to its anchor on its stage page, under the base path, and marks shared steps', () => {
		const step14 = lanes.lanes.flatMap((lane) => lane.cells.flat()).filter((s) => s.number === 14);
		expect(step14).toHaveLength(3);
		expect(step14[0]).toEqual({ number: 14, title: 'Agree the slot and the support needed', href: '/stages/prep-for-upgrade/#step-14', shared: true });
		expect(swimlane(process, '/playbook/').lanes[0]!.cells[0]![0]!.href).toBe('/playbook/stages/preparation/#step-1');
		expect(lanes.lanes[0]!.cells[0]![0]!.shared).toBe(false);
	});
});
