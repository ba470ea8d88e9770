import { describe, expect, it } from 'vitest';
import { fingerprintText } from '../../../src/state/fingerprint';
import type { SignoffEvent } from '../../../src/state/signoffs';
import { FakeStorage, openPage, otherTabWrites, watch } from './harness';

const STEP = 'review-release-notes';
const TEXT = 'Read every release note between your current and target version.';
const sign = { step: STEP, by: 'Dana Reyes', meaning: 'performed' as const, text: TEXT };
const at = (time: string) => new Date(`2025-03-14T${time}Z`);

async function signoffsOn(area: FakeStorage) {
	const page = await openPage(() => area);
	return { ...page, ...(await import('../../../src/state/signoffs')) };
}

const event = (id: string, time: string, done: boolean, step = STEP): SignoffEvent => ({
	id,
	step,
	done,
	by: 'Dana Reyes',
	meaning: 'performed',
	at: `2025-03-14T${time}Z`,
	comment: '',
	fingerprint: fingerprintText(TEXT),
	text: TEXT,
});

const stored = (e: SignoffEvent) => {
	const { id, ...record } = e;
	return JSON.stringify({ v: 1, ...record });
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
	it('is not done before any event', async () => {
		const { stepState } = await signoffsOn(new FakeStorage());
		expect(stepState([], STEP)).toEqual({ done: false });
	});

	it('follows tick, untick and tick again', async () => {
		const { stepState, eventsForStep } = await signoffsOn(new FakeStorage());
		const events = [event('a', '09:00:00.000', true), event('b', '09:05:00.000', false)];
		expect(stepState(events, STEP)).toMatchObject({ done: false, latest: { id: 'b' } });
		events.push(event('c', '09:10:00.000', true));
		expect(stepState(events, STEP)).toMatchObject({ done: true, latest: { id: 'c' } });
		expect(eventsForStep(events, STEP).map((e) => e.id)).toEqual(['c', 'b', 'a']);
	});

	it('orders by time, not by arrival', async () => {
		const { stepState } = await signoffsOn(new FakeStorage());
		const events = [event('late', '10:00:00.000', false), event('early', '09:00:00.000', true)];
		expect(stepState(events, STEP)).toMatchObject({ done: false, latest: { id: 'late' } });
		expect(stepState([...events].reverse(), STEP)).toMatchObject({ done: false, latest: { id: 'late' } });
	});

	it('breaks a tie in the same millisecond by id, the same way whatever the order', async () => {
		const { stepState } = await signoffsOn(new FakeStorage());
		const a = event('m1-aaa', '09:00:00.000', true);
		const b = event('m1-bbb', '09:00:00.000', false);
		expect(stepState([a, b], STEP).latest?.id).toBe('m1-bbb');
		expect(stepState([b, a], STEP).latest?.id).toBe('m1-bbb');
	});

	it('looks only at the step asked about', async () => {
		const { stepState, eventsForStep } = await signoffsOn(new FakeStorage());
		const events = [event('a', '09:00:00.000', true), event('b', '10:00:00.000', false, 'back-up-database')];
		expect(stepState(events, STEP)).toMatchObject({ done: true });
		expect(eventsForStep(events, 'back-up-database').map((e) => e.id)).toEqual(['b']);
	});

	it('does not reorder the list it is given', async () => {
		const { eventsForStep } = await signoffsOn(new FakeStorage());
		const events = [event('a', '09:00:00.000', true), event('b', '10:00:00.000', false)];
		eventsForStep(events, STEP);
		expect(events.map((e) => e.id)).toEqual(['a', 'b']);
	});
});

