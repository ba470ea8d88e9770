import { describe, expect, it, vi } from 'vitest';
import { FakeStorage, otherTabWrites, watch } from './harness';
import type { StorageLike } from '../../../src/state/storage';

const PLAN_SITE = 'cup:plan:site';
const v = (version: number, value: string) => JSON.stringify({ v: version, value });

/** Loads the state modules afresh, as a new page of the same tab would, on a localStorage and a sessionStorage. */
async function openTab(local: () => StorageLike | null | undefined, session: () => StorageLike | null | undefined) {
	vi.resetModules();
	const events = new EventTarget();
	const storage = await import('../../../src/state/storage');
	storage.connectStorage(local, events, session);
	const plan = await import('../../../src/state/plan');
	return { events, storage, plan };
}

const blocked = () => {
	throw new DOMException('The operation is insecure.', 'SecurityError');
};

describe('item 1: memory fallback', () => {
	it('when only localStorage is full, what is entered is kept for the tab, across its pages', async () => {
		const local = new FakeStorage({ quota: 40 }, { [PLAN_SITE]: v(1, 'Acme') });
		const session = new FakeStorage();
		const first = await openTab(() => local, () => session);
		const stop = watch(first.plan.$plan);
		first.plan.setPlanField('valTicket', 'VAL-1234 with a long enough text to pass the quota');
		const status = first.storage.$storageStatus.get();
		expect(status).toMatchObject({ kind: 'memory', reason: 'full' });
		expect(status.kind === 'memory' && status.message).toMatch(/until this tab is closed/);
		stop();
		// The next page of the same tab sees both what was saved before and what was entered since.
		const next = await openTab(() => local, () => session);
		const again = watch(next.plan.$plan);
		expect(next.plan.$plan.get()).toMatchObject({ site: 'Acme', valTicket: 'VAL-1234 with a long enough text to pass the quota' });
		expect(next.storage.$storageStatus.get()).toMatchObject({ kind: 'memory', reason: 'full' });
		again();
		// Nothing was written to the full storage.
		expect([...local.data.keys()]).toEqual([PLAN_SITE]);
	});

	it('when the tab keeps nothing either, the notice says the truth: until you leave this page', async () => {
		const page = await openTab(blocked, blocked);
		const status = page.storage.$storageStatus.get();
		expect(status).toMatchObject({ kind: 'memory', reason: 'blocked' });
		expect(status.kind === 'memory' && status.message).toMatch(/until you leave or reload this page/);
		expect(status.kind === 'memory' && status.message).not.toMatch(/tab is closed/);
	});
});

describe("item 10: a newer site's values are left alone", () => {
	it('a value in a newer format stays in place, unused and unchanged, with one notice', async () => {
		const newer = v(2, 'Acme, written by a newer playbook');
		const area = new FakeStorage({}, { [PLAN_SITE]: newer });
		const page = await openTab(() => area, () => null);
		const stop = watch(page.plan.$plan);
		expect(page.plan.$plan.get().site).toBe('');
		page.plan.setPlanField('site', 'Beta');
		expect(area.data.get(PLAN_SITE)).toBe(newer);
		expect([...area.data.keys()].filter((key) => key.startsWith('cup:quarantine:'))).toEqual([]);
		const problems = page.storage.$storageProblems.get();
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ key: PLAN_SITE, reason: 'future' });
		expect(problems[0]!.message).toMatch(/newer version/);
		stop();
	});

	it.each([
		['the plan', 'plan', 'cup:plan:site', '{"v":99,"value":"Acme"}'],
		['the signer', 'signer', 'cup:signer', '{"v":3,"name":"Dana","role":"customer"}'],
		['a draft', 'drafts', 'cup:draft:val-request', '{"v":2,"values":{},"savedAt":"x"}'],
		['a view preference', 'view', 'cup:view:collapse', '{"v":3,"value":true}'],
		['a sign-off', 'signoffs', 'cup:signoff:review-release-notes:k1', '{"v":99,"step":"review-release-notes"}'],
	])('%s in a newer format is left in place and reported as newer', async (_, module, key, raw) => {
		const area = new FakeStorage({}, { [key]: raw });
		const page = await openTab(() => area, () => null);
		await import(`../../../src/state/${module}.ts`);
		expect(page.storage.readChecked(key)).toBeUndefined();
		expect(area.data.get(key)).toBe(raw);
		expect([...area.data.keys()]).toEqual([key]);
		expect(page.storage.$storageProblems.get()).toEqual([expect.objectContaining({ key, reason: 'future' })]);
	});

	it("another tab writing a newer format sixty times leaves its key in place and sets nothing aside", async () => {
		const area = new FakeStorage();
		const page = await openTab(() => area, () => null);
		const drafts = await import('../../../src/state/drafts');
		const stop = watch(drafts.$drafts);
		for (let i = 0; i < 60; i++) {
			otherTabWrites(page.events, area, 'cup:draft:val-request', JSON.stringify({ v: 2, values: { n: i }, savedAt: '2026-01-01T00:00:00Z' }));
		}
		expect(area.data.get('cup:draft:val-request')).toContain('"n":59');
		expect([...area.data.keys()].filter((key) => key.startsWith('cup:quarantine:'))).toEqual([]);
		expect(page.storage.$storageProblems.get()).toHaveLength(1);
		stop();
	});

	it('the set-aside area is bounded: sixty spoiled writes do not make sixty entries', async () => {
		const area = new FakeStorage();
		const page = await openTab(() => area, () => null);
		const stop = watch(page.plan.$plan);
		for (let i = 0; i < 60; i++) {
			otherTabWrites(page.events, area, PLAN_SITE, `{"v":1,"value": oops ${i}`);
			page.storage.readChecked(PLAN_SITE);
		}
		const setAside = [...area.data.keys()].filter((key) => key.startsWith('cup:quarantine:'));
		expect(setAside.length).toBeGreaterThan(0);
		expect(setAside.length).toBeLessThanOrEqual(5);
		expect(page.storage.$storageProblems.get().length).toBeLessThanOrEqual(5);
		stop();
	});
});

describe('item 5: set-aside values are reported on every page until seen on the record page', () => {
	it('a value set aside on one page is reported on the next, until acknowledged', async () => {
		const area = new FakeStorage({}, { [PLAN_SITE]: '{"v":1,"value": oops' });
		const first = await openTab(() => area, () => null);
		const stop = watch(first.plan.$plan);
		expect(first.storage.$storageProblems.get()).toHaveLength(1);
		stop();
		// A page that does not read the plan still says that something was set aside.
		const next = await openTab(() => area, () => null);
		next.storage.$storageStatus.get();
		watch(next.storage.$storageStatus);
		const problems = next.storage.$storageProblems.get();
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ key: PLAN_SITE, backupKey: `cup:quarantine:${PLAN_SITE}` });
		expect(problems[0]!.message).toMatch(/set aside, unchanged/);
		next.storage.acknowledgeSetAside();
		const later = await openTab(() => area, () => null);
		watch(later.storage.$storageStatus);
		expect(later.storage.$storageProblems.get()).toEqual([]);
		// The set-aside text itself stays.
		expect(area.data.get(`cup:quarantine:${PLAN_SITE}`)).toBe('{"v":1,"value": oops');
	});
});
