import { describe, expect, it } from 'vitest';
import { runState } from '../../../src/day/run-state';
import { recordsAsReported, reportingSide } from '../../../src/day/sides';
import { statusText } from '../../../src/day/status-text';
import { dayTiming } from '../../../src/day/timing';
import { at, DAY, ev, idOf, names } from './fixture';

const ctx = { roleName: names, now: at('11:00'), decisionNumber: 24, backupNumber: 20 };
// Times are written in the zone of the test run: UTC here (the config sets TZ).
const text = (events: ReturnType<typeof ev>[], planned = {}) => {
	const state = runState(DAY, events);
	return statusText(state, dayTiming(state, planned, ctx.now), ctx);
};

describe('the copied status', () => {
	it('lists what is done with times and signers, what runs now and who acts next', () => {
		const events = [
			ev(17, 'started', '07:00'),
			ev(17, 'signed', '07:20'),
			...[18, 19].map((n) => ev(n, 'signed', '08:00')),
			...[20, 21].map((n) => ev(n, 'signed', '09:00', { reported: { by: 'iqvia', at: at('09:00') } })),
			ev(22, 'signed', '10:45', { reported: { by: 'iqvia', at: at('10:40') } }),
			ev(23, 'started', '10:50'),
		];
		const status = text(events, { [idOf(23)]: { minutes: 240, note: '' } });
		expect(status).toContain('Day of Upgrade status at 2026-11-30 11:00');
		expect(status).toContain('- Step 17 Title 17: done 2026-11-30 07:20 (UTC+00:00) · 07:20 UTC, Dana Reyes, Customer (performed)');
		expect(status).toContain('- Step 22 Title 22: done 2026-11-30 10:40 (UTC+00:00) · 10:40 UTC, reported by IQVIA in the ticket at 2026-11-30 10:40 (UTC+00:00) · 10:40 UTC, recorded by Dana Reyes, Customer');
		expect(status).toContain('Now: Step 23 Title 23, started 2026-11-30 10:50 (UTC+00:00) · 10:50 UTC; 10 min so far of 4 h planned.');
		expect(status).toContain('Who acts: Customer.');
		expect(status).toContain('Next: Step 24 Title 24 (Customer).');
		expect(status).toContain('Elapsed since the day started: 4 h.');
		expect(status).toContain('Since production activity stopped: 3 h 40 min.');
		expect(status).toContain('Expected end: not known, steps 24, 25, 26, 27, 28 have no planned time.');
		expect(status).not.toContain('Decision');
	});

	it('before anything is done says so, and never invents a decision', () => {
		const status = text([]);
		expect(status).toContain('Done: no step yet.');
		expect(status).toContain('Now: Step 17 Title 17, not started yet.');
		expect(status).not.toMatch(/Go|Elapsed/);
	});

	it('after a No-Go gives the decision with its reason and the revert', () => {
		const events = [...DAY.slice(0, 7).map((s) => ev(s.number, 'signed', '10:00')), ev(24, 'decided', '10:30', { outcome: 'no-go', reason: 'data differ' }), ev(24, 'signed', '10:31')];
		const status = text(events);
		expect(status).toContain('Decision (step 24): No-Go, 2026-11-30 10:30 (UTC+00:00) · 10:30 UTC, recorded by Dana Reyes, Customer. Reason: data differ');
		expect(status).toContain('Now: revert. No-Go: the backup of step 20 is to be re-installed (the plan puts this at under one hour).');
	});
});

describe('whose step a signer records as reported', () => {
	it("is a step no role of the signer's side performs", () => {
		expect(recordsAsReported(DAY[5]!, 'customer')).toBe(true);
		expect(recordsAsReported(DAY[5]!, 'iqvia')).toBe(false);
		expect(recordsAsReported(DAY[6]!, 'customer')).toBe(false);
		expect(recordsAsReported(DAY[6]!, 'iqvia')).toBe(true);
		expect(recordsAsReported(DAY[6]!, undefined)).toBe(false);
		expect(recordsAsReported({ sides: ['customer', 'iqvia'] }, 'iqvia')).toBe(false);
		expect(reportingSide(DAY[5]!)).toBe('iqvia');
	});
});
