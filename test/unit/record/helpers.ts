import { fingerprintText } from '../../../src/state/fingerprint';
import { FakeStorage, openPage } from '../state/harness';

/** A stored value as the state modules write it: its format version first. */
export const v1 = (value: object) => JSON.stringify({ v: 1, ...value });

/** A sign-off event as stored, for a step and a time of 2025-03-14. */
export function event(step: string, time: string, by = 'Dana Reyes', done = true) {
	return {
		step,
		done,
		by,
		meaning: 'performed',
		at: `2025-03-14T${time}.000Z`,
		comment: '',
		fingerprint: fingerprintText(`The text of ${step}.`),
		text: `The text of ${step}.`,
	};
}

/** A browser with something of every kind of state stored, as the state modules write it. */
export function seeded(extra: Record<string, string> = {}): FakeStorage {
	return new FakeStorage(
		{},
		{
			'cup:plan:site': v1({ value: 'Acme Clinical' }),
			'cup:plan:targetVersion': v1({ value: '24.2' }),
			'cup:signoff:review-release-notes:k1-a': v1(event('review-release-notes', '09:00:00')),
			'cup:signoff:review-release-notes:k2-b': v1(event('review-release-notes', '09:05:00', 'Dana Reyes', false)),
			'cup:signoff:share-validation-scope:k3-c': v1(event('share-validation-scope', '10:00:00')),
			'cup:signer': v1({ name: 'Dana Reyes', meaning: 'reviewed' }),
			'cup:view:side': v1({ value: 'customer' }),
			'cup:view:collapse': v1({ value: true }),
			'cup:draft:val-request': v1({ values: { site: 'Acme', pair: ['a', 'b'], ok: true }, savedAt: '2025-03-01T10:00:00.000Z' }),
			'cup:quarantine:cup:plan:x': 'not json',
			'cup:qc:result': v1({
				id: 'r1',
				comparedAt: '2025-03-20T10:00:00.000Z',
				mode: 'same-version',
				before: { instance: 'VAL', version: '24.2', components: 1, unreadable: 0 },
				after: { instance: 'PROD MAIN', version: '24.2', components: 1, unreadable: 0 },
				items: [{ n: 'Lab results', o: 'changed', bl: [2], al: [2], p: [{ p: 'view', o: 'changed', b: '0'.repeat(32), a: 'f'.repeat(32) }] }],
			}),
			'cup:planner': v1({ anchor: 'upgrade', startDate: '', validationCount: '3', validationUnit: 'months', prepDays: '10', holidays: '2026-12-25', dayStart: '07:30', dayHours: '9', planId: '0123456789abcdef', sent: {} }),
			'cup:qcmark:k4-d': v1({ result: 'r1', component: 'lab results', status: 'expected', comment: 'Re-saved', at: '2025-03-20T10:05:00.000Z' }),
			'cup:planned:test-prod-main': v1({ minutes: 240, note: 'plan: 3-5 hours?' }),
			'starlight-theme': 'dark',
			...extra,
		},
	);
}

/** Opens a page on the storage with every state kind and the record modules loaded afresh. */
export async function recordOn(area: FakeStorage) {
	const page = await openPage(() => area);
	return {
		...page,
		...(await import('../../../src/state/all')),
		...(await import('../../../src/record/export')),
		...(await import('../../../src/record/import')),
		...(await import('../../../src/record/reset')),
	};
}

/** The storage's `cup:` entries, as a plain object to compare. */
export const contents = (area: FakeStorage) => Object.fromEntries([...area.data].sort(([a], [b]) => (a < b ? -1 : 1)));

/** Labels for the steps used above, in process order. */
export const STEPS = {
	'review-release-notes': 'Step 1. Review the release notes',
	'share-validation-scope': 'Step 8. Share the validation scope',
	'confirm-closure': 'Step 28. Confirm closure',
};

/** The stage of each step used above. */
export const STEP_STAGES = {
	'review-release-notes': 'preparation',
	'share-validation-scope': 'validation',
	'confirm-closure': 'day-of-upgrade',
};
