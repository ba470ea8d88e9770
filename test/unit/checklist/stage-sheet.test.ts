import { describe, expect, it } from 'vitest';
import { buildProcess } from '../../../src/process/model';
import { stageSheet } from '../../../src/components/print/stage-sheet';

const stages = [
	{ id: 'validation', title: 'Validation', order: 1, duration: 'weeks', summary: 'Test.' },
	{ id: 'day-of-upgrade', title: 'Day of Upgrade', order: 2, duration: 'hours', summary: 'Upgrade.' },
];
const roles = [{ id: 'customer', name: 'Customer', side: 'customer' as const, description: 'The customer.' }];
const step = (number: number, id: string, stage: string) => ({ id, number, stage, roles: ['customer'], title: id, activity: id, plan_step: number, plan_terms: [id], terms: [], tools: [], waits: [], compiled: false, source: null });
const process = buildProcess(stages, roles, [], [step(1, 'test-val', 'validation'), step(2, 'test-more', 'validation'), step(3, 'decide-go-no-go', 'day-of-upgrade')], [], { data_handling: [], reports_dashboards_exports: [], integrations_api: [], security_infrastructure: [] });

describe('a stage sheet', () => {
	it('says which stage and steps it covers, for its heading and running header', () => {
		const sheet = stageSheet(process, 'validation');
		expect(sheet.title).toBe('Stage 1: Validation');
		expect(sheet.scope).toBe('Steps 1-2, every role');
		expect(sheet.count).toBe('2 steps');
		expect(sheet.groups.map((group) => group.steps.map((s) => s.number))).toEqual([[1, 2]]);
	});

	it('carries the Go / No-Go box only on the stage that holds the decision', () => {
		expect(stageSheet(process, 'validation').goNoGo).toBe(false);
		const day = stageSheet(process, 'day-of-upgrade');
		expect(day.goNoGo).toBe(true);
		expect(day.count).toBe('1 step');
		expect(day.scope).toBe('Step 3, every role');
	});
});
