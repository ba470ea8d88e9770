import { describe, expect, it } from 'vitest';
import { buildExport, describeCounts, exportFileName, exportText, RECORD_FORMAT, RECORD_VERSION } from '../../../src/record/export';
import { recordOn, seeded } from './helpers';

describe('buildExport', () => {
	it('wraps a snapshot in a versioned document named after the plan site', async () => {
		const { snapshotAll } = await recordOn(seeded());
		const snapshot = snapshotAll();
		const doc = buildExport(snapshot, new Date('2026-11-25T15:30:00Z'), { url: 'https://playbook.example.org/record/' });
		expect(doc).toMatchObject({
			format: RECORD_FORMAT,
			version: RECORD_VERSION,
			exportedAt: '2026-11-25T15:30:00.000Z',
			site: 'Acme Clinical',
			exportedFrom: 'https://playbook.example.org/record/',
		});
		expect(doc.kinds).toEqual(snapshot);
		expect(JSON.parse(exportText(doc))).toEqual(doc);
	});

	it('holds every registered kind, even an empty one', async () => {
		const { snapshotAll, registeredStates } = await recordOn(seeded());
		const doc = buildExport(snapshotAll(), new Date());
		expect(Object.keys(doc.kinds).sort()).toEqual(registeredStates().map((kind) => kind.name).sort());
		const empty = await recordOn(new (await import('../state/harness')).FakeStorage());
		const blank = buildExport(empty.snapshotAll(), new Date());
		expect(blank.site).toBe('');
		for (const entries of Object.values(blank.kinds)) expect(entries).toEqual({});
	});

	it('gives the same text for the same record, whatever order storage lists the keys in', () => {
		const at = new Date('2026-01-01T00:00:00Z');
		const a = buildExport({ plan: { 'cup:plan:b': '2', 'cup:plan:a': '1' } }, at);
		const b = buildExport({ plan: { 'cup:plan:a': '1', 'cup:plan:b': '2' } }, at);
		expect(exportText(a)).toBe(exportText(b));
		expect(Object.keys(a.kinds.plan!)).toEqual(['cup:plan:a', 'cup:plan:b']);
	});
});

describe('exportFileName', () => {
	const day = new Date(2026, 10, 25, 23, 30);

	it('names the site and the local date', () => {
		expect(exportFileName('Acme', day)).toBe('upgrade-record-acme-2026-11-25.json');
	});

	it('keeps only safe characters', () => {
		expect(exportFileName('  Zürich / Site #2: "Phase I" ', day)).toBe('upgrade-record-zurich-site-2-phase-i-2026-11-25.json');
		expect(exportFileName('../../etc/passwd', day)).toBe('upgrade-record-etc-passwd-2026-11-25.json');
		expect(exportFileName('A'.repeat(200), day)).toMatch(/^upgrade-record-a{40}-2026-11-25\.json$/);
	});

	it('leaves the site out when there is none to name', () => {
		expect(exportFileName('', day)).toBe('upgrade-record-2026-11-25.json');
		expect(exportFileName('株式会社', day)).toBe('upgrade-record-2026-11-25.json');
	});
});

describe('describeCounts', () => {
	it('counts sign-off events and their steps, plan fields, drafts and the other kinds', async () => {
		const { snapshotAll, registeredStates } = await recordOn(seeded());
		const labels = Object.fromEntries(registeredStates().map((kind) => [kind.name, kind.label]));
		expect(describeCounts(snapshotAll(), labels)).toEqual([
			'3 sign-off events for 2 steps',
			'2 plan fields',
			'1 ticket draft',
			'Values set aside: 1 entry',
			'Signer: 1 entry',
			'View preferences: 2 entries',
			'Upgrade planner: 1 entry',
			'Planned times of the day: 1 entry',
			'Configuration QC result: 1 entry',
			'Configuration QC marks: 1 entry',
		]);
		expect(describeCounts({})).toEqual(['0 sign-off events', '0 plan fields', '0 ticket drafts']);
	});
});
