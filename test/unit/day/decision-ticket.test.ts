import { describe, expect, it } from 'vitest';
import { decisionDraft } from '../../../src/day/decision-ticket';
import { fromLocalInput, localInputValue } from '../../../src/text/local-input';

const decided = { outcome: 'no-go' as const, by: 'Dana Reyes', at: '2026-11-30T12:10:00.000Z', reason: 'Reports differ from VAL' };

describe('the Go / No-Go ticket filled from the decision', () => {
	it('fills the outcome, who, when and a No-Go reason, nothing else', () => {
		expect(decisionDraft(decided)).toEqual({ decision: 'no_go', decided_by: ['Dana Reyes'], decided_at: '2026-11-30T12:10', reason: 'Reports differ from VAL' });
	});

	it('leaves the checks question of a Go unanswered and keeps what the sender wrote', () => {
		const draft = decisionDraft({ ...decided, outcome: 'go', reason: 'All as expected' }, { notes: 'call at 3', reason: 'old' });
		expect(draft).toEqual({ notes: 'call at 3', reason: 'old', decision: 'go', decided_by: ['Dana Reyes'], decided_at: '2026-11-30T12:10' });
		expect(draft).not.toHaveProperty('checks_done');
	});
});

describe('datetime-local values', () => {
	it('go to and from an instant on the wall clock (UTC in the tests)', () => {
		expect(localInputValue('2026-11-30T12:10:59Z')).toBe('2026-11-30T12:10');
		expect(fromLocalInput('2026-11-30T12:10')).toBe('2026-11-30T12:10:00.000Z');
		expect(localInputValue('soon')).toBe('');
	});

	it('refuse what names no moment', () => {
		for (const value of ['', '2026-02-30T10:00', '2026-11-30T24:00', '2026-11-30 10:00', '2026-11-30T10:60']) expect(fromLocalInput(value), value).toBeUndefined();
	});
});
