import { describe, expect, it } from 'vitest';
import { FakeStorage, openPage, otherTabWrites, watch } from './harness';

const v1 = (value: unknown) => JSON.stringify({ v: 1, value });
const empty = {
	site: '',
	instances: '',
	currentVersion: '',
	targetVersion: '',
	valTicket: '',
	prodTicket: '',
	upgradeDate: '',
};

async function planOn(area: FakeStorage) {
	const page = await openPage(() => area);
	return { ...page, ...(await import('../../../src/state/plan')) };
}

describe('the upgrade plan', () => {
	it('has every field empty before anything is entered', async () => {
		const { $plan } = await planOn(new FakeStorage());
		expect($plan.get()).toEqual(empty);
	});

	it('keeps each field under its own versioned key', async () => {
		const area = new FakeStorage();
		const { $plan, setPlanField } = await planOn(area);
		const stop = watch($plan);
		setPlanField('site', 'Acme Pharma');
		setPlanField('upgradeDate', '2025-03-14');
		expect($plan.get()).toMatchObject({ site: 'Acme Pharma', upgradeDate: '2025-03-14' });
		expect(area.data.get('cup:plan:site')).toBe('{"v":1,"value":"Acme Pharma"}');
		expect(area.data.get('cup:plan:upgradeDate')).toBe('{"v":1,"value":"2025-03-14"}');
		stop();
	});

	it('removes a field that is emptied', async () => {
		const area = new FakeStorage({}, { 'cup:plan:site': v1('Acme') });
		const { $plan, setPlanField } = await planOn(area);
		const stop = watch($plan);
		setPlanField('site', '');
		expect(area.data.has('cup:plan:site')).toBe(false);
		expect($plan.get().site).toBe('');
		stop();
	});

	it('reads what an earlier page saved', async () => {
		const area = new FakeStorage({}, { 'cup:plan:targetVersion': v1('24.2') });
		const { $plan } = await planOn(area);
		expect($plan.get().targetVersion).toBe('24.2');
	});

	it('migrates format 0 (a bare JSON string) and saves it in the current format', async () => {
		const area = new FakeStorage({}, { 'cup:plan:site': '"Acme"' });
		const { $plan, storage } = await planOn(area);
		const stop = watch($plan);
		expect($plan.get().site).toBe('Acme');
		expect(area.data.get('cup:plan:site')).toBe(v1('Acme'));
		expect(storage.$storageProblems.get()).toEqual([]);
		stop();
	});

	it.each([
		['bad JSON', '{"v":1,"value":"Ac', 'corrupt'],
		['a number', '42', 'foreign'],
		['the wrong shape', '{"v":1,"value":7}', 'foreign'],
		['an object without version or value', '{"name":"Acme"}', 'foreign'],
	])('sets aside %s, keeping its raw text, and reports it', async (_, raw, reason) => {
		const area = new FakeStorage({}, { 'cup:plan:site': raw, 'cup:plan:prodTicket': v1('CR-2') });
		const { $plan, storage } = await planOn(area);
		expect($plan.get()).toEqual({ ...empty, prodTicket: 'CR-2' });
		expect(area.data.get('cup:quarantine:cup:plan:site')).toBe(raw);
		expect(area.data.has('cup:plan:site')).toBe(false);
		expect(storage.$storageProblems.get()).toEqual([
			expect.objectContaining({
				key: 'cup:plan:site',
				reason,
				backupKey: 'cup:quarantine:cup:plan:site',
				message: expect.stringContaining('Upgrade plan'),
			}),
		]);
	});

	it('ignores fields it does not know but keeps them', async () => {
		const area = new FakeStorage({}, { 'cup:plan:sponsor': v1('Big Pharma'), 'cup:plan:site': v1('Acme') });
		const { $plan, setPlanField } = await planOn(area);
		const stop = watch($plan);
		setPlanField('site', 'Beta');
		expect($plan.get()).toEqual({ ...empty, site: 'Beta' });
		expect(area.data.get('cup:plan:sponsor')).toBe(v1('Big Pharma'));
		stop();
	});

	it('follows what another tab saves, without reload', async () => {
		const area = new FakeStorage();
		const { $plan, events } = await planOn(area);
		const stop = watch($plan);
		otherTabWrites(events, area, 'cup:plan:site', v1('Acme'));
		expect($plan.get().site).toBe('Acme');
		otherTabWrites(events, area, 'cup:plan:site');
		expect($plan.get().site).toBe('');
		stop();
	});

	it('sets aside a bad value another tab saves and keeps its own', async () => {
		const area = new FakeStorage({}, { 'cup:plan:site': v1('Acme') });
		const { $plan, events, storage } = await planOn(area);
		const stop = watch($plan);
		otherTabWrites(events, area, 'cup:plan:site', '{"v":1,"value": oops');
		expect($plan.get().site).toBe('');
		expect(area.data.get('cup:quarantine:cup:plan:site')).toBe('{"v":1,"value": oops');
		expect(storage.$storageProblems.get()).toHaveLength(1);
		stop();
	});

	it('keeps working in memory when storage is full, without losing the value', async () => {
		const area = new FakeStorage({ quota: 60 });
		const { $plan, setPlanField, storage } = await planOn(area);
		const stop = watch($plan);
		setPlanField('instances', 'PROD MAIN and PROD TEST, plus VAL MAIN and VAL TEST');
		expect($plan.get().instances).toBe('PROD MAIN and PROD TEST, plus VAL MAIN and VAL TEST');
		expect(storage.$storageStatus.get()).toMatchObject({ kind: 'memory', reason: 'full' });
		setPlanField('site', 'Acme');
		expect($plan.get()).toMatchObject({ site: 'Acme', instances: expect.stringContaining('PROD MAIN') });
		stop();
	});
});
