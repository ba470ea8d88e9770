import { describe, expect, it } from 'vitest';
import { FakeStorage, openPage, otherTabWrites, watch } from './harness';

async function signerOn(area: FakeStorage) {
	const page = await openPage(() => area);
	return { ...page, ...(await import('../../../src/state/signer')) };
}

describe('the signer', () => {
	it('has no name and signs as "performed" until told otherwise', async () => {
		const { $signer } = await signerOn(new FakeStorage());
		expect($signer.get()).toEqual({ name: '', meaning: 'performed' });
	});

	it('is remembered for this browser under one key', async () => {
		const area = new FakeStorage();
		const { setSignerName, setDefaultMeaning } = await signerOn(area);
		setSignerName('Dana Reyes');
		setDefaultMeaning('approved');
		expect(area.data.get('cup:signer')).toBe('{"v":1,"name":"Dana Reyes","meaning":"approved"}');
		const { $signer } = await signerOn(area);
		expect($signer.get()).toEqual({ name: 'Dana Reyes', meaning: 'approved' });
	});

	it.each([
		['bad JSON', '{"v":1,', 'corrupt'],
		['a bare string', '"Dana Reyes"', 'foreign'],
		['an unknown meaning', '{"v":1,"name":"Dana","meaning":"witnessed"}', 'foreign'],
	])('sets aside %s and starts empty', async (_, raw, reason) => {
		const area = new FakeStorage({}, { 'cup:signer': raw });
		const { $signer, storage } = await signerOn(area);
		expect($signer.get()).toEqual({ name: '', meaning: 'performed' });
		expect(area.data.get('cup:quarantine:cup:signer')).toBe(raw);
		expect(storage.$storageProblems.get()).toEqual([expect.objectContaining({ key: 'cup:signer', reason })]);
	});

	it('follows a name entered in another tab', async () => {
		const area = new FakeStorage();
		const { $signer, events } = await signerOn(area);
		const stop = watch($signer);
		otherTabWrites(events, area, 'cup:signer', '{"v":1,"name":"Sam Lee","meaning":"reviewed"}');
		expect($signer.get()).toEqual({ name: 'Sam Lee', meaning: 'reviewed' });
		stop();
	});
});
