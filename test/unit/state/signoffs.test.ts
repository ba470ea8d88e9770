import { describe, expect, it } from 'vitest';
import { fingerprintText } from '../../../src/state/fingerprint';
import type { StepEvent } from '../../../src/state/signoffs';
import { FakeStorage, openPage, otherTabWrites, watch } from './harness';

const STEP = 'review-release-notes';
const TEXT = 'Read every release note between your current and target version.';
const sign = { kind: 'signed' as const, step: STEP, by: 'Dana Reyes', role: 'customer', meaning: 'performed' as const, text: TEXT, fingerprint: fingerprintText(TEXT) };
const at = (time: string) => new Date(`2025-03-14T${time}Z`);

async function signoffsOn(area: FakeStorage) {
	const page = await openPage(() => area);
	return { ...page, ...(await import('../../../src/state/signoffs')), ...(await import('../../../src/state/step-state')), ...(await import('../../../src/state/record-event')) };
}

/** A stored event of format 2; `seq` gives its place in this browser's order. */
const event = (id: string, seq: number, kind: StepEvent['kind'] = 'signed', extra: Partial<StepEvent> = {}): StepEvent => ({
	id,
	kind,
	step: STEP,
	by: 'Dana Reyes',
	role: 'customer',
	...(kind === 'signed' || kind === 'not-applicable' ? { meaning: 'performed' as const } : {}),
	at: `2025-03-14T09:00:0${seq % 10}.000Z`,
	seq,
	comment: '',
	...(kind === 'signed' || kind === 'started' ? {} : { reason: 'a reason' }),
	fingerprint: fingerprintText(TEXT),
	text: TEXT,
	...extra,
});

const stored = (e: StepEvent) => {
	const { id, ...record } = e;
	return JSON.stringify({ v: 2, ...record });
};

describe('fingerprintText', () => {
	it('is cyrb53 in hex: the published reference values, whatever runs it', () => {
		expect(parseInt(fingerprintText('a'), 16)).toBe(7929297801672961);
		expect(parseInt(fingerprintText('revenge'), 16)).toBe(4051478007546757);
		expect(parseInt(fingerprintText('revenue'), 16)).toBe(8309097637345594);
	});

	it('gives the same fixed-length hex hash for the same text', () => {
		expect(fingerprintText('Back up the database.')).toBe('0853b06d477870');
		expect(fingerprintText('')).toBe('0bdcb81aee8d83');
		expect(fingerprintText(TEXT)).toBe(fingerprintText(TEXT));
		expect(fingerprintText(TEXT)).toMatch(/^[0-9a-f]{14}$/);
	});

	it('changes when the words change', () => {
		expect(fingerprintText('Back up the database.')).not.toBe(fingerprintText('Back up the databases.'));
	});

	it('ignores spacing and Unicode form, which change with rendering, not meaning', () => {
		expect(fingerprintText('  Back up\n the   database. ')).toBe(fingerprintText('Back up the database.'));
		expect(fingerprintText('Caf\u00e9')).toBe(fingerprintText('Cafe\u0301'));
	});
});

