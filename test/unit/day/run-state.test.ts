import { describe, expect, it } from 'vitest';
import { noGoReason, stepsClosedByNoGo } from '../../../src/day/no-go';
import { runState } from '../../../src/day/run-state';
import { at, DAY, ev } from './fixture';

describe('the run state of the day', () => {
	it('starts at step 17 with nothing done', () => {
		const state = runState(DAY, []);
		expect(state.current?.step.number).toBe(17);
		expect(state.steps.map((run) => run.status)).toEqual(Array(12).fill('open'));
		expect(state.finished).toBe(false);
		expect(state.stoppedAt).toBeUndefined();
	});

	it('moves on as steps are started and signed, and knows when production stopped', () => {
		const events = [ev(17, 'started', '07:00'), ev(17, 'signed', '07:20'), ev(18, 'started', '07:25')];
		const state = runState(DAY, events);
		expect(state.steps[0]).toMatchObject({ status: 'done', startedAt: at('07:00'), doneAt: at('07:20') });
		expect(state.steps[1]).toMatchObject({ status: 'running', startedAt: at('07:25') });
		expect(state.current?.step.number).toBe(18);
		expect(state.stoppedAt).toBe(at('07:20'));
	});

	it('takes the first start when a step was started twice', () => {
		const state = runState(DAY, [ev(17, 'started', '07:10'), ev(17, 'started', '07:00')]);
		expect(state.steps[0]!.startedAt).toBe(at('07:00'));
	});

	it("dates a reported sign-off by the other side's report, not by when it was recorded", () => {
		const reported = ev(22, 'signed', '10:45', { reported: { by: 'iqvia', at: at('10:40') } });
		const state = runState(DAY, [reported]);
		expect(state.steps[5]).toMatchObject({ status: 'done', doneAt: at('10:40') });
		expect(state.current?.step.number).toBe(17);
	});

	it('a withdrawn sign-off reopens the step', () => {
		const signed = ev(17, 'signed', '07:20');
		const state = runState(DAY, [signed, ev(17, 'withdrawn', '07:30', { withdraws: signed.id, reason: 'too early' })]);
		expect(state.steps[0]!.status).toBe('open');
		expect(state.stoppedAt).toBeUndefined();
	});

	it('Go continues to step 25', () => {
		const done = DAY.slice(0, 7).map((s) => ev(s.number, 'signed', '12:00'));
		const state = runState(DAY, [...done, ev(24, 'decided', '12:10', { outcome: 'go', reason: 'all as expected' }), ev(24, 'signed', '12:11')]);
		expect(state.outcome).toBe('go');
		expect(state.current?.step.number).toBe(25);
		expect(state.finished).toBe(false);
	});

	it('the latest decision counts', () => {
		const state = runState(DAY, [ev(24, 'decided', '12:10', { outcome: 'go', reason: 'a' }), ev(24, 'decided', '12:12', { outcome: 'no-go', reason: 'b' })]);
		expect(state.outcome).toBe('no-go');
		expect(state.decision?.reason).toBe('b');
	});

	it('every step closed finishes the day', () => {
		const state = runState(DAY, DAY.map((s) => ev(s.number, 'signed', '15:00')));
		expect(state.finished).toBe(true);
		expect(state.current).toBeUndefined();
	});
});

describe('the No-Go path', () => {
	const before = DAY.slice(0, 7).map((s) => ev(s.number, 'signed', '12:00'));
	const decided = ev(24, 'decided', '12:10', { outcome: 'no-go', reason: 'reports differ from VAL' });

	it('closes the steps after the decision, not the ones before', () => {
		const state = runState(DAY, [...before, decided, ev(24, 'signed', '12:11')]);
		expect(stepsClosedByNoGo(state).map((run) => run.step.number)).toEqual([25, 26, 27, 28]);
		expect(state.finished).toBe(true);
		expect(state.current).toBeUndefined();
	});

	it('gives each closed step the decision as its reason', () => {
		expect(noGoReason(decided, 24)).toBe('No-Go decided at step 24: reports differ from VAL');
	});

	it('leaves nothing to close once steps 25-28 are not applicable', () => {
		const na = [25, 26, 27, 28].map((n) => ev(n, 'not-applicable', '12:12', { meaning: 'performed', reason: noGoReason(decided, 24) }));
		const state = runState(DAY, [...before, decided, ev(24, 'signed', '12:11'), ...na]);
		expect(stepsClosedByNoGo(state)).toEqual([]);
		expect(state.steps.slice(8).map((run) => run.status)).toEqual(Array(4).fill('not-applicable'));
	});

	it('is not taken before the decision step itself is closed', () => {
		const state = runState(DAY, [...before, decided]);
		expect(state.current?.step.number).toBe(24);
	});
});
