import { describe, expect, it } from 'vitest';
import { plannerInput } from '../../../src/plan/planner-input';
import { NOT_PLANNED_YET, zoneNote } from '../../../src/plan/planner-text';
import { planDates } from '../../../src/plan/schedule';
import { EMPTY_PLANNER } from '../../../src/state/planner-kind';

describe('the planner words of its first paint', () => {
	it('names the time zone the start is read in, and says the file carries UTC', () => {
		const note = zoneNote('Europe/Brussels');
		expect(note).toContain('(Europe/Brussels)');
		expect(note).toContain('in UTC');
		expect(zoneNote('Asia/Tokyo')).not.toContain('Europe/Brussels');
	});

	it('a first visit cannot plan yet: it lacks the target date and Prep for Upgrade’s length', () => {
		const first = planDates(plannerInput(EMPTY_PLANNER, ''));
		expect(first.ok).toBe(false);
		expect(first.ok ? [] : first.problems).toEqual([
			expect.stringContaining('target PROD upgrade date'),
			expect.stringContaining('Prep for Upgrade'),
		]);
		expect(NOT_PLANNED_YET).toMatch(/cannot be planned yet/);
	});
});
