import { describe, expect, it } from 'vitest';
import { holidayList, plannerInput } from '../../../src/plan/planner-input';
import { planDates } from '../../../src/plan/schedule';
import { EMPTY_PLANNER } from '../../../src/state/planner-kind';

describe('the planner’s input from what was typed', () => {
	it('reads holidays one a line, or separated by commas, and keeps a wrong one for the planner to name', () => {
		expect(holidayList('2026-12-25\n 2027-01-01 ,2027-01-06;\n\nBoxing Day')).toEqual(['2026-12-25', '2027-01-01', '2027-01-06', 'Boxing', 'Day']);
		expect(holidayList('  ')).toEqual([]);
	});
	it('counts back from the upgrade plan’s date, or forward from the start date', () => {
		expect(plannerInput({ ...EMPTY_PLANNER, prepDays: '10' }, '2027-03-29')).toEqual({
			anchor: { from: 'upgrade', date: '2027-03-29' },
			validation: { count: 3, unit: 'months' },
			prepForUpgradeDays: 10,
			holidays: [],
		});
		expect(plannerInput({ ...EMPTY_PLANNER, anchor: 'start', startDate: '2026-11-30' }, '2027-03-29').anchor).toEqual({ from: 'start', date: '2026-11-30' });
	});
	it('names no date, 0 days, an empty Prep for Upgrade and a holiday that is not a date', () => {
		const result = planDates(plannerInput({ ...EMPTY_PLANNER, prepDays: '0', holidays: 'Christmas' }, ''));
		expect(result).toEqual({
			ok: false,
			problems: [
				'Enter a target PROD upgrade date to plan from.',
				'Prep for Upgrade needs its length in working days (1 to 250): the plan leaves it to discussion.',
				'The holiday “Christmas” is not a date (YYYY-MM-DD).',
			],
		});
		const empty = planDates(plannerInput({ ...EMPTY_PLANNER, anchor: 'start', validationCount: '2.5' }, '2027-03-29'));
		expect(empty.ok ? [] : empty.problems).toEqual([
			'Enter a start date to plan from.',
			'Prep for Upgrade needs its length in working days (1 to 250): the plan leaves it to discussion.',
			'Validation needs a length of at least one week or month, and at most two years.',
		]);
	});
});
