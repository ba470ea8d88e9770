import { describe, expect, it } from 'vitest';
import { formatPlanDate } from '../../../src/checklist/plan-text';
import { presetMeaning, responsibleFor } from '../../../src/checklist/meaning-preset';
import { eventAction, signedBy } from '../../../src/checklist/signoff-text';

describe('formatPlanDate', () => {
	it('shows the planned day itself in any zone, and leaves other text alone', () => {
		expect(formatPlanDate('2025-06-01')).toBe('Sun 1 Jun 2025');
		expect(formatPlanDate('next week')).toBe('next week');
		expect(formatPlanDate('2025-6-1')).toBe('2025-6-1');
		expect(formatPlanDate('')).toBe('');
	});
});

describe('describing events', () => {
	const names = (id: string) => ({ customer: 'Customer', 'iqvia-engineer': 'IQVIA Engineer' })[id] ?? id;

	it('names who signed, in which role, with the meaning', () => {
		expect(signedBy({ by: 'Dana Reyes', role: 'customer', meaning: 'performed' }, names)).toBe('Dana Reyes, Customer (performed)');
		expect(signedBy({ by: 'Sam Lee', role: 'not recorded', meaning: 'approved' }, names)).toBe('Sam Lee, role not recorded (approved)');
		expect(signedBy({ by: 'Sam Lee', role: 'iqvia-engineer' }, names)).toBe('Sam Lee, IQVIA Engineer');
	});

	it('says what each kind of event did', () => {
		expect(eventAction({ kind: 'signed' })).toBe('Signed');
		expect(eventAction({ kind: 'withdrawn' })).toBe('Withdrew a sign-off');
		expect(eventAction({ kind: 'not-applicable' })).toBe('Marked not applicable');
		expect(eventAction({ kind: 'started' })).toBe('Started');
		expect(eventAction({ kind: 'decided', outcome: 'no-go' })).toBe('Decided: No-Go');
		expect(eventAction({ kind: 'decided', outcome: 'go' })).toBe('Decided: Go');
	});
});

describe('the meaning a sign-off starts on', () => {
	it('is "performed" only for a role responsible for the step; otherwise none, the signer chooses', () => {
		expect(presetMeaning('customer', ['customer'])).toBe('performed');
		expect(presetMeaning('customer', ['iqvia-engineer'])).toBe('');
		expect(presetMeaning('iqvia-pm', ['customer', 'iqvia-pm'])).toBe('performed');
		expect(presetMeaning('', ['customer'])).toBe('');
		expect(responsibleFor('customer', ['iqvia-engineer'])).toBe(false);
	});
});
