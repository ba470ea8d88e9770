import { describe, expect, it } from 'vitest';
import { FakeStorage, openPage, otherTabWrites, watch } from './harness';

async function viewOn(area: FakeStorage) {
	const page = await openPage(() => area);
	return { ...page, ...(await import('../../../src/state/view')) };
}

describe('view preferences', () => {
	it('show every side, expanded, at first', async () => {
		const { $viewSide, $collapseDone } = await viewOn(new FakeStorage());
		expect($viewSide.get()).toBe('all');
		expect($collapseDone.get()).toBe(false);
	});

	it('are remembered under their own keys', async () => {
		const area = new FakeStorage();
		const { setViewSide, setCollapseDone } = await viewOn(area);
		setViewSide('iqvia');
		setCollapseDone(true);
		expect(area.data.get('cup:view:side')).toBe('{"v":1,"value":"iqvia"}');
		expect(area.data.get('cup:view:collapse')).toBe('{"v":1,"value":true}');
		const again = await viewOn(area);
		expect(again.$viewSide.get()).toBe('iqvia');
		expect(again.$collapseDone.get()).toBe(true);
	});

	it.each([
		['cup:view:side', '{"v":1,"value":"sponsor"}', 'foreign'],
		['cup:view:side', 'iqvia', 'corrupt'],
		['cup:view:collapse', '{"v":1,"value":"yes"}', 'foreign'],
	])('set aside a bad %s (%s) and fall back to the default', async (key, raw, reason) => {
		const area = new FakeStorage({}, { [key]: raw });
		const { $viewSide, $collapseDone, storage } = await viewOn(area);
		expect($viewSide.get()).toBe('all');
		expect($collapseDone.get()).toBe(false);
		expect(area.data.get(`cup:quarantine:${key}`)).toBe(raw);
		expect(storage.$storageProblems.get()).toEqual([expect.objectContaining({ key, reason })]);
	});

	it('follow another tab', async () => {
		const area = new FakeStorage();
		const { $viewSide, events } = await viewOn(area);
		const stop = watch($viewSide);
		otherTabWrites(events, area, 'cup:view:side', '{"v":1,"value":"customer"}');
		expect($viewSide.get()).toBe('customer');
		otherTabWrites(events, area, 'cup:view:side');
		expect($viewSide.get()).toBe('all');
		stop();
	});
});