describe('signing off', () => {
	it('stores each event under its own key with the agreed shape', async () => {
		const area = new FakeStorage();
		const { addSignoff } = await signoffsOn(area);
		const added = addSignoff({ ...sign, done: true, by: ' Dana Reyes ', comment: ' ok ' }, at('09:00:00.000'));
		const key = `cup:signoff:${STEP}:${added.id}`;
		expect(added.id).toMatch(/^[0-9a-z]+-[0-9a-z]+$/);
		expect(JSON.parse(area.data.get(key)!)).toEqual({
			v: 1,
			step: STEP,
			done: true,
			by: 'Dana Reyes',
			meaning: 'performed',
			at: '2025-03-14T09:00:00.000Z',
			comment: 'ok',
			fingerprint: fingerprintText(TEXT),
			text: TEXT,
		});
	});

	it('adds an event to untick and to tick again, erasing and rewriting nothing', async () => {
		const area = new FakeStorage();
		const { addSignoff, $signoffs, $stepStates } = await signoffsOn(area);
		const stop = watch($stepStates);
		addSignoff({ ...sign, done: true }, at('09:00:00.000'));
		const afterTick = new Map(area.data);
		addSignoff({ ...sign, done: false }, at('09:01:00.000'));
		expect($stepStates.get()[STEP]).toMatchObject({ done: false });
		addSignoff({ ...sign, done: true, meaning: 'reviewed' }, at('09:02:00.000'));
		expect($stepStates.get()[STEP]).toMatchObject({ done: true, latest: { meaning: 'reviewed' } });
		expect($signoffs.get().map((e) => e.done)).toEqual([true, false, true]);
		expect(area.data.size).toBe(3);
		for (const [key, value] of afterTick) expect(area.data.get(key)).toBe(value);
		stop();
	});

	it('keeps two sign-offs made in the same millisecond apart', async () => {
		const area = new FakeStorage();
		const { addSignoff, $signoffs, stepState } = await signoffsOn(area);
		const first = addSignoff({ ...sign, done: true }, at('09:00:00.000'));
		const second = addSignoff({ ...sign, done: false, by: 'Sam Lee' }, at('09:00:00.000'));
		expect(first.id).not.toBe(second.id);
		expect(area.data.size).toBe(2);
		const latest = [first, second].sort((a, b) => (a.id < b.id ? -1 : 1))[1]!;
		expect(stepState($signoffs.get(), STEP).latest?.id).toBe(latest.id);
	});

	it('keeps both entries when two tabs sign the same step at once', async () => {
		const area = new FakeStorage();
		const { addSignoff, $signoffs, events } = await signoffsOn(area);
		const stop = watch($signoffs);
		const mine = addSignoff({ ...sign, done: true }, at('09:00:00.000'));
		const theirs = event('m7ab2c-other', '09:00:00.000', true);
		otherTabWrites(events, area, `cup:signoff:${STEP}:${theirs.id}`, stored({ ...theirs, by: 'Sam Lee' }));
		expect($signoffs.get().map((e) => e.by).sort()).toEqual(['Dana Reyes', 'Sam Lee']);
		expect(area.data.has(`cup:signoff:${STEP}:${mine.id}`)).toBe(true);
		expect(area.data.has(`cup:signoff:${STEP}:${theirs.id}`)).toBe(true);
		stop();
	});

	it('places an event that arrives late from another tab by its time', async () => {
		const area = new FakeStorage();
		const { addSignoff, $stepStates, events } = await signoffsOn(area);
		const stop = watch($stepStates);
		addSignoff({ ...sign, done: false }, at('10:00:00.000'));
		const older = event('older-1', '09:00:00.000', true);
		otherTabWrites(events, area, `cup:signoff:${STEP}:${older.id}`, stored(older));
		expect($stepStates.get()[STEP]).toMatchObject({ done: false });
		expect($stepStates.get()[STEP]?.latest?.id).not.toBe('older-1');
		stop();
	});

	it('reads the events an earlier page saved, oldest first', async () => {
		const b = event('b', '10:00:00.000', false);
		const a = event('a', '09:00:00.000', true);
		const area = new FakeStorage({}, { [`cup:signoff:${STEP}:b`]: stored(b), [`cup:signoff:${STEP}:a`]: stored(a) });
		const { $signoffs } = await signoffsOn(area);
		expect($signoffs.get()).toEqual([a, b]);
	});

	it('refuses to sign without a name or with a bad step id', async () => {
		const { addSignoff } = await signoffsOn(new FakeStorage());
		expect(() => addSignoff({ ...sign, done: true, by: '  ' })).toThrow(/name/);
		expect(() => addSignoff({ ...sign, done: true, step: 'a:b' })).toThrow(/step id/);
	});
});

describe('bad sign-offs in storage', () => {
	const good = event('good', '09:00:00.000', true);
	const { id: _, ...record } = good;

	it.each([
		['bad JSON', '{"v":1,"step":', 'corrupt'],
		['a number', '7', 'foreign'],
		['the wrong shape', JSON.stringify({ v: 1, ...record, done: 'yes' }), 'foreign'],
		['an unknown meaning', JSON.stringify({ v: 1, ...record, meaning: 'witnessed' }), 'foreign'],
		['a time that is not a time', JSON.stringify({ v: 1, ...record, at: 'yesterday' }), 'foreign'],
		['a step that does not match its key', JSON.stringify({ v: 1, ...record, step: 'other-step' }), 'foreign'],
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
		const raw = JSON.stringify({ v: 1, ...record, witness: 'Sam Lee' });
		const area = new FakeStorage({}, { [key]: raw });
		const { $signoffs } = await signoffsOn(area);
		const stop = watch($signoffs);
		expect(JSON.parse(area.data.get(key)!)).toMatchObject({ witness: 'Sam Lee' });
		stop();
	});
});
