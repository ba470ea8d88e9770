import { expect, test } from 'vitest';
import { validateProcessDir } from '../../../src/process/read-files';
import { knownTools, root } from './helpers';

// Typed from the facts sheet of the step plan: number, stage, responsible roles.
const FACTS: [number, string, string[]][] = [
	[1, 'preparation', ['customer']],
	[2, 'preparation', ['customer']],
	[3, 'preparation', ['iqvia-pm']],
	[4, 'preparation', ['iqvia-pm']],
	[5, 'preparation', ['customer']],
	[6, 'preparation', ['iqvia-engineer']],
	[7, 'preparation', ['iqvia-pm']],
	[8, 'validation', ['customer']],
	[9, 'validation', ['customer']],
	[10, 'validation', ['customer']],
	[11, 'validation', ['iqvia-support']],
	[12, 'validation', ['customer']],
	[13, 'prep-for-upgrade', ['customer']],
	[14, 'prep-for-upgrade', ['iqvia-pm', 'iqvia-engineer', 'iqvia-solution-specialist']],
	[15, 'prep-for-upgrade', ['iqvia-engineer']],
	[16, 'prep-for-upgrade', ['iqvia-pm']],
	[17, 'day-of-upgrade', ['customer']],
	[18, 'day-of-upgrade', ['customer']],
	[19, 'day-of-upgrade', ['customer']],
	[20, 'day-of-upgrade', ['iqvia-engineer']],
	[21, 'day-of-upgrade', ['iqvia-engineer']],
	[22, 'day-of-upgrade', ['iqvia-engineer']],
	[23, 'day-of-upgrade', ['customer']],
	[24, 'day-of-upgrade', ['customer']],
	[25, 'day-of-upgrade', ['iqvia-engineer']],
	[26, 'day-of-upgrade', ['iqvia-engineer']],
	[27, 'day-of-upgrade', ['customer']],
	[28, 'day-of-upgrade', ['customer']],
];

test('the content holds exactly the 28 steps of the step plan, with their stages and roles', () => {
	const { steps, problems } = validateProcessDir(root, knownTools());
	expect(problems).toEqual([]);
	const actual = steps
		.map((s) => [s.data.number, s.data.stage, [...s.data.roles].sort()] as [number, string, string[]])
		.sort((a, b) => a[0] - b[0]);
	expect(actual).toEqual(FACTS.map(([n, stage, roles]) => [n, stage, [...roles].sort()]));
});

test('the two steps whose lists the source lost are marked as compiled', () => {
	const { steps } = validateProcessDir(root, knownTools());
	expect(steps.filter((s) => s.data.compiled).map((s) => s.data.number).sort((a, b) => a - b)).toEqual([3, 13]);
});