describe('derived step state', () => {
	it('is open before any event', async () => {
		const { stepState } = await signoffsOn(new FakeStorage());
		expect(stepState([], STEP)).toMatchObject({ status: 'open', done: false, closed: false, standing: [] });
	});

	it('follows sign, withdraw and sign again; a withdrawal ends only the event it names', async () => {
		const { stepState, eventsForStep } = await signoffsOn(new FakeStorage());
		const events = [event('a', 1), event('b', 2, 'signed', { meaning: 'reviewed' }), event('c', 3, 'withdrawn', { withdraws: 'a' })];
		expect(stepState(events, STEP)).toMatchObject({ done: true, standing: [{ id: 'b' }], withdrawnBy: { a: { id: 'c' } } });
		events.push(event('d', 4, 'withdrawn', { withdraws: 'b' }));
		expect(stepState(events, STEP)).toMatchObject({ status: 'open', done: false, standing: [] });
		events.push(event('e', 5));
		expect(stepState(events, STEP)).toMatchObject({ done: true, latest: { id: 'e' } });
		expect(eventsForStep(events, STEP).map((e) => e.id)).toEqual(['e', 'd', 'c', 'b', 'a']);
	});

	it('orders by the sequence of actions, never by the clock', async () => {
		const { eventsForStep } = await signoffsOn(new FakeStorage());
		const early = event('x', 2, 'signed', { at: '2025-03-14T08:00:00.000Z' });
		const late = event('y', 1, 'signed', { at: '2027-01-01T00:00:00.000Z' });
		expect(eventsForStep([late, early], STEP).map((e) => e.id)).toEqual(['x', 'y']);
	});

	it('breaks a tie in sequence by id, the same way whatever the order', async () => {
		const { eventsForStep } = await signoffsOn(new FakeStorage());
		const a = event('m1-aaa', 3);
		const b = event('m1-bbb', 3);
		expect(eventsForStep([a, b], STEP)[0]!.id).toBe('m1-bbb');
		expect(eventsForStep([b, a], STEP)[0]!.id).toBe('m1-bbb');
	});

	it('counts "not applicable" as closed, with its reason, until withdrawn', async () => {
		const { stepState } = await signoffsOn(new FakeStorage());
		const na = event('n', 1, 'not-applicable', { reason: 'no integrations at this site' });
		expect(stepState([na], STEP)).toMatchObject({ status: 'not-applicable', done: false, closed: true, standing: [{ reason: 'no integrations at this site' }] });
		expect(stepState([na, event('w', 2, 'withdrawn', { withdraws: 'n' })], STEP)).toMatchObject({ status: 'open', closed: false });
	});

	it('leaves a step open on "started" and "decided" events alone', async () => {
		const { stepState } = await signoffsOn(new FakeStorage());
		const events = [event('s', 1, 'started'), event('d', 2, 'decided', { outcome: 'no-go', reason: 'VAL findings open' })];
		expect(stepState(events, STEP)).toMatchObject({ status: 'open', standing: [] });
	});

	it('looks only at the step asked about', async () => {
		const { stepState, eventsForStep } = await signoffsOn(new FakeStorage());
		const events = [event('a', 1), event('b', 2, 'signed', { step: 'back-up-database' })];
		expect(stepState(events, STEP)).toMatchObject({ done: true, standing: [{ id: 'a' }] });
		expect(eventsForStep(events, 'back-up-database').map((e) => e.id)).toEqual(['b']);
	});

	it('does not reorder the list it is given', async () => {
		const { eventsForStep } = await signoffsOn(new FakeStorage());
		const events = [event('a', 1), event('b', 2)];
		eventsForStep(events, STEP);
		expect(events.map((e) => e.id)).toEqual(['a', 'b']);
	});
});

