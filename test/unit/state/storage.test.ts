import { describe, expect, it, vi } from 'vitest';
import { FakeStorage, openPage, otherTabWrites } from './harness';

const PLAN_SITE = 'cup:plan:site';
const v1 = (value: string) => JSON.stringify({ v: 1, value });

describe('opening storage', () => {
	it('loads in Node without a window and says progress will not be kept', async () => {
		vi.resetModules();
		const storage = await import('../../../src/state/storage');
		expect(storage.$storageStatus.get()).toMatchObject({ kind: 'memory', reason: 'unavailable' });
		storage.writeRaw('cup:x', '1');
		expect(storage.readRaw('cup:x')).toBe('1');
	});

	it('uses the storage it is given and leaves no probe behind', async () => {
		const area = new FakeStorage();
		const { storage } = await openPage(() => area);
		expect(storage.$storageStatus.get()).toEqual({ kind: 'ok' });
		storage.writeRaw('cup:x', '1');
		expect([...area.data]).toEqual([['cup:x', '1']]);
	});

	it('works in memory when there is no storage, and says why', async () => {
		const { storage } = await openPage(() => null);
		const status = storage.$storageStatus.get();
		expect(status).toMatchObject({ kind: 'memory', reason: 'unavailable' });
		expect(status.kind === 'memory' && status.message).toMatch(/Progress will not be kept/);
		storage.writeRaw('cup:x', '1');
		expect(storage.readRaw('cup:x')).toBe('1');
	});

	it('works in memory when opening storage throws (blocked site data)', async () => {
		const { storage } = await openPage(() => {
			throw new DOMException('The operation is insecure.', 'SecurityError');
		});
		const status = storage.$storageStatus.get();
		expect(status).toMatchObject({ kind: 'memory', reason: 'blocked' });
		expect(status.kind === 'memory' && status.message).toMatch(/blocks/);
		storage.writeRaw('cup:x', '1');
		expect(storage.readRaw('cup:x')).toBe('1');
	});

	it('works in memory when writing throws, still showing what was saved before', async () => {
		const area = new FakeStorage({ failSet: true }, { [PLAN_SITE]: v1('Acme') });
		const { storage } = await openPage(() => area);
		expect(storage.$storageStatus.get()).toMatchObject({ kind: 'memory', reason: 'blocked' });
		expect(storage.readRaw(PLAN_SITE)).toBe(v1('Acme'));
		storage.writeRaw(PLAN_SITE, v1('Beta'));
		expect(storage.readRaw(PLAN_SITE)).toBe(v1('Beta'));
		expect(area.data.get(PLAN_SITE)).toBe(v1('Acme'));
	});

	it('works in memory when reading starts to throw', async () => {
		const area = new FakeStorage({ failGet: true });
		const { storage } = await openPage(() => area);
		expect(storage.$storageStatus.get()).toEqual({ kind: 'ok' });
		expect(storage.readRaw('cup:x')).toBeUndefined();
		expect(storage.$storageStatus.get()).toMatchObject({ kind: 'memory', reason: 'blocked' });
		storage.writeRaw('cup:x', '1');
		expect(storage.readRaw('cup:x')).toBe('1');
	});

	it('keeps a write that finds storage full in memory, with what was saved before, and reports it', async () => {
		const area = new FakeStorage({ quota: 80 }, { [PLAN_SITE]: v1('Acme') });
		const { storage } = await openPage(() => area);
		expect(storage.$storageStatus.get()).toEqual({ kind: 'ok' });
		const big = v1('x'.repeat(100));
		storage.writeRaw('cup:plan:instances', big);
		const status = storage.$storageStatus.get();
		expect(status).toMatchObject({ kind: 'memory', reason: 'full' });
		expect(status.kind === 'memory' && status.message).toMatch(/full/);
		expect(storage.readRaw('cup:plan:instances')).toBe(big);
		expect(storage.readRaw(PLAN_SITE)).toBe(v1('Acme'));
		expect(area.data.has('cup:plan:instances')).toBe(false);
		storage.writeRaw('cup:y', '1');
		expect(storage.readRaw('cup:y')).toBe('1');
		expect(area.data.has('cup:y')).toBe(false);
	});

	it('reports a storage that is already full when the page opens', async () => {
		const area = new FakeStorage({ quota: 30 }, { [PLAN_SITE]: v1('Acme') });
		const { storage } = await openPage(() => area);
		expect(storage.$storageStatus.get()).toMatchObject({ kind: 'memory', reason: 'full' });
		expect(storage.readRaw(PLAN_SITE)).toBe(v1('Acme'));
	});

	it('lists only the playbook keys', async () => {
		const area = new FakeStorage({}, { 'starlight-theme': 'dark', [PLAN_SITE]: v1('Acme') });
		const { storage } = await openPage(() => area);
		expect(storage.storedKeys()).toEqual([PLAN_SITE]);
	});
});

