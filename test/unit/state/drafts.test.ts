import { describe, expect, it } from 'vitest';
import { FakeStorage, openPage, otherTabWrites, watch } from './harness';

async function draftsOn(area: FakeStorage) {
	const page = await openPage(() => area);
	return { ...page, ...(await import('../../../src/state/drafts')) };
}

const values = {
	summary: 'Upgrade VAL to 24.2',
	instances: ['VAL MAIN', 'VAL TEST'],
	downtimeAgreed: true,
	window: { start: '2025-03-14T18:00', end: '2025-03-14T22:00' },
};

describe('ticket drafts', () => {
	it('are saved per template, stamped with the time', async () => {
		const area = new FakeStorage();
		const { $drafts, saveDraft } = await draftsOn(area);
		const stop = watch($drafts);
		saveDraft('val-upgrade', values, new Date('2025-03-01T10:00:00Z'));
		const draft = { values, savedAt: '2025-03-01T10:00:00.000Z' };
		expect($drafts.get()).toEqual({ 'val-upgrade': draft });
		expect(JSON.parse(area.data.get('cup:draft:val-upgrade')!)).toEqual({ v: 1, ...draft });
		stop();
	});

	it('are forgotten when cleared', async () => {
		const area = new FakeStorage();
		const { $drafts, saveDraft, clearDraft } = await draftsOn(area);
		const stop = watch($drafts);
		saveDraft('val-upgrade', values);
		clearDraft('val-upgrade');
		expect($drafts.get()).toEqual({});
		expect(area.data.size).toBe(0);
		stop();
	});

	it.each([
		['bad JSON', '{"v":1,"values":{', 'corrupt'],
		['a value of an unknown type', JSON.stringify({ v: 1, values: { n: 3 }, savedAt: 'x' }), 'foreign'],
		['a broken date range', JSON.stringify({ v: 1, values: { w: { start: 'a' } }, savedAt: 'x' }), 'foreign'],
		['no values', JSON.stringify({ v: 1, savedAt: 'x' }), 'foreign'],
	])('set aside %s and keep the others', async (_, raw, reason) => {
		const good = JSON.stringify({ v: 1, values, savedAt: '2025-03-01T10:00:00.000Z' });
		const area = new FakeStorage({}, { 'cup:draft:bad': raw, 'cup:draft:good': good });
		const { $drafts, storage } = await draftsOn(area);
		expect(Object.keys($drafts.get())).toEqual(['good']);
		expect(area.data.get('cup:quarantine:cup:draft:bad')).toBe(raw);
		expect(storage.$storageProblems.get()).toEqual([expect.objectContaining({ key: 'cup:draft:bad', reason })]);
	});

	it('follow another tab', async () => {
		const area = new FakeStorage();
		const { $drafts, events } = await draftsOn(area);
		const stop = watch($drafts);
		const raw = JSON.stringify({ v: 1, values: { summary: 'x' }, savedAt: '2025-03-01T10:00:00.000Z' });
		otherTabWrites(events, area, 'cup:draft:prod-upgrade', raw);
		expect($drafts.get()['prod-upgrade']?.values).toEqual({ summary: 'x' });
		stop();
	});
});
