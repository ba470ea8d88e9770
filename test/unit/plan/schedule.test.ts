import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../../src/plan/days';
import { planDates, rangeText, type PlannerInput } from '../../../src/plan/schedule';

const base: PlannerInput = { anchor: { from: 'start', date: '2026-11-30' }, validation: { count: 3, unit: 'months' }, prepForUpgradeDays: 10, holidays: [] };
const plan = (change: Partial<PlannerInput> = {}) => {
	const result = planDates({ ...base, ...change });
	if (!result.ok) throw new Error(result.problems.join(' '));
	return result;
};
const text = (result: ReturnType<typeof plan>) => Object.fromEntries(result.stages.map((s) => [s.stage, `${rangeText(s.first)} / ${rangeText(s.last)}`]));

describe('planning from a start date', () => {
	it('gives Preparation one to two weeks as a range, and carries the range to every later date', () => {
		expect(text(plan())).toEqual({
			preparation: '2026-11-30 / 2026-12-04 to 2026-12-11',
			validation: '2026-12-07 to 2026-12-14 / 2027-03-05 to 2027-03-12',
			'prep-for-upgrade': '2027-03-08 to 2027-03-15 / 2027-03-19 to 2027-03-26',
			'day-of-upgrade': '2027-03-22 to 2027-03-29 / 2027-03-22 to 2027-03-29',
		});
	});
	it('puts the VAL pair’s expected closure two weeks after the upgrade day', () => {
		const closed = plan().milestones.find((m) => m.id === 'val-closed')!;
		expect(rangeText(closed.at)).toBe('2027-04-05 to 2027-04-12');
	});
	it('skips holidays the user entered, across a year end', () => {
		const result = plan({ anchor: { from: 'start', date: '2026-12-21' }, holidays: ['2026-12-24', '2026-12-25', '2026-12-28', '2027-01-01'] });
		expect(rangeText(result.stages[0]!.last)).toBe('2026-12-30 to 2027-01-07');
	});
	it('crosses a leap day: three months from 30 November 2027 end on 28 February 2028, the day before the leap day', () => {
		const result = plan({ anchor: { from: 'start', date: '2027-11-22' } });
		const validation = result.stages[1]!;
		expect(toIsoDate(validation.first.earliest)).toBe('2027-11-29');
		expect(toIsoDate(validation.last.earliest)).toBe('2028-02-28');
	});
	it('moves a start on a weekend to the next working day and says so', () => {
		const result = plan({ anchor: { from: 'start', date: '2026-11-28' } });
		expect(toIsoDate(result.stages[0]!.first.earliest)).toBe('2026-11-30');
		expect(result.notes).toContain('The start date is not a working day; the plan starts on the next one.');
	});
});

describe('planning back from a target upgrade date', () => {
	it('ends Prep for Upgrade the working day before, and starts Preparation as a range', () => {
		const result = plan({ anchor: { from: 'upgrade', date: '2027-03-22' } });
		expect(text(result)).toEqual({
			preparation: '2026-11-23 to 2026-11-30 / 2026-12-04',
			validation: '2026-12-07 / 2027-03-05',
			'prep-for-upgrade': '2027-03-08 / 2027-03-19',
			'day-of-upgrade': '2027-03-22 / 2027-03-22',
		});
	});
	it('is the same plan forwards and backwards when the dates meet', () => {
		const forwards = plan();
		const backwards = plan({ anchor: { from: 'upgrade', date: toIsoDate(forwards.stages[3]!.first.earliest) } });
		expect(backwards.stages[1]!.first.earliest).toBe(forwards.stages[1]!.first.earliest);
	});
});

describe('what the planner refuses or notes', () => {
	it('has no default for Prep for Upgrade: the plan leaves it to discussion', () => {
		const result = planDates({ ...base, prepForUpgradeDays: Number.NaN });
		expect(result).toEqual({ ok: false, problems: ['Prep for Upgrade needs its length in working days (1 to 250): the plan leaves it to discussion.'] });
	});
	it('names an impossible date or holiday', () => {
		const result = planDates({ ...base, anchor: { from: 'start', date: '2026-02-30' }, holidays: ['someday'] });
		expect(result.ok ? [] : result.problems).toEqual(['“2026-02-30” is not a date (YYYY-MM-DD).', 'The holiday “someday” is not a date (YYYY-MM-DD).']);
	});
	it('notes, without warning, a validation shorter than the plan’s three months', () => {
		expect(plan({ validation: { count: 6, unit: 'weeks' } }).notes).toEqual([
			'Validation is planned shorter than the plan’s three months, which the plan gives “depending on the scope and approach taken by the customer”.',
		]);
		expect(plan().notes).toEqual([]);
	});
});

describe('dates across month ends, leap days and daylight-saving changes', () => {
	it('counts a one-month validation from 31 January to the end of February, in a common and a leap year', () => {
		const common = plan({ anchor: { from: 'start', date: '2027-01-18' }, validation: { count: 1, unit: 'months' }, prepForUpgradeDays: 1 });
		// Preparation of five working days ends Friday 22 January at the earliest; validation starts the Monday after.
		expect(rangeText(common.stages[1]!.first)).toBe('2027-01-25 to 2027-02-01');
		expect(rangeText(common.stages[1]!.last)).toBe('2027-02-24 to 2027-02-26');
		const leap = plan({ anchor: { from: 'upgrade', date: '2028-03-01' }, validation: { count: 1, unit: 'months' }, prepForUpgradeDays: 1 });
		expect(rangeText(leap.stages[2]!.first)).toBe('2028-02-29');
		expect(rangeText(leap.stages[1]!.last)).toBe('2028-02-28');
		expect(rangeText(leap.stages[1]!.first)).toBe('2028-01-31');
	});
	it('is not moved by the clocks changing inside a stage: whole days stay whole days', () => {
		// Europe's clocks change on 2027-03-28 and 2027-10-31, the United States’ on 2027-03-14 and 2027-11-07.
		const spring = plan({ anchor: { from: 'upgrade', date: '2027-03-29' }, prepForUpgradeDays: 10 });
		expect(rangeText(spring.stages[2]!.first)).toBe('2027-03-15');
		expect(rangeText(spring.stages[2]!.last)).toBe('2027-03-26');
		const autumn = plan({ anchor: { from: 'start', date: '2027-07-26' }, prepForUpgradeDays: 5 });
		expect(rangeText(autumn.stages[1]!.last)).toBe('2027-11-01 to 2027-11-08');
		expect(rangeText(autumn.stages[3]!.first)).toBe('2027-11-09 to 2027-11-16');
	});
	it('gives the VAL request the whole of Preparation: the plan dates no step inside a stage', () => {
		const request = plan().milestones.find((m) => m.id === 'val-request')!;
		expect(rangeText(request.at)).toBe('2026-11-30 to 2026-12-11');
	});
	it('asks for a date when none was entered', () => {
		const result = planDates({ ...base, anchor: { from: 'upgrade', date: '' } });
		expect(result.ok ? [] : result.problems).toEqual(['Enter a target PROD upgrade date to plan from.']);
	});
});
