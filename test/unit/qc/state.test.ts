import { describe, expect, it } from 'vitest';
import { FakeStorage, openPage, watch } from '../state/harness';
import { compareListings } from '../../../src/qc/compare';
import { readListing } from '../../../src/qc/listing';
import type { QcResult } from '../../../src/qc/result';
import { md5Hex } from './helpers';

async function qcOn(area: FakeStorage) {
	const page = await openPage(() => area);
	const all = await import('../../../src/state/all');
	return { ...page, ...all, ...(await import('../../../src/qc/state')) };
}

const result: QcResult = {
	id: 'r1',
	comparedAt: '2026-11-30T05:33:00.000Z',
	before: { instance: 'VAL', version: '24.2', components: 2, unreadable: 0 },
	after: { instance: 'PROD MAIN', version: '24.2', components: 2, unreadable: 0 },
	...compareListings(
		readListing(`Name,View hash\nSame,${md5Hex('s')}\nEdited,${md5Hex('e')}`),
		readListing(`Name,View hash\nSame,${md5Hex('s')}\nEdited,${md5Hex('e2')}`),
		'same-version',
	),
};

describe('configuration QC in storage', () => {
	it('keeps the result and every mark through the state core, so export, import and reset cover them', async () => {
		const area = new FakeStorage();
		const { $qcResult, $qcMarks, saveResult, addMark, registeredStates, snapshotAll } = await qcOn(area);
		const stop = [watch($qcResult), watch($qcMarks)];
		saveResult(result);
		addMark('r1', 'edited', 'investigate', 'Ask IQVIA', new Date('2026-11-30T06:00:00Z'));
		addMark('r1', 'edited', 'expected', 'Whitespace only', new Date('2026-11-30T06:05:00Z'));
		expect(registeredStates().map((kind) => kind.name)).toEqual(expect.arrayContaining(['qc', 'qc-marks']));
		const snapshot = snapshotAll();
		expect(Object.keys(snapshot.qc ?? {})).toEqual(['cup:qc:result']);
		expect(Object.values(snapshot['qc-marks'] ?? {}).map((mark) => (mark as { status: string }).status).sort()).toEqual(['expected', 'investigate']);
		expect($qcResult.get()?.counts).toMatchObject({ unchanged: 1, changed: 1 });
		// The equal component keeps no checksum, and nothing pasted is stored.
		expect(area.data.get('cup:qc:result')).not.toContain(md5Hex('s'));
		expect(area.data.get('cup:qc:result')).toContain(md5Hex('e2'));
		stop.forEach((s) => s());
	});

	it('sets a spoiled result aside and reports it, rather than showing part of it', async () => {
		const area = new FakeStorage({}, { 'cup:qc:result': JSON.stringify({ v: 1, id: 'x', items: 'nope' }) });
		const { $qcResult, storage } = await qcOn(area);
		const stop = watch($qcResult);
		expect($qcResult.get()).toBeUndefined();
		expect(storage.$storageProblems.get().map((p) => p.key)).toEqual(['cup:qc:result']);
		expect(area.data.get('cup:quarantine:cup:qc:result')).toContain('nope');
		stop();
	});
});
