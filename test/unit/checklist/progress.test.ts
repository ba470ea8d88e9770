import { describe, expect, it } from 'vitest';
import { needsRecheck, onSide, progressOf, progressText, stepList } from '../../../src/checklist/progress';

const steps = [
	{ id: 'c', number: 3, title: 'Third', sides: ['iqvia'], fingerprint: 'f3' },
	{ id: 'a', number: 1, title: 'First', sides: ['customer'], fingerprint: 'f1' },
	{ id: 'b', number: 2, title: 'Second', sides: ['customer', 'iqvia'], fingerprint: 'f2' },
];
const signed = (done: boolean, fingerprint = 'old') => ({ done, latest: { fingerprint } });

describe('progressOf', () => {
	it('counts nothing done before any sign-off and names the first step next', () => {
		expect(progressOf(steps, {})).toEqual({ done: 0, notApplicable: 0, total: 3, next: steps[1], recheck: [] });
	});

	it('names the lowest-numbered open step, even with an earlier gap', () => {
		const p = progressOf(steps, { a: signed(true, 'f1'), c: signed(true, 'f3') });
		expect(p).toMatchObject({ done: 2, total: 3, next: { id: 'b' } });
	});

	it('counts an unticked step as open', () => {
		expect(progressOf(steps, { a: signed(false, 'f1') }).next?.id).toBe('a');
	});

	it('has no next step when all are done', () => {
		const p = progressOf(steps, { a: signed(true, 'f1'), b: signed(true, 'f2'), c: signed(true, 'f3') });
		expect(p.next).toBeUndefined();
		expect(progressText(p)).toBe('3 of 3 done');
	});

	it('lists done steps whose text changed since they were signed, in step order', () => {
		const p = progressOf(steps, { c: signed(true), a: signed(true), b: signed(false) });
		expect(p.recheck.map((s) => s.number)).toEqual([1, 3]);
	});
});

describe('progress with steps not applicable', () => {
	const na = { done: false, closed: true };

	it('counts a step marked not applicable as closed, and says how many are', () => {
		const p = progressOf(steps, { a: na, b: signed(true, 'f2') });
		expect(p).toMatchObject({ done: 2, notApplicable: 1, total: 3, next: { id: 'c' } });
		expect(progressText(p)).toBe('2 of 3 done (1 not applicable)');
	});

	it('never asks to re-check a step that is not applicable', () => {
		expect(progressOf(steps, { a: { ...na, latest: { fingerprint: 'old' } } }).recheck).toEqual([]);
	});
});

describe('needsRecheck', () => {
	it('flags only a done step signed against another fingerprint', () => {
		expect(needsRecheck(signed(true, 'x'), 'y')).toBe(true);
		expect(needsRecheck(signed(true, 'y'), 'y')).toBe(false);
		expect(needsRecheck(signed(false, 'x'), 'y')).toBe(false);
		expect(needsRecheck(undefined, 'y')).toBe(false);
		expect(needsRecheck(signed(true, 'x'), undefined)).toBe(false);
	});
});

describe('onSide', () => {
	it('keeps every step for all, and shared steps on both sides', () => {
		expect(steps.filter((s) => onSide(s, 'all'))).toHaveLength(3);
		expect(steps.filter((s) => onSide(s, 'customer')).map((s) => s.number)).toEqual([1, 2]);
		expect(steps.filter((s) => onSide(s, 'iqvia')).map((s) => s.number)).toEqual([3, 2]);
	});
});

describe('stepList', () => {
	it('writes numbers as a sentence would', () => {
		expect(stepList([])).toBe('');
		expect(stepList([4])).toBe('step 4');
		expect(stepList([4, 9])).toBe('steps 4 and 9');
		expect(stepList([4, 9, 12])).toBe('steps 4, 9 and 12');
	});
});
