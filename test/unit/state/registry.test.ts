import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FakeStorage, openPage, watch } from './harness';

const STATE_DIR = new URL('../../../src/state/', import.meta.url);
const v1 = (value: unknown) => JSON.stringify({ v: 1, value });

const signoff = {
	step: 'review-release-notes',
	done: true,
	by: 'Dana Reyes',
	meaning: 'performed',
	at: '2025-03-14T09:00:00.000Z',
	comment: '',
	fingerprint: '0853b06d477870',
	text: 'Back up the database.',
};

async function allOn(area: FakeStorage) {
	const page = await openPage(() => area);
	return {
		...page,
		...(await import('../../../src/state/all')),
		registry: await import('../../../src/state/registry'),
		plan: await import('../../../src/state/plan'),
		signoffs: await import('../../../src/state/signoffs'),
	};
}

const seeded = () =>
	new FakeStorage(
		{},
		{
			'cup:plan:site': v1('Acme'),
			'cup:plan:sponsor': v1('Big Pharma'),
			'cup:signoff:review-release-notes:k1-a': JSON.stringify({ v: 1, ...signoff }),
			'cup:signer': '{"v":1,"name":"Dana Reyes","meaning":"reviewed"}',
			'cup:view:side': v1('customer'),
			'cup:view:collapse': v1(true),
			'cup:draft:val-upgrade': JSON.stringify({ v: 1, values: { a: 'b' }, savedAt: '2025-03-01T10:00:00.000Z' }),
			'cup:quarantine:cup:plan:x': 'not json',
			'starlight-theme': 'dark',
		},
	);

describe('the registry', () => {
	it('lists every kind of state, each with a label and keys under cup:', async () => {
		const { registeredStates } = await allOn(new FakeStorage());
		const kinds = registeredStates();
		expect(kinds.map((kind) => kind.name).sort()).toEqual(
			['drafts', 'plan', 'planned', 'planner', 'qc', 'qc-marks', 'quarantine', 'signer', 'signoffs', 'view'].sort(),
		);
		for (const kind of kinds) {
			expect(kind.label).not.toBe('');
			for (const key of kind.keys) expect(key.startsWith('cup:')).toBe(true);
		}
	});

	it('is complete: every module that registers a kind is imported by all.ts', () => {
		const all = readFileSync(new URL('all.ts', STATE_DIR), 'utf8');
		const registering = readdirSync(STATE_DIR).filter(
			(file) => file !== 'registry.ts' && readFileSync(new URL(file, STATE_DIR), 'utf8').match(/\bregisterState\s*[<(]/),
		);
		expect(registering.length).toBeGreaterThanOrEqual(5);
		for (const file of registering) expect(all).toContain(`import './${file.replace(/\.ts$/, '')}';`);
	});

	it('refuses a kind that claims keys another kind owns', async () => {
		const { registry } = await allOn(new FakeStorage());
		const kind = { label: 'X', decode: () => ({ ok: true as const, value: 1 }), encode: () => '' };
		expect(() => registry.registerState({ ...kind, name: 'x', keys: ['cup:plan:notes'] })).toThrow(/plan/);
		expect(() => registry.registerState({ ...kind, name: 'y', keys: ['cup:'] })).toThrow();
		expect(() => registry.registerState({ ...kind, name: 'z', keys: ['cup:checklist:'] })).not.toThrow();
		expect(registry.registeredStates().map((k) => k.name)).toContain('z');
	});

	it('takes a snapshot of every kind as plain data, leaving other sites keys out', async () => {
		const { snapshotAll } = await allOn(seeded());
		const snapshot = snapshotAll();
		expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
		expect(snapshot).toEqual({
			quarantine: { 'cup:quarantine:cup:plan:x': 'not json' },
			plan: { 'cup:plan:site': 'Acme', 'cup:plan:sponsor': 'Big Pharma' },
			// Stored in format 1, read through the migration.
			signoffs: { 'cup:signoff:review-release-notes:k1-a': { kind: 'signed', role: 'not recorded', seq: 0, ...(({ done: _, ...rest }) => rest)(signoff) } },
			signer: { 'cup:signer': { name: 'Dana Reyes', role: '' } },
			view: { 'cup:view:side': 'customer', 'cup:view:collapse': true },
			drafts: { 'cup:draft:val-upgrade': { values: { a: 'b' }, savedAt: '2025-03-01T10:00:00.000Z' } },
			planner: {},
			qc: {},
			'qc-marks': {},
			planned: {},
		});
	});

	it('sets bad values aside while taking a snapshot, so the snapshot holds them too', async () => {
		const area = new FakeStorage({}, { 'cup:plan:site': '{oops' });
		const { snapshotAll } = await allOn(area);
		const snapshot = snapshotAll();
		expect(snapshot.plan).toEqual({});
		expect(snapshot.quarantine).toEqual({ 'cup:quarantine:cup:plan:site': '{oops' });
	});

	it('clears one kind, in storage and in the stores on the page', async () => {
		const area = seeded();
		const { clearKind, plan } = await allOn(area);
		const stop = watch(plan.$plan);
		expect(plan.$plan.get().site).toBe('Acme');
		expect(clearKind('plan')).toBe(2);
		expect(plan.$plan.get().site).toBe('');
		expect([...area.data.keys()].filter((key) => key.startsWith('cup:plan:'))).toEqual([]);
		expect(area.data.has('cup:signer')).toBe(true);
		stop();
	});

	it('restores a snapshot into an empty browser', async () => {
		const { snapshotAll } = await allOn(seeded());
		const snapshot = snapshotAll();
		const fresh = await allOn(new FakeStorage());
		for (const [name, entries] of Object.entries(snapshot)) expect(fresh.mergeEntries(name, entries)).toEqual([]);
		expect(fresh.snapshotAll()).toEqual(snapshot);
	});

	it('refuses entries that are unusable or not the kind own, and writes the rest', async () => {
		const area = new FakeStorage();
		const { mergeEntries, plan } = await allOn(area);
		const stop = watch(plan.$plan);
		const refused = mergeEntries('plan', {
			'cup:plan:site': 'Acme',
			'cup:plan:valTicket': 42,
			'cup:signer': 'Dana',
			'cup:plan:prodTicket': null,
		});
		expect(refused).toEqual(['cup:plan:valTicket', 'cup:signer', 'cup:plan:prodTicket']);
		expect(plan.$plan.get().site).toBe('Acme');
		expect([...area.data.keys()]).toEqual(['cup:plan:site']);
		stop();
	});

	it('never overwrites a sign-off that already exists', async () => {
		const area = seeded();
		const { mergeEntries } = await allOn(area);
		const key = 'cup:signoff:review-release-notes:k1-a';
		const before = area.data.get(key);
		expect(mergeEntries('signoffs', { [key]: { ...signoff, done: false } })).toEqual([]);
		expect(area.data.get(key)).toBe(before);
	});

	it('replaces a kind wholesale when asked', async () => {
		const area = seeded();
		const { replaceEntries, plan } = await allOn(area);
		const stop = watch(plan.$plan);
		replaceEntries('plan', { 'cup:plan:targetVersion': '24.2' });
		expect(plan.$plan.get()).toMatchObject({ site: '', targetVersion: '24.2' });
		expect([...area.data.keys()].filter((key) => key.startsWith('cup:plan:'))).toEqual(['cup:plan:targetVersion']);
		stop();
	});

	it('names the kind it does not know', async () => {
		const { clearKind } = await allOn(new FakeStorage());
		expect(() => clearKind('nope')).toThrow(/nope/);
	});
});
