import { describe, expect, it } from 'vitest';
import { fingerprintText } from '../../../src/state/fingerprint';
import { FakeStorage } from '../state/harness';
import { contents, event as anyEvent, recordOn, STEPS, v1 } from './helpers';

/** An event as the helpers give it, with the fingerprint of its own text, as the site writes it. */
const event = (...args: Parameters<typeof anyEvent>) => {
	const e = anyEvent(...args);
	return { ...e, fingerprint: fingerprintText(e.text) };
};

// Issue 12, items 6 to 9: the record is never rewritten by an import, and an import is vetted like a sign-off.

const STEP = 'review-release-notes';
const KEY = `cup:signoff:${STEP}:k1-a`;
const AT = new Date('2026-11-25T12:00:00Z');

type Page = Awaited<ReturnType<typeof recordOn>>;

/** A file exported from a browser holding the given sign-offs (keys under cup:signoff:). */
function fileOf(signoffs: Record<string, unknown>, extra: Record<string, Record<string, unknown>> = {}) {
	return JSON.stringify({
		format: 'clinspark-upgrade-playbook/record',
		version: 1,
		exportedAt: AT.toISOString(),
		site: '',
		kinds: { signoffs, ...extra },
	});
}

/** What the page would show for a file: the refusal, or the plan of each mode. */
function outcome(page: Page, text: string) {
	const parsed = page.parseImport(text);
	if (!parsed.ok) return { refusal: parsed.message, merge: undefined, replace: undefined };
	const plan = (mode: 'merge' | 'replace') => page.planImport(page.snapshotAll(), parsed.document, mode, { kinds: page.registeredStates(), steps: STEPS });
	const merge = plan('merge');
	const replace = plan('replace');
	const refusal = merge.refused.length ? page.refusalText(merge.refused) : undefined;
	return { refusal, merge, replace };
}

const said = (plan: { sections: { heading: string; items: string[] }[] } | undefined) =>
	(plan?.sections ?? []).flatMap((section) => [section.heading, ...section.items]).join('\n');

const approvedByA = { ...event(STEP, '09:00:00', 'Signer A'), meaning: 'approved', comment: 'VAL-1 evidence' };

describe('issue 12 item 6: Replace and conflicts', () => {
	// The file holds the same event id with other content: signer B, not done, one day earlier.
	const changed = { ...approvedByA, by: 'Signer B', done: false, meaning: 'performed', at: '2025-03-13T09:00:00.000Z' };

	it('names the conflict in the merge preview and keeps both versions, the incoming one under a new id marked imported', async () => {
		const area = new FakeStorage({}, { [KEY]: v1(approvedByA) });
		const page = await recordOn(area);
		const before = area.data.get(KEY);
		const { merge } = outcome(page, fileOf({ [KEY]: changed }));
		expect(merge!.changes).toBeGreaterThan(0);
		expect(said(merge)).toMatch(/conflict/i);
		expect(page.applyImport(merge!).ok).toBe(true);
		expect(area.data.get(KEY)).toBe(before);
		const others = Object.entries(contents(area)).filter(([key]) => key.startsWith(`cup:signoff:${STEP}:`) && key !== KEY);
		expect(others).toHaveLength(1);
		expect(JSON.parse(others[0]![1])).toMatchObject({ by: 'Signer B', imported: expect.anything() });
	});

	it('never lets Replace remove or overwrite an event without listing it by name in the preview', async () => {
		const area = new FakeStorage({}, { [KEY]: v1(approvedByA), [`cup:signoff:${STEP}:k9-z`]: v1(event(STEP, '11:00:00', 'Signer A')) });
		const page = await recordOn(area);
		const { replace } = outcome(page, fileOf({ [KEY]: changed }));
		const text = said(replace);
		expect(text).toMatch(/conflict/i);
		// Each event that would go is listed with who signed it and when, not only counted.
		expect(text).toMatch(/Signer A.*approved/);
		expect(text).toMatch(/k9-z|11:00/);
	});
});

