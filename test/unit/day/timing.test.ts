import { describe, expect, it } from 'vitest';
import { formatDuration, minutesBetween } from '../../../src/day/duration';
import { parseDuration } from '../../../src/day/parse-duration';
import { runState } from '../../../src/day/run-state';
import { dayTiming } from '../../../src/day/timing';
import { at, DAY, ev, idOf } from './fixture';

const plan = (entries: Record<number, number>, revert?: number) => ({
	...Object.fromEntries(Object.entries(entries).map(([n, minutes]) => [idOf(Number(n)), { minutes, note: '' }])),
	...(revert ? { revert: { minutes: revert, note: '' } } : {}),
});
const allPlanned = plan(Object.fromEntries(DAY.map((s) => [s.number, 30])));

describe('durations', () => {
	it('are shown in hours and minutes', () => {
		expect(formatDuration(0)).toBe('0 min');
		expect(formatDuration(45)).toBe('45 min');
		expect(formatDuration(120)).toBe('2 h');
		expect(formatDuration(185)).toBe('3 h 05 min');
		expect(formatDuration(-5)).toBe('0 min');
	});

	it('are read in the forms people type', () => {
		expect(parseDuration('90')).toBe(90);
		expect(parseDuration('90 min')).toBe(90);
		expect(parseDuration('1:30')).toBe(90);
		expect(parseDuration('1 h 30 min')).toBe(90);
		expect(parseDuration('1h30m')).toBe(90);
		expect(parseDuration('1.5 h')).toBe(90);
		expect(parseDuration('4 hours')).toBe(240);
		expect(parseDuration(' 3H ')).toBe(180);
	});

	it('refuse what is not a duration', () => {
		for (const text of ['', 'soon', '3-5 hours', '1:75', '-20', 'h', '3 days']) expect(parseDuration(text), text).toBeUndefined();
	});

	it('count whole minutes between two times, across midnight', () => {
		expect(minutesBetween('2026-11-30T23:50:00Z', '2026-12-01T00:20:59Z')).toBe(30);
		expect(minutesBetween(at('10:00'), at('09:00'))).toBe(-60);
	});
});

describe('planned against actual', () => {
	it('measures a running step from its start and warns once it runs past its plan', () => {
		const state = runState(DAY, [ev(17, 'started', '07:00')]);
		const early = dayTiming(state, plan({ 17: 30 }), at('07:20'));
		expect(early.steps[0]).toMatchObject({ actual: 20, planned: 30, over: false });
		const late = dayTiming(state, plan({ 17: 30 }), at('07:45'));
		expect(late.steps[0]).toMatchObject({ actual: 45, over: true });
	});

	it('measures a step not started from the end of the step before', () => {
		const state = runState(DAY, [ev(17, 'started', '07:00'), ev(17, 'signed', '07:20'), ev(18, 'signed', '08:00')]);
		const timing = dayTiming(state, {}, at('08:30'));
		expect(timing.steps[1]).toMatchObject({ beganAt: at('07:20'), actual: 40 });
		// The current step (19) runs from the end of 18 on.
		expect(timing.steps[2]).toMatchObject({ beganAt: at('08:00'), actual: 30 });
	});

	it('keeps the clocks of the day and since production stopped', () => {
		const state = runState(DAY, [ev(17, 'started', '07:00'), ev(17, 'signed', '07:20')]);
		const timing = dayTiming(state, {}, at('09:20'));
		expect(timing.dayStartedAt).toBe(at('07:00'));
		expect(timing.elapsed).toBe(140);
		expect(timing.sinceStop).toBe(120);
	});

	it('expects the end from now and the planned times left', () => {
		const state = runState(DAY, [ev(17, 'started', '07:00')]);
		// Step 17 has 10 of its 30 minutes left; 11 more steps of 30.
		expect(dayTiming(state, allPlanned, at('07:20')).expectedEnd).toBe(at('13:00'));
		// Past its plan, a step adds nothing more: the end moves with now.
		expect(dayTiming(state, allPlanned, at('08:00')).expectedEnd).toBe(at('13:30'));
	});

	it('names the steps without a planned time instead of guessing an end', () => {
		const state = runState(DAY, []);
		const timing = dayTiming(state, plan({ 17: 30, 18: 30 }), at('07:00'));
		expect(timing.expectedEnd).toBeUndefined();
		expect(timing.unplanned).toEqual([19, 20, 21, 22, 23, 24, 25, 26, 27, 28]);
	});

	it('after a No-Go expects the end from the decision and the planned revert', () => {
		const before = DAY.slice(0, 7).map((s) => ev(s.number, 'signed', '12:00'));
		const events = [ev(17, 'started', '07:00'), ...before, ev(24, 'decided', '12:10', { outcome: 'no-go', reason: 'x' }), ev(24, 'signed', '12:11')];
		const timing = dayTiming(runState(DAY, events), plan({}, 50), at('12:30'));
		expect(timing.revert).toBe(50);
		expect(timing.expectedEnd).toBe(at('13:00'));
		expect(timing.endedAt).toBe(at('12:10'));
		expect(timing.elapsed).toBe(310);
	});

	it('a finished day ends at its last step and its clocks stop there', () => {
		const events = [ev(17, 'started', '07:00'), ...DAY.map((s, i) => ev(s.number, 'signed', `${String(8 + i).padStart(2, '0')}:00`))];
		const timing = dayTiming(runState(DAY, events), {}, at('23:00'));
		expect(timing.endedAt).toBe(at('19:00'));
		expect(timing.expectedEnd).toBe(at('19:00'));
		expect(timing.elapsed).toBe(12 * 60);
	});
});
