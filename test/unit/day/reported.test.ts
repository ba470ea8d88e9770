import { describe, expect, it } from 'vitest';
import { decode } from '../../../src/state/codec';
import { EVENT_FORMAT, eventVersion, isReported } from '../../../src/state/events';
import { eventAction, signedBy } from '../../../src/checklist/signoff-text';
import { fingerprintText } from '../../../src/state/fingerprint';
import { FakeStorage } from '../state/harness';
import { recordOn } from '../record/helpers';

const TEXT = 'Tell the customer in the service desk ticket once PROD MAIN is upgraded.';
const base = {
	kind: 'signed',
	step: 'report-prod-main-upgraded',
	by: 'Dana Reyes',
	role: 'customer',
	at: '2026-11-30T10:45:00.000Z',
	seq: 3,
	comment: '',
	fingerprint: fingerprintText(TEXT),
	text: TEXT,
};
const reported = { ...base, reported: { by: 'iqvia', at: '2026-11-30T10:40:00.000Z' } };
const raw = (v: number, record: object) => JSON.stringify({ v, ...record });

describe('a reported sign-off (event format 3)', () => {
	it('is read back as recorded', () => {
		const result = decode(raw(3, reported), EVENT_FORMAT);
		expect(result).toEqual({ ok: true, value: reported });
		expect(eventVersion(reported)).toBe(3);
		expect(eventVersion({ ...base, meaning: 'performed' })).toBe(2);
	});

	it('is refused when malformed: a meaning of its own, another kind, an unknown side, a time without a zone, extra fields', () => {
		const bad = [
			{ ...reported, meaning: 'performed' },
			{ ...reported, kind: 'not-applicable', reason: 'x' },
			{ ...reported, kind: 'started' },
			{ ...reported, reported: { by: 'vendor', at: '2026-11-30T10:40:00.000Z' } },
			{ ...reported, reported: { by: 'iqvia', at: '2026-11-30T10:40' } },
			{ ...reported, reported: { by: 'iqvia', at: '2026-11-31T10:40:00Z' } },
			{ ...reported, reported: { by: 'iqvia', at: '2026-11-30T10:40:00Z', who: 'x' } },
			{ ...reported, reported: 'iqvia' },
		];
		for (const record of bad) expect(decode(raw(3, record), EVENT_FORMAT).ok, JSON.stringify(record)).toBe(false);
		expect(isReported({ by: 'customer', at: '2026-11-30T10:40:00Z' })).toBe(true);
	});

	it('cannot be smuggled in as format 2, and a sign-off without a meaning is still refused', () => {
		expect(decode(raw(2, reported), EVENT_FORMAT).ok).toBe(false);
		expect(decode(raw(3, base), EVENT_FORMAT).ok).toBe(false);
		expect(decode(raw(2, { ...base, meaning: 'performed' }), EVENT_FORMAT).ok).toBe(true);
	});

	it('is never misread by a page that reads format 2: it is set aside as from a newer version', () => {
		const older = { ...EVENT_FORMAT, version: 2 };
		expect(decode(raw(3, reported), older)).toMatchObject({ ok: false, reason: 'future' });
		// In an import file (no version on the entry) a format-2 reader finds a sign-off without a meaning and refuses it.
		expect(older.validate({ v: 2, ...reported, reported: undefined })).toBeUndefined();
	});

	it('reads as reported by the other side and recorded by the signer, never as performed by the signer', () => {
		const names = (id: string) => (id === 'customer' ? 'Customer' : id);
		const words = signedBy(reported as never, names);
		expect(words).toBe('reported by IQVIA in the ticket at 2026-11-30 10:40 (UTC+00:00) · 10:40 UTC, recorded by Dana Reyes, Customer');
		expect(words).not.toContain('performed');
		expect(eventAction(reported as never)).toBe('Done (reported)');
	});

	it('reads as reported in the import preview too', async () => {
		const { eventSummary } = await import('../../../src/record/import-events');
		expect(eventSummary(reported)).toBe('done as reported by IQVIA in the ticket at 2026-11-30 10:40 (UTC+00:00) · 10:40 UTC, recorded by Dana Reyes, customer, 2026-11-30 10:45 (UTC+00:00) · 10:45 UTC');
		expect(eventSummary({ ...base, meaning: 'performed' })).toMatch(/^signed by Dana Reyes, customer \(performed\)/);
	});

	it('survives export, reset and import with planned times', async () => {
		const area = new FakeStorage({}, {
			'cup:signoff:report-prod-main-upgraded:k1-a': raw(3, reported),
			'cup:planned:test-prod-main': raw(1, { minutes: 240, note: 'plan: 3-5 hours?' }),
			'cup:planned:revert': raw(1, { minutes: 55, note: '' }),
		});
		const page = await recordOn(area);
		const file = JSON.parse(page.exportText(page.buildExport(page.snapshotAll(), new Date('2026-11-30T11:00:00Z'))));
		expect(file.kinds.signoffs['cup:signoff:report-prod-main-upgraded:k1-a']).toEqual(reported);
		expect(file.kinds.planned).toEqual({
			'cup:planned:revert': { minutes: 55, note: '' },
			'cup:planned:test-prod-main': { minutes: 240, note: 'plan: 3-5 hours?' },
		});
		const before = new Map(area.data);
		for (const name of Object.keys(file.kinds)) page.clearKind(name);
		expect([...area.data.keys()].filter((key) => key.startsWith('cup:signoff:') || key.startsWith('cup:planned:'))).toEqual([]);
		for (const [name, entries] of Object.entries(file.kinds)) expect(page.replaceEntries(name, entries as Record<string, unknown>)).toEqual([]);
		for (const key of ['cup:signoff:report-prod-main-upgraded:k1-a', 'cup:planned:test-prod-main', 'cup:planned:revert']) expect(area.data.get(key)).toBe(before.get(key));
	});
});

