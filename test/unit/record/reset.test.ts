import { describe, expect, it } from 'vitest';
import { FakeStorage } from '../state/harness';
import { contents, event, recordOn, seeded, STEP_STAGES, v1 } from './helpers';

const STAGES = [
	{ id: 'preparation', label: '1. Preparation (steps 1-7)' },
	{ id: 'validation', label: '2. Validation (steps 8-12)' },
];

describe('reset', () => {
	it('of one stage removes exactly that stage sign-off events', async () => {
		const area = seeded({ 'cup:signoff:confirm-closure:k9-z': v1(event('confirm-closure', '11:00:00')) });
		const before = contents(area);
		const page = await recordOn(area);
		const planned = page.planReset(page.snapshotAll(), { stage: 'preparation' }, STEP_STAGES, STAGES);
		expect(planned.keys).toEqual({ signoffs: ['cup:signoff:review-release-notes:k1-a', 'cup:signoff:review-release-notes:k2-b'] });
		expect(planned.summary).toBe(
			'The 2 sign-off events of 1 step in stage 1. Preparation (steps 1-7). The plan, drafts and other stages stay as they are.',
		);
		expect(page.applyReset(planned)).toBe(2);
		const expected = { ...before };
		delete expected['cup:signoff:review-release-notes:k1-a'];
		delete expected['cup:signoff:review-release-notes:k2-b'];
		expect(contents(area)).toEqual(expected);
	});

	it('of a stage with no event removes nothing, and says so', async () => {
		const area = seeded();
		const before = contents(area);
		const page = await recordOn(area);
		const planned = page.planReset(page.snapshotAll(), { stage: 'day-of-upgrade' }, STEP_STAGES, STAGES);
		expect(planned.count).toBe(0);
		expect(planned.summary).toMatch(/has no sign-off event/);
		page.applyReset(planned);
		expect(contents(area)).toEqual(before);
	});

	it('leaves events of steps that no stage has to a reset of everything', async () => {
		const area = new FakeStorage({}, { 'cup:signoff:retired-step:z1': v1(event('retired-step', '08:00:00')) });
		const page = await recordOn(area);
		for (const stage of ['preparation', 'validation', 'day-of-upgrade']) {
			expect(page.planReset(page.snapshotAll(), { stage }, STEP_STAGES).count).toBe(0);
		}
		expect(page.planReset(page.snapshotAll(), 'all', STEP_STAGES).count).toBe(1);
	});

	it('of everything removes every kind, and nothing of other sites', async () => {
		const area = seeded();
		const page = await recordOn(area);
		const labels = Object.fromEntries(page.registeredStates().map((kind) => [kind.name, kind.label]));
		const planned = page.planReset(page.snapshotAll(), 'all', STEP_STAGES, STAGES, labels);
		expect(planned.count).toBe(14);
		expect(planned.summary).toBe(
			'Everything the playbook keeps in this browser: 3 sign-off events for 2 steps; 2 plan fields; 1 ticket draft; Values set aside: 1 entry; Signer: 1 entry; View preferences: 2 entries; Upgrade planner: 1 entry; Planned times of the day: 1 entry; Configuration QC result: 1 entry; Configuration QC marks: 1 entry.',
		);
		expect(page.applyReset(planned)).toBe(14);
		expect(contents(area)).toEqual({ 'starlight-theme': 'dark' });
		expect(page.planReset(page.snapshotAll(), 'all', {}).summary).toMatch(/nothing to reset/);
	});

	it('updates the stores of the page it runs on', async () => {
		const page = await recordOn(seeded());
		const { $signoffs } = await import('../../../src/state/signoffs');
		const stop = $signoffs.listen(() => {});
		expect($signoffs.get()).toHaveLength(3);
		page.applyReset(page.planReset(page.snapshotAll(), { stage: 'validation' }, STEP_STAGES));
		expect($signoffs.get().map((e) => e.step)).toEqual(['review-release-notes', 'review-release-notes']);
		stop();
	});
});
