import { describe, expect, it } from 'vitest';
import { formatPlanDate } from '../../../src/checklist/plan-text';
import { eventAction, formatWhen, signedBy, standingSignoffs } from '../../../src/checklist/signoff-text';

const tick = { done: true, by: 'Dana Reyes', meaning: 'performed' as const, at: '2025-03-14T09:00:00.000Z', comment: '' };

describe('formatWhen', () => {
	it("shows a UTC time in the reader's zone, zone named", () => {
		expect(formatWhen(tick.at, { locale: 'en-GB', timeZone: 'Europe/Berlin' })).toBe('14 Mar 2025, 10:00 CET');
		expect(formatWhen(tick.at, { locale: 'en-GB', timeZone: 'UTC' })).toBe('14 Mar 2025, 09:00 UTC');
		expect(formatWhen(tick.at, { locale: 'en-US', timeZone: 'America/New_York' })).toBe('Mar 14, 2025, 05:00 AM EDT');
	});

	it('moves to the next day when the zone is ahead', () => {
		expect(formatWhen('2025-03-14T23:30:00.000Z', { locale: 'en-GB', timeZone: 'Asia/Tokyo' })).toMatch(/^15 Mar 2025, 08:30/);
	});
});

describe('formatPlanDate', () => {
	it('shows the planned day itself in any zone, and leaves other text alone', () => {
		expect(formatPlanDate('2025-06-01', 'en-GB')).toBe('1 June 2025');
		expect(formatPlanDate('next week', 'en-GB')).toBe('next week');
		expect(formatPlanDate('', 'en-GB')).toBe('');
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