describe('events of format 1 (before roles, reasons and sequence)', () => {
	const v1 = (time: string, done: boolean, extra: object = {}) =>
		JSON.stringify({ v: 1, step: STEP, done, by: 'Dana Reyes', meaning: 'approved', at: `2025-03-14T${time}.000Z`, comment: 'VAL-1', fingerprint: fingerprintText(TEXT), text: TEXT, ...extra });

	it('migrate with role and reason "not recorded", inventing nothing', async () => {
		const area = new FakeStorage({}, { [`cup:signoff:${STEP}:a`]: v1('09:00:00', true), [`cup:signoff:${STEP}:b`]: v1('10:00:00', false) });
		const { $signoffs } = await signoffsOn(area);
		expect($signoffs.get()).toEqual([
			{ id: 'a', kind: 'signed', step: STEP, by: 'Dana Reyes', role: 'not recorded', meaning: 'approved', at: '2025-03-14T09:00:00.000Z', seq: 0, comment: 'VAL-1', fingerprint: fingerprintText(TEXT), text: TEXT },
			{ id: 'b', kind: 'withdrawn', step: STEP, by: 'Dana Reyes', role: 'not recorded', meaning: 'approved', reason: 'not recorded', at: '2025-03-14T10:00:00.000Z', seq: 0, comment: 'VAL-1', fingerprint: fingerprintText(TEXT), text: TEXT },
		]);
		// Written back in format 2, the stored event says the same: nothing dropped, nothing added but "not recorded".
		const { v, ...rewritten } = JSON.parse(area.data.get(`cup:signoff:${STEP}:a`)!);
		const { v: _, done: __, ...original } = JSON.parse(v1('09:00:00', true));
		expect(v).toBe(2);
		expect(rewritten).toEqual({ ...original, kind: 'signed', role: 'not recorded', seq: 0 });
	});

	it('keep their meaning: an untick of format 1 ends every sign-off standing before it, in their order by time', async () => {
		const area = new FakeStorage(
			{},
			{ [`cup:signoff:${STEP}:a`]: v1('09:00:00', true), [`cup:signoff:${STEP}:b`]: v1('09:30:00', true), [`cup:signoff:${STEP}:c`]: v1('10:00:00', false), [`cup:signoff:${STEP}:d`]: v1('11:00:00', true) },
		);
		const { $signoffs, stepState } = await signoffsOn(area);
		const state = stepState($signoffs.get(), STEP);
		expect(state.standing.map((e) => e.id)).toEqual(['d']);
		expect(Object.keys(state.withdrawnBy).sort()).toEqual(['a', 'b']);
	});

	it('come before every event recorded later, whatever their time', async () => {
		const area = new FakeStorage({}, { [`cup:signoff:${STEP}:old`]: v1('09:00:00', true) });
		const { recordEvent, $signoffs } = await signoffsOn(area);
		const next = recordEvent({ ...sign }, new Date('2020-01-01T00:00:00Z'));
		expect(next.seq).toBe(1);
		expect($signoffs.get().map((e) => e.id)).toEqual(['old', next.id]);
	});
});