describe('issue 12 item 7: Order of actions, not the clock', () => {
	it('an untick recorded after a tick wins, even when the clock was set back in between', async () => {
		const area = new FakeStorage();
		const page = await recordOn(area);
		const signoffs = { ...(await import('../../../src/state/signoffs')), ...(await import('../../../src/state/step-state')), ...(await import('../../../src/state/record-event')) };
		const stop = signoffs.$stepStates.listen(() => {});
		// The clock runs two hours fast for the tick, then is corrected for the untick.
		const tick = signoffs.recordEvent({ kind: 'signed', step: STEP, by: 'Dana Reyes', role: 'customer', meaning: 'performed', text: 'x', fingerprint: fingerprintText('x') }, new Date('2025-03-14T11:00:00Z'));
		signoffs.recordEvent({ kind: 'withdrawn', withdraws: tick.id, reason: 'ticked by mistake', step: STEP, by: 'Dana Reyes', role: 'customer', text: 'x', fingerprint: fingerprintText('x') }, new Date('2025-03-14T09:05:00Z'));
		expect(signoffs.$stepStates.get()[STEP]?.done ?? false).toBe(false);
		stop();
		void page;
	});

	it('an imported event dated in the future does not keep a step done after a later untick here', async () => {
		const area = new FakeStorage();
		const page = await recordOn(area);
		const future = { ...event(STEP, '09:00:00'), at: '2027-06-01T09:00:00.000Z' };
		const { merge } = outcome(page, fileOf({ [`cup:signoff:${STEP}:k5-future`]: future }));
		expect(said(merge)).toMatch(/future/i);
		page.applyImport(merge!);
		const signoffs = { ...(await import('../../../src/state/signoffs')), ...(await import('../../../src/state/step-state')), ...(await import('../../../src/state/record-event')) };
		const stop = signoffs.$stepStates.listen(() => {});
		const [imported] = signoffs.stepState(signoffs.$signoffs.get(), STEP).standing;
		signoffs.recordEvent({ kind: 'withdrawn', withdraws: imported!.id, reason: 'not signed here', step: STEP, by: 'Dana Reyes', role: 'customer', text: 'x', fingerprint: fingerprintText('x') }, new Date('2026-11-30T09:00:00Z'));
		expect(signoffs.$stepStates.get()[STEP]?.done ?? false).toBe(false);
		stop();
	});
});

describe('issue 12 item 8: The name shown is the name recorded', () => {
	it('merging a colleague export into a browser with no name leaves it with no name', async () => {
		const area = new FakeStorage();
		const page = await recordOn(area);
		const { merge } = outcome(page, fileOf({}, { signer: { 'cup:signer': { name: 'Colleague', meaning: 'performed' } } }));
		if (merge!.changes) page.applyImport(merge!);
		expect(area.data.has('cup:signer')).toBe(false);
	});

	it('replacing the record keeps this browser signer and never takes the file one', async () => {
		const area = new FakeStorage({}, { 'cup:signer': v1({ name: 'Me', meaning: 'performed' }) });
		const page = await recordOn(area);
		const { replace } = outcome(page, fileOf({}, { signer: { 'cup:signer': { name: 'Colleague', meaning: 'performed' } } }));
		if (replace!.changes) page.applyImport(replace!);
		expect(JSON.parse(area.data.get('cup:signer')!)).toMatchObject({ name: 'Me' });
	});
});

describe('issue 12 item 9: Imports validated like sign-offs', () => {
	const key = `cup:signoff:${STEP}:k7-x`;
	const refusedFor = async (entry: Record<string, unknown>) => {
		const page = await recordOn(new FakeStorage());
		return outcome(page, fileOf({ [key]: entry })).refusal;
	};

	it('refuses a blank signer', async () => {
		expect(await refusedFor({ ...event(STEP, '09:00:00'), by: '  ' })).toMatch(/sign/i);
	});

	it.each(['2024-02-30T00:00:00Z', '1', '2024-03-10T02:30:00'])('refuses the time "%s": not ISO 8601 with a zone, or no such day', async (at) => {
		expect(await refusedFor({ ...event(STEP, '09:00:00'), at })).toMatch(/time/i);
	});

	it('refuses a fingerprint that does not match the signed text', async () => {
		expect(await refusedFor({ ...event(STEP, '09:00:00'), text: 'Some other text than was fingerprinted.' })).toMatch(/fingerprint|text/i);
	});

	it('flags an event dated in the future in the preview', async () => {
		const page = await recordOn(new FakeStorage());
		const { merge, refusal } = outcome(page, fileOf({ [key]: { ...event(STEP, '09:00:00'), at: '2099-01-01T00:00:00.000Z' } }));
		expect(refusal).toBeUndefined();
		expect(said(merge)).toMatch(/future/i);
	});

	it('refuses a file holding the same key twice', async () => {
		const page = await recordOn(new FakeStorage());
		const entry = JSON.stringify(event(STEP, '09:00:00'));
		const other = JSON.stringify(event(STEP, '09:05:00', 'Dana Reyes', false));
		const text = `{"format":"clinspark-upgrade-playbook/record","version":1,"exportedAt":"${AT.toISOString()}","site":"","kinds":{"signoffs":{"${key}":${entry},"${key}":${other}}}}`;
		expect(outcome(page, text).refusal).toMatch(/twice/i);
	});
});
