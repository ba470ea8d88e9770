import { describe, expect, it } from 'vitest';
import { FakeStorage, openPage, watch } from '../state/harness';

const KEY = 'cup:planner';

async function plannerOn(area: FakeStorage) {
	const page = await openPage(() => area);
	return { ...page, ...(await import('../../../src/state/planner')), registry: await import('../../../src/state/registry') };
}

const saved = {
	v: 1,
	anchor: 'start',
	startDate: '2026-11-30',
	validationCount: '10',
	validationUnit: 'weeks',
	prepDays: '8',
	holidays: '2026-12-25\n2027-01-01',
	dayStart: '07:30',
	dayHours: '9',
	planId: '0123456789abcdef',
	sent: { 'upgrade-day': { sequence: 2, content: '["a","b",{}]' } },
};

describe('the planner’s state', () => {
	it('writes nothing until something is entered', async () => {
		const area = new FakeStorage();
		const { $planner } = await plannerOn(area);
		const stop = watch($planner);
		expect($planner.get()).toBeUndefined();
		expect(area.data.size).toBe(0);
		stop();
	});

	it('saves every input as typed, with its format version, and makes the plan id once', async () => {
		const area = new FakeStorage();
		const { $planner, updatePlanner } = await plannerOn(area);
		const stop = watch($planner);
		const first = updatePlanner({ prepDays: '0' });
		expect(first.planId).toMatch(/^[0-9a-f]{16}$/);
		const second = updatePlanner({ holidays: 'Christmas' });
		expect(second.planId).toBe(first.planId);
		expect(JSON.parse(area.data.get(KEY)!)).toEqual({ v: 1, anchor: 'upgrade', startDate: '', validationCount: '3', validationUnit: 'months', prepDays: '0', holidays: 'Christmas', dayStart: '', dayHours: '', planId: first.planId, sent: {} });
		stop();
	});

	it('reads back what it wrote, and what an earlier page saved', async () => {
		const area = new FakeStorage({}, { [KEY]: JSON.stringify(saved) });
		const { $planner, readPlanner, writePlanner } = await plannerOn(area);
		const { v: _, ...value } = saved;
		expect($planner.get()).toEqual(value);
		expect(readPlanner(writePlanner($planner.get()!))).toEqual({ ok: true, value });
	});

	it('refuses a foreign, corrupt or newer value by name, and sets it aside', async () => {
		const { readPlanner } = await plannerOn(new FakeStorage());
		expect(readPlanner(JSON.stringify({ ...saved, anchor: 'end' }))).toMatchObject({ ok: false, reason: 'foreign' });
		expect(readPlanner(JSON.stringify({ ...saved, sent: { x: { sequence: -1, content: '' } } }))).toMatchObject({ ok: false, reason: 'foreign' });
		expect(readPlanner(JSON.stringify({ ...saved, prepDays: 8 }))).toMatchObject({ ok: false, reason: 'foreign' });
		expect(readPlanner('{')).toMatchObject({ ok: false, reason: 'corrupt' });
		expect(readPlanner(JSON.stringify({ ...saved, v: 2 }))).toMatchObject({ ok: false, reason: 'future' });
		const area = new FakeStorage({}, { [KEY]: '{"v":1,"anchor":"end"}' });
		const { $planner, storage } = await plannerOn(area);
		const stop = watch($planner);
		expect($planner.get()).toBeUndefined();
		expect(storage.$storageProblems.get()).toEqual([expect.objectContaining({ key: KEY, reason: 'foreign', message: expect.stringContaining('Upgrade planner') })]);
		stop();
	});

	it('is a registered kind, so export, import and reset cover it', async () => {
		const { registry } = await plannerOn(new FakeStorage());
		const kind = registry.kindNamed('planner');
		expect(kind.keys).toEqual([KEY]);
		expect(registry.ownedBy(kind, 'cup:plan:upgradeDate')).toBe(false);
	});
});
