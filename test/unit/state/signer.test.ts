import { describe, expect, it } from 'vitest';
import { FakeStorage, openPage, otherTabWrites, watch } from './harness';

async function signerOn(area: FakeStorage) {
	const page = await openPage(() => area);
	return { ...page, ...(await import('../../../src/state/signer')) };
}

describe('the signer', () => {
	it('has no name and no role until told', async () => {
		const { $signer } = await signerOn(new FakeStorage());
		expect($signer.get()).toEqual({ name: '', role: '' });
	});

	it('is remembered for this browser under one key: name and role, and no meaning, which belongs to each sign-off', async () => {
		const area = new FakeStorage();
		const { setSignerName, setSignerRole } = await signerOn(area);
		setSignerName('Dana Reyes');
		setSignerRole('customer');
		expect(area.data.get('cup:signer')).toBe('{"v":2,"name":"Dana Reyes","role":"customer"}');
		const { $signer } = await signerOn(area);
		expect($signer.get()).toEqual({ name: 'Dana Reyes', role: 'customer' });
	});

	it('carries the name of format 1 over, drops its browser-wide meaning and leaves the role to be asked', async () => {
		const area = new FakeStorage({}, { 'cup:signer': '{"v":1,"name":"Dana Reyes","meaning":"approved"}' });
		const { $signer } = await signerOn(area);
		expect($signer.get()).toEqual({ name: 'Dana Reyes', role: '' });
	});

	it.each([
		['bad JSON', '{"v":1,', 'corrupt'],
		['a bare string', '"Dana Reyes"', 'foreign'],
		['a role that is not text', '{"v":2,"name":"Dana","role":7}', 'foreign'],
	])('sets aside %s and starts empty', async (_, raw, reason) => {
		const area = new FakeStorage({}, { 'cup:signer': raw });
		const { $signer, storage } = await signerOn(area);
		expect($signer.get()).toEqual({ name: '', role: '' });
		expect(area.data.get('cup:quarantine:cup:signer')).toBe(raw);
		expect(storage.$storageProblems.get()).toEqual([expect.objectContaining({ key: 'cup:signer', reason })]);
	});

	it('follows a name entered in another tab', async () => {
		const area = new FakeStorage();
		const { $signer, events } = await signerOn(area);
		const stop = watch($signer);
		otherTabWrites(events, area, 'cup:signer', '{"v":2,"name":"Sam Lee","role":"iqvia-pm"}');
		expect($signer.get()).toEqual({ name: 'Sam Lee', role: 'iqvia-pm' });
		stop();
	});
});
