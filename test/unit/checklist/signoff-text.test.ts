import { describe, expect, it } from 'vitest';
import { formatPlanDate } from '../../../src/checklist/plan-text';
import { eventAction, signedBy, standingSignoffs } from '../../../src/checklist/signoff-text';

const tick = { done: true, by: 'Dana Reyes', meaning: 'performed' as const, at: '2025-03-14T09:00:00.000Z', comment: '' };

describe('formatPlanDate', () => {
	it('shows the planned day itself in any zone, and leaves other text alone', () => {
		expect(formatPlanDate('2025-06-01')).toBe('Sun 1 Jun 2025');
		expect(formatPlanDate('next week')).toBe('next week');
		expect(formatPlanDate('2025-6-1')).toBe('2025-6-1');
		expect(formatPlanDate('')).toBe('');
	});
});

describe('describing events', () => {
	it('names who signed with the meaning, and what the event did', () => {
		expect(signedBy(tick)).toBe('Dana Reyes (performed)');
		expect(signedBy({ by: 'Sam Lee', meaning: 'approved' })).toBe('Sam Lee (approved)');
		expect(eventAction(tick)).toBe('Ticked');
		expect(eventAction({ done: false })).toBe('Unticked');
	});
});

describe('standingSignoffs', () => {
	const e = (id: string, done: boolean) => ({ id, done });

	it('keeps the ticks since the last untick, oldest first', () => {
		expect(standingSignoffs([e('d', true), e('c', true), e('b', false), e('a', true)]).map((x) => x.id)).toEqual(['c', 'd']);
	});

	it('is empty when the step is unticked or never signed', () => {
		expect(standingSignoffs([e('b', false), e('a', true)])).toEqual([]);
		expect(standingSignoffs([])).toEqual([]);
	});
});