describe('recording events', () => {
	it('stores each event under its own key with the agreed shape: kind, role, meaning, sequence', async () => {
		const area = new FakeStorage();
		const { recordEvent } = await signoffsOn(area);
		const added = recordEvent({ ...sign, by: ' Dana Reyes ', comment: ' ok ' }, at('09:00:00.000'));
		const key = `cup:signoff:${STEP}:${added.id}`;
		expect(added.id).toMatch(/^[0-9a-z]+-[0-9a-z]+$/);
		expect(JSON.parse(area.data.get(key)!)).toEqual({
			v: 2,
			kind: 'signed',
			step: STEP,
			by: 'Dana Reyes',
			role: 'customer',
			meaning: 'performed',
			at: '2025-03-14T09:00:00.000Z',
			seq: 1,
			comment: 'ok',
			fingerprint: fingerprintText(TEXT),
			text: TEXT,
		});
	});

	it('takes the meaning of each sign-off as given: one step signed "approved" does not change the next', async () => {
		const { recordEvent, $signoffs } = await signoffsOn(new FakeStorage());
		recordEvent({ ...sign, step: 'raise-val-request', meaning: 'approved' });
		recordEvent({ ...sign });
		expect($signoffs.get().map((e) => [e.step, e.meaning])).toEqual([
			['raise-val-request', 'approved'],
			[STEP, 'performed'],
		]);
	});

	it('puts the signer role on every kind of event, and marks a step of another role confirmed', async () => {
		const { recordEvent, $signoffs } = await signoffsOn(new FakeStorage());
		const signed = recordEvent({ ...sign, step: 'provide-val-environment', meaning: 'reviewed', otherRole: true });
		recordEvent({ kind: 'withdrawn', step: 'provide-val-environment', by: 'Dana Reyes', role: 'customer', fingerprint: fingerprintText(TEXT), text: TEXT, withdraws: signed.id, reason: 'signed the wrong step' });
		recordEvent({ kind: 'not-applicable', step: STEP, by: 'Dana Reyes', role: 'customer', fingerprint: fingerprintText(TEXT), meaning: 'approved', text: TEXT, reason: 'not used here' });
		recordEvent({ kind: 'started', step: STEP, by: 'Dana Reyes', role: 'customer', fingerprint: fingerprintText(TEXT), text: TEXT });
		recordEvent({ kind: 'decided', step: STEP, by: 'Dana Reyes', role: 'customer', fingerprint: fingerprintText(TEXT), text: TEXT, outcome: 'go', reason: 'VAL passed' });
		const all = $signoffs.get();
		expect(all.map((e) => e.kind)).toEqual(['signed', 'withdrawn', 'not-applicable', 'started', 'decided']);
		expect(all.every((e) => e.role === 'customer')).toBe(true);
		expect(all.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
		expect(all[0]).toMatchObject({ meaning: 'reviewed', otherRole: true });
		expect(all[4]).toMatchObject({ outcome: 'go', reason: 'VAL passed' });
	});

	it('withdraws the event chosen, leaving the others standing and every event stored as it was', async () => {
		const area = new FakeStorage();
		const { recordEvent, $signoffs, stepState } = await signoffsOn(area);
		const first = recordEvent({ ...sign });
		const second = recordEvent({ ...sign, meaning: 'reviewed', by: 'Sam Lee' });
		const before = new Map(area.data);
		const w = recordEvent({ kind: 'withdrawn', step: STEP, by: 'Dana Reyes', role: 'customer', fingerprint: fingerprintText(TEXT), text: TEXT, withdraws: first.id, reason: 'performed by someone else' });
		const state = stepState($signoffs.get(), STEP);
		expect(state.standing.map((e) => e.id)).toEqual([second.id]);
		expect(state.withdrawnBy[first.id]?.id).toBe(w.id);
		for (const [key, value] of before) expect(area.data.get(key)).toBe(value);
		expect(area.data.size).toBe(3);
	});

	it('refuses a withdrawal without a reason, or of an event that does not stand', async () => {
		const { recordEvent } = await signoffsOn(new FakeStorage());
		const first = recordEvent({ ...sign });
		const withdraw = { kind: 'withdrawn' as const, step: STEP, by: 'Dana Reyes', role: 'customer', text: TEXT, fingerprint: fingerprintText(TEXT), withdraws: first.id };
		expect(() => recordEvent({ ...withdraw, reason: '  ' })).toThrow(/reason/);
		recordEvent({ ...withdraw, reason: 'mistake' });
		expect(() => recordEvent({ ...withdraw, reason: 'again' })).toThrow(/stands/);
	});

	it('refuses "not applicable" without a reason, a sign-off without meaning or role, a decision without outcome', async () => {
		const { recordEvent } = await signoffsOn(new FakeStorage());
		expect(() => recordEvent({ ...sign, kind: 'not-applicable' })).toThrow(/reason/);
		expect(() => recordEvent({ ...sign, meaning: undefined })).toThrow(/meaning/);
		expect(() => recordEvent({ ...sign, role: '' })).toThrow(/role/);
		expect(() => recordEvent({ ...sign, kind: 'decided', reason: 'x' })).toThrow(/incomplete/);
	});

	it('keeps two events made in the same millisecond apart', async () => {
		const area = new FakeStorage();
		const { recordEvent } = await signoffsOn(area);
		const first = recordEvent({ ...sign }, at('09:00:00.000'));
		const second = recordEvent({ ...sign, by: 'Sam Lee' }, at('09:00:00.000'));
		expect(first.id).not.toBe(second.id);
		expect(second.seq).toBe(first.seq + 1);
		expect(area.data.size).toBe(2);
	});

	it('keeps both entries when two tabs sign the same step at once', async () => {
		const area = new FakeStorage();
		const { recordEvent, $signoffs, events } = await signoffsOn(area);
		const stop = watch($signoffs);
		const mine = recordEvent({ ...sign }, at('09:00:00.000'));
		const theirs = event('m7ab2c-other', 1, 'signed', { by: 'Sam Lee' });
		otherTabWrites(events, area, `cup:signoff:${STEP}:${theirs.id}`, stored(theirs));
		expect($signoffs.get().map((e) => e.by).sort()).toEqual(['Dana Reyes', 'Sam Lee']);
		expect(area.data.has(`cup:signoff:${STEP}:${mine.id}`)).toBe(true);
		stop();
	});

	it('reads the events an earlier page saved, in their order', async () => {
		const b = event('b', 2, 'withdrawn', { withdraws: 'a' });
		const a = event('a', 1);
		const area = new FakeStorage({}, { [`cup:signoff:${STEP}:b`]: stored(b), [`cup:signoff:${STEP}:a`]: stored(a) });
		const { $signoffs } = await signoffsOn(area);
		expect($signoffs.get()).toEqual([a, b]);
	});

	it('refuses to record without a name or with a bad step id', async () => {
		const { recordEvent } = await signoffsOn(new FakeStorage());
		expect(() => recordEvent({ ...sign, by: '  ' })).toThrow(/name/);
		expect(() => recordEvent({ ...sign, step: 'a:b' })).toThrow(/step id/);
	});
});

describe('bad sign-offs in storage', () => {
	const good = event('good', 1);
	const { id: _, ...record } = good;

	it.each([
		['bad JSON', '{"v":2,"step":', 'corrupt'],
		['a number', '7', 'foreign'],
		['the wrong shape', JSON.stringify({ v: 2, ...record, seq: 'first' }), 'foreign'],
		['an unknown kind', JSON.stringify({ v: 2, ...record, kind: 'ticked' }), 'foreign'],
		['an unknown meaning', JSON.stringify({ v: 2, ...record, meaning: 'witnessed' }), 'foreign'],
		['a time without a zone', JSON.stringify({ v: 2, ...record, at: '2024-03-10T02:30:00' }), 'foreign'],
		['a withdrawal naming no event', JSON.stringify({ v: 2, ...record, kind: 'withdrawn', reason: 'x' }), 'foreign'],
		['a format-1 sign-off of the wrong shape', JSON.stringify({ v: 1, ...record, done: 'yes' }), 'foreign'],
		['a step that does not match its key', JSON.stringify({ v: 2, ...record, step: 'other-step' }), 'foreign'],
	])('sets aside %s with its raw text, reports it and keeps the good ones', async (_, raw, reason) => {
		const key = `cup:signoff:${STEP}:bad`;
		const area = new FakeStorage({}, { [key]: raw, [`cup:signoff:${STEP}:good`]: stored(good) });
		const { $signoffs, storage } = await signoffsOn(area);
		expect($signoffs.get()).toEqual([good]);
		expect(area.data.get(`cup:quarantine:${key}`)).toBe(raw);
		expect(storage.$storageProblems.get()).toEqual([
			expect.objectContaining({ key, reason, backupKey: `cup:quarantine:${key}` }),
		]);
	});

	it('keeps fields a newer build added to an event when it is written back', async () => {
		const key = `cup:signoff:${STEP}:good`;
		const raw = JSON.stringify({ v: 2, ...record, witness: 'Sam Lee' });
		const area = new FakeStorage({}, { [key]: raw });
		const { $signoffs } = await signoffsOn(area);
		const stop = watch($signoffs);
		expect(JSON.parse(area.data.get(key)!)).toMatchObject({ witness: 'Sam Lee' });
		stop();
	});
});