describe('setting values aside', () => {
	const refuse = async (area: FakeStorage) => {
		const page = await openPage(() => area);
		page.storage.setKeyCheck((_key, raw) =>
			raw.startsWith('bad') ? { ok: false, reason: 'corrupt', message: 'Unreadable.' } : undefined,
		);
		return page;
	};

	it('moves a refused value, raw, under its backup key and reports it', async () => {
		const area = new FakeStorage({}, { [PLAN_SITE]: 'bad {' });
		const { storage } = await refuse(area);
		expect(storage.readChecked(PLAN_SITE)).toBeUndefined();
		expect(area.data.get(`cup:quarantine:${PLAN_SITE}`)).toBe('bad {');
		expect(area.data.has(PLAN_SITE)).toBe(false);
		const [problem] = storage.$storageProblems.get();
		expect(problem).toMatchObject({ key: PLAN_SITE, reason: 'corrupt', backupKey: `cup:quarantine:${PLAN_SITE}` });
		expect(problem!.message).toContain(`cup:quarantine:${PLAN_SITE}`);
	});

	it('passes accepted values through untouched', async () => {
		const area = new FakeStorage({}, { [PLAN_SITE]: 'good' });
		const { storage } = await refuse(area);
		expect(storage.readChecked(PLAN_SITE)).toBe('good');
		expect(storage.$storageProblems.get()).toEqual([]);
	});

	it('never overwrites a value set aside earlier for the same key', async () => {
		const area = new FakeStorage({}, { [PLAN_SITE]: 'bad 1' });
		const { storage } = await refuse(area);
		storage.readChecked(PLAN_SITE);
		area.data.set(PLAN_SITE, 'bad 2');
		storage.readChecked(PLAN_SITE);
		expect(area.data.get(`cup:quarantine:${PLAN_SITE}`)).toBe('bad 1');
		expect(area.data.get(`cup:quarantine:${PLAN_SITE}~2`)).toBe('bad 2');
		expect(storage.$storageProblems.get().map((p) => p.backupKey)).toEqual([
			`cup:quarantine:${PLAN_SITE}`,
			`cup:quarantine:${PLAN_SITE}~2`,
		]);
	});

	it('sets the same text aside once when two tabs find it', async () => {
		const area = new FakeStorage({}, { [PLAN_SITE]: 'bad 1', [`cup:quarantine:${PLAN_SITE}`]: 'bad 1' });
		const { storage } = await refuse(area);
		storage.readChecked(PLAN_SITE);
		expect([...area.data.keys()]).toEqual([`cup:quarantine:${PLAN_SITE}`]);
	});

	it('keeps the original in storage when there is no room for the backup', async () => {
		const area = new FakeStorage({ quota: 40 }, { [PLAN_SITE]: 'bad value' });
		const { storage } = await refuse(area);
		expect(storage.readChecked(PLAN_SITE)).toBeUndefined();
		expect(storage.$storageStatus.get()).toMatchObject({ kind: 'memory', reason: 'full' });
		expect(area.data.get(PLAN_SITE)).toBe('bad value');
		expect(storage.readRaw(`cup:quarantine:${PLAN_SITE}`)).toBe('bad value');
		expect(storage.$storageProblems.get()).toHaveLength(1);
	});

	it('sets aside a refused value another tab writes', async () => {
		const area = new FakeStorage();
		const { storage, events } = await refuse(area);
		otherTabWrites(events, area, PLAN_SITE, 'bad from elsewhere');
		expect(area.data.get(`cup:quarantine:${PLAN_SITE}`)).toBe('bad from elsewhere');
		expect(area.data.has(PLAN_SITE)).toBe(false);
		expect(storage.$storageProblems.get()).toHaveLength(1);
	});
});

describe('other tabs', () => {
	it('mirrors their changes into memory once storage has failed', async () => {
		const area = new FakeStorage({ quota: 60 });
		const { storage, events } = await openPage(() => area);
		storage.writeRaw('cup:big', 'x'.repeat(100));
		expect(storage.$storageStatus.get()).toMatchObject({ kind: 'memory' });
		otherTabWrites(events, area, 'cup:y', 'from elsewhere');
		expect(storage.readRaw('cup:y')).toBe('from elsewhere');
		otherTabWrites(events, area, 'cup:y');
		expect(storage.readRaw('cup:y')).toBeUndefined();
	});

	it('ignores events of another storage area (sessionStorage)', async () => {
		const area = new FakeStorage({ failSet: true });
		const { storage, events } = await openPage(() => area);
		otherTabWrites(events, new FakeStorage(), 'cup:y', 'session');
		expect(storage.readRaw('cup:y')).toBeUndefined();
	});
});