describe('planned times', () => {
	it('are validated: whole minutes from 1 to a week, a note, a key naming a step', async () => {
		const page = await recordOn(new FakeStorage());
		const { kindNamed } = await import('../../../src/state/registry');
		const kind = kindNamed('planned');
		expect(kind.decode(raw(1, { minutes: 90, note: '' }), 'cup:planned:test-prod-main').ok).toBe(true);
		for (const value of [{ minutes: 0, note: '' }, { minutes: 1.5, note: '' }, { minutes: 7 * 24 * 60 + 1, note: '' }, { minutes: '90', note: '' }, { minutes: 90 }]) {
			expect(kind.decode(raw(1, value), 'cup:planned:test-prod-main').ok, JSON.stringify(value)).toBe(false);
		}
		expect(kind.decode('{"v":1,', 'cup:planned:x')).toMatchObject({ ok: false, reason: 'corrupt' });
		expect(kind.decode(raw(2, { minutes: 90, note: '' }), 'cup:planned:x')).toMatchObject({ ok: false, reason: 'future' });
		expect(kind.decode(raw(1, { minutes: 90, note: '' }), 'cup:planned:')).toMatchObject({ ok: false });
		expect(page.registeredStates().map((k) => k.name)).toContain('planned');
	});

	it('are kept and removed through setPlanned, and a corrupt one is set aside, not lost', async () => {
		const area = new FakeStorage({}, { 'cup:planned:back-up-prod': 'not json' });
		const page = await recordOn(area);
		const { $planned, setPlanned } = await import('../../../src/state/planned');
		const stop = $planned.listen(() => {});
		setPlanned('test-prod-main', { minutes: 240, note: ' plan ' });
		expect(area.data.get('cup:planned:test-prod-main')).toBe('{"v":1,"minutes":240,"note":"plan"}');
		expect(() => setPlanned('test-prod-main', { minutes: 0, note: '' })).toThrow(/whole number of minutes/);
		setPlanned('test-prod-main', undefined);
		expect(area.data.has('cup:planned:test-prod-main')).toBe(false);
		page.snapshotAll();
		expect(area.data.get('cup:quarantine:cup:planned:back-up-prod')).toBe('not json');
		stop();
	});
});
