import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeStorage } from '../state/harness';
import { formatTime } from '../../../src/text/time';
import { contents, event, recordOn, seeded, STEPS, v1 } from './helpers';

const AT = new Date('2026-11-25T12:00:00Z');

/** Exports a browser's record as the text of a file. */
async function exported(area: FakeStorage): Promise<string> {
	const page = await recordOn(area);
	return page.exportText(page.buildExport(page.snapshotAll(), AT));
}

/** Reads a file and plans it against the browser's current record, as the page does. */
function plan(page: Awaited<ReturnType<typeof recordOn>>, text: string, mode: 'merge' | 'replace') {
	const parsed = page.parseImport(text);
	if (!parsed.ok) throw new Error(parsed.message);
	return page.planImport(page.snapshotAll(), parsed.document, mode, { kinds: page.registeredStates(), steps: STEPS });
}

/** A snapshot without the signer, which is personal to each browser and never taken from a file. */
const withoutSigner = ({ signer: _, ...rest }: Record<string, Record<string, unknown>>) => rest;

const cupOnly = (area: FakeStorage) => Object.fromEntries(Object.entries(contents(area)).filter(([key]) => key.startsWith('cup:')));

afterEach(() => {
	vi.restoreAllMocks();
});

describe('export and import round trip', () => {
	it('the seed holds an entry of every registered kind, so the round trip covers them all', async () => {
		const { snapshotAll, registeredStates } = await recordOn(seeded());
		const snapshot = snapshotAll();
		for (const kind of registeredStates()) {
			expect(Object.keys(snapshot[kind.name] ?? {}).length, `add an entry of "${kind.name}" to seeded()`).toBeGreaterThan(0);
		}
	});

	it('restores every kind exactly into an empty browser', async () => {
		const original = seeded();
		const text = await exported(original);
		const fresh = new FakeStorage();
		const page = await recordOn(fresh);
		const planned = plan(page, text, 'replace');
		expect(planned.refused).toEqual([]);
		expect(page.applyImport(planned)).toEqual({ ok: true, written: Object.keys(cupOnly(original)).length - 1 });
		expect(fresh.data.has('cup:signer')).toBe(false);
		// Events of format 1 are written in format 2 on the way, and read back as the same events.
		expect(withoutSigner(page.snapshotAll())).toEqual(withoutSigner((await recordOn(original)).snapshotAll()));
	});

	it('restores exactly after everything was reset, leaving other sites keys alone', async () => {
		const area = seeded();
		const before = contents(area);
		const text = await exported(area);
		const page = await recordOn(area);
		const snapshot = page.snapshotAll();
		page.applyReset(page.planReset(snapshot, 'all', {}));
		expect(Object.keys(contents(area))).toEqual(['starlight-theme']);
		expect(page.applyImport(plan(page, text, 'replace')).ok).toBe(true);
		expect(withoutSigner(page.snapshotAll())).toEqual(withoutSigner(snapshot));
		expect(area.data.get('starlight-theme')).toBe(before['starlight-theme']);
	});

	it('finds nothing to change when the file holds what the browser holds', async () => {
		const area = seeded();
		const text = await exported(area);
		const page = await recordOn(area);
		for (const mode of ['merge', 'replace'] as const) {
			const planned = plan(page, text, mode);
			expect(planned.changes).toBe(0);
			expect(planned.writes).toEqual({});
		}
	});

	it('updates the stores of the page it runs on', async () => {
		const text = await exported(seeded());
		const page = await recordOn(new FakeStorage());
		const { $plan } = await import('../../../src/state/plan');
		const stop = $plan.listen(() => {});
		page.applyImport(plan(page, text, 'replace'));
		expect($plan.get().site).toBe('Acme Clinical');
		stop();
	});
});

describe('a bad file is refused and the record stays as it was', () => {
	const good = () => ({ format: 'clinspark-upgrade-playbook/record', version: 1, exportedAt: AT.toISOString(), site: '', kinds: {} as Record<string, unknown> });
	const cases: [string, string, string, RegExp][] = [
		['invalid JSON', '{"format": "clinspark-upgrade-playbook/record",\n  "version": 1,,\n}', 'not-json', /not valid JSON at line 2, column 16/],
		['a truncated file', '{"format": "clinspark-upgrade-playbook/record", "kinds": {', 'not-json', /ends too early/],
		['an empty file', '  \n', 'empty', /empty/],
		['foreign JSON', '{"hello":1}', 'foreign', /not an upgrade record/],
		['a JSON list', '[1,2,3]', 'foreign', /not an upgrade record/],
		['a newer version', JSON.stringify({ ...good(), version: 99 }), 'newer', /newer version of the playbook \(record format 99; this page reads format 2\)/],
		['a version as text', JSON.stringify({ ...good(), version: '1' }), 'shape', /record format \("1"\)/],
		['version 0', JSON.stringify({ ...good(), version: 0 }), 'shape', /record format \(0\)/],
		['no version', JSON.stringify({ ...good(), version: undefined }), 'shape', /record format \(missing\)/],
		['no kinds', JSON.stringify({ ...good(), kinds: undefined }), 'shape', /"kinds" section is missing/],
		['kinds as a list', JSON.stringify({ ...good(), kinds: [] }), 'shape', /"kinds" section is missing or not an object/],
		['a kind as a list', JSON.stringify({ ...good(), kinds: { signoffs: [], plan: 'x' } }), 'shape', /"signoffs", "plan" should hold entries/],
		['no export date', JSON.stringify({ ...good(), exportedAt: 'yesterday' }), 'shape', /exportedAt/],
		['a site that is not text', JSON.stringify({ ...good(), site: 7 }), 'shape', /"site"/],
	];

	for (const [name, text, reason, message] of cases) {
		it(`refuses ${name}`, async () => {
			const area = seeded();
			const before = contents(area);
			const page = await recordOn(area);
			const result = page.parseImport(text);
			expect(result).toMatchObject({ ok: false, reason });
			if (!result.ok) {
				expect(result.message).toMatch(message);
				expect(result.message).toMatch(/Your record was not changed\.$/);
			}
			expect(contents(area)).toEqual(before);
		});
	}

	it('refuses a text of 40 million characters by its length, without parsing it', async () => {
		const page = await recordOn(seeded());
		const parse = vi.spyOn(JSON, 'parse');
		const huge = `{"format":"clinspark-upgrade-playbook/record","pad":"${'x'.repeat(40 * 1000 * 1000)}"}`;
		const result = page.parseImport(huge);
		expect(result).toMatchObject({ ok: false, reason: 'too-large' });
		expect(!result.ok && result.message).toMatch(/too large.*40 million characters.*limit is 33\.6 million/);
		expect(parse).not.toHaveBeenCalled();
	});

	it('refuses a file over the byte limit before reading it, in megabytes', async () => {
		const page = await recordOn(new FakeStorage());
		const result = page.sizeRefusal(100 * 1024 * 1024);
		expect(result?.message).toMatch(/too large.*100 MB.*limit is 96 MB/);
	});

	it('counts the length in code units, as browser storage does, not bytes', async () => {
		const page = await recordOn(new FakeStorage());
		expect(page.parseImport('€'.repeat(1000), { maxUnits: 999 })).toMatchObject({ reason: 'too-large' });
		expect(page.parseImport('"€€€"', { maxUnits: 5 })).toMatchObject({ reason: 'foreign' });
	});

	it('takes a file that starts with a byte order mark', async () => {
		const text = await exported(seeded());
		const page = await recordOn(new FakeStorage());
		expect(page.parseImport(`\uFEFF${text}`).ok).toBe(true);
	});

	for (const mode of ['merge', 'replace'] as const) {
		it(`applies nothing of an otherwise good file when one sign-off does not decode (${mode})`, async () => {
			const source = seeded({ 'cup:signoff:confirm-closure:k9-z': v1(event('confirm-closure', '11:00:00')) });
			const doc = JSON.parse(await exported(source));
			doc.kinds.signoffs['cup:signoff:confirm-closure:k9-z'].meaning = 'witnessed';
			doc.kinds.plan['cup:plan:site'] = 'Globex';
			const area = new FakeStorage({}, { 'cup:plan:site': v1({ value: 'Acme' }), 'cup:signoff:confirm-closure:k8-y': v1(event('confirm-closure', '08:00:00')) });
			const before = contents(area);
			const page = await recordOn(area);
			const planned = plan(page, JSON.stringify(doc), mode);
			expect(planned.refused).toHaveLength(1);
			expect(planned.refused[0]).toMatch(/Sign-offs, "cup:signoff:confirm-closure:k9-z"/);
			const applied = page.applyImport(planned);
			expect(applied.ok).toBe(false);
			expect(!applied.ok && applied.message).toMatch(/1 entry this page cannot use, so none of it is imported.*not changed/s);
			expect(contents(area)).toEqual(before);
		});
	}

	it('refuses entries filed under the wrong kind or under a key that does not match them', async () => {
		const page = await recordOn(seeded());
		const doc = {
			format: 'clinspark-upgrade-playbook/record',
			version: 1,
			exportedAt: AT.toISOString(),
			kinds: {
				plan: { 'cup:signer': 'Dana', 'cup:plan:site': 42, 'cup:plan:': 'x' },
				signoffs: { 'cup:signoff:other-step:k1': event('review-release-notes', '09:00:00') },
				'__proto__': { 'cup:plan:x': 'y' },
			},
		};
		const parsed = page.parseImport(JSON.stringify(doc));
		expect(parsed.ok).toBe(true);
		const planned = parsed.ok && page.planImport(page.snapshotAll(), parsed.document, 'merge', { kinds: page.registeredStates() });
		expect(planned && planned.refused).toEqual([
			'"cup:signer" does not belong with Upgrade plan.',
			expect.stringMatching(/^Upgrade plan, "cup:plan:site": /),
			'"cup:plan:" does not belong with Upgrade plan.',
			expect.stringMatching(/^Sign-offs, "cup:signoff:other-step:k1": .*does not match its step/),
		]);
	});

	it('applies nothing when a planned entry was tampered with after planning', async () => {
		const area = seeded();
		const before = contents(area);
		const page = await recordOn(area);
		const planned = plan(page, await exported(seeded({ 'cup:plan:upgradeDate': v1({ value: '2026-12-01' }) })), 'replace');
		planned.writes.signer = { 'cup:signer': { name: 'X', meaning: 'nope' } };
		planned.writes.ghosts = { 'cup:ghost': 1 };
		const applied = page.applyImport(planned);
		expect(applied).toMatchObject({ ok: false });
		expect(!applied.ok && applied.message).toMatch(/2 entries/);
		expect(contents(area)).toEqual(before);
	});
});

describe('merging two histories', () => {
	const browserA = () =>
		new FakeStorage(
			{},
			{
				'cup:plan:site': v1({ value: 'Acme' }),
				'cup:signoff:review-release-notes:a1': v1(event('review-release-notes', '09:00:00')),
				'cup:signoff:share-validation-scope:a2': v1(event('share-validation-scope', '10:00:00')),
				'cup:signer': v1({ name: 'Dana Reyes', meaning: 'performed' }),
				'cup:draft:val-request': v1({ values: { site: 'Acme' }, savedAt: '2025-03-10T10:00:00.000Z' }),
				'cup:draft:go-no-go': v1({ values: { decision: 'go' }, savedAt: '2025-03-01T10:00:00.000Z' }),
				'cup:quarantine:cup:plan:x': 'mine',
			},
		);
	const browserB = () =>
		new FakeStorage(
			{},
			{
				'cup:plan:site': v1({ value: 'Acme' }),
				'cup:plan:targetVersion': v1({ value: '24.2' }),
				'cup:signoff:review-release-notes:a1': v1(event('review-release-notes', '09:00:00')),
				'cup:signoff:review-release-notes:b1': v1(event('review-release-notes', '11:00:00', 'Sam Lee', false)),
				'cup:signoff:confirm-closure:b2': v1(event('confirm-closure', '12:00:00', 'Sam Lee')),
				'cup:signer': v1({ name: 'Sam Lee', meaning: 'approved' }),
				'cup:draft:val-request': v1({ values: { site: 'Acme Ltd' }, savedAt: '2025-03-05T10:00:00.000Z' }),
				'cup:draft:go-no-go': v1({ values: { decision: 'no-go' }, savedAt: '2025-03-09T10:00:00.000Z' }),
				'cup:quarantine:cup:plan:x': 'theirs',
			},
		);

	it('keeps the events of both, once each, and says which steps gain events', async () => {
		const text = await exported(browserB());
		const area = browserA();
		const page = await recordOn(area);
		const planned = plan(page, text, 'merge');
		expect(planned.refused).toEqual([]);
		const signoffs = planned.sections.find((s) => s.heading === 'Sign-off events');
		expect(signoffs?.items).toEqual([
			'2 new events, 1 already in this browser.',
			'Step 1. Review the release notes: 1 added',
			'Step 28. Confirm closure: 1 added',
		]);
		expect(page.applyImport(planned).ok).toBe(true);
		expect(Object.keys(page.listEntries('signoffs')).sort()).toEqual([
			'cup:signoff:confirm-closure:b2',
			'cup:signoff:review-release-notes:a1',
			'cup:signoff:review-release-notes:b1',
			'cup:signoff:share-validation-scope:a2',
		]);
		// Merging the same file again adds nothing.
		const again = plan(page, text, 'merge');
		expect(again.changes).toBe(0);
		const after = contents(area);
		expect(page.applyImport(again)).toEqual({ ok: true, written: 0 });
		expect(contents(area)).toEqual(after);
	});

	it('merges both ways to the same history', async () => {
		const a = browserA();
		const b = browserB();
		const textA = await exported(a);
		const textB = await exported(b);
		const pageA = await recordOn(a);
		pageA.applyImport(plan(pageA, textB, 'merge'));
		const eventsA = pageA.listEntries('signoffs');
		const pageB = await recordOn(b);
		pageB.applyImport(plan(pageB, textA, 'merge'));
		expect(pageB.listEntries('signoffs')).toEqual(eventsA);
	});

	it('takes the file plan fields, keeps this browser signer, keeps the newer draft and sets no aside text over another', async () => {
		const text = await exported(browserB());
		const area = browserA();
		const page = await recordOn(area);
		const planned = plan(page, text, 'merge');
		const section = (heading: string) => planned.sections.find((s) => s.heading === heading)?.items;
		expect(section('Upgrade plan')).toEqual(['Target version: (empty) → “24.2”']);
		expect(section('Signer in this browser')).toEqual([
			"The file's signer, Sam Lee, is not taken over: who signs is set in each browser, and yours stays as it is.",
		]);
		expect(section('Ticket drafts')).toEqual([
			`Draft of “go-no-go”: replaced by the file's (saved ${formatTime('2025-03-09T10:00:00.000Z')})`,
			'Draft of “val-request”: yours is kept, as it was saved later than the file\'s',
		]);
		expect(section('Other entries')).toEqual(['Values set aside: 1 added']);
		page.applyImport(planned);
		expect(page.listEntries('signer')).toEqual({ 'cup:signer': { name: 'Dana Reyes', role: '' } });
		expect(page.listEntries('drafts')).toMatchObject({
			'cup:draft:val-request': { values: { site: 'Acme' } },
			'cup:draft:go-no-go': { values: { decision: 'no-go' } },
		});
		expect(page.listEntries('quarantine')).toEqual({ 'cup:quarantine:cup:plan:x': 'mine', 'cup:quarantine:cup:plan:x~2': 'theirs' });
	});

	it('never rewrites an event of the same id, and says so', async () => {
		const b = browserB();
		b.data.set('cup:signoff:review-release-notes:a1', v1({ ...event('review-release-notes', '09:00:00'), comment: 'edited' }));
		const text = await exported(b);
		const area = browserA();
		const page = await recordOn(area);
		const planned = plan(page, text, 'merge');
		expect(planned.sections[0]!.items.join('\n')).toMatch(/Conflict, Step 1\. Review the release notes: the file's event a1 .* Both are kept/);
		const before = area.data.get('cup:signoff:review-release-notes:a1');
		page.applyImport(planned);
		expect(area.data.get('cup:signoff:review-release-notes:a1')).toBe(before);
		const copies = Object.values(page.listEntries('signoffs')).filter((e) => (e as { imported?: string }).imported === 'a1');
		expect(copies).toEqual([expect.objectContaining({ comment: 'edited' })]);
	});
});

describe('replacing the record', () => {
	it('makes the record what the file holds and lists what goes', async () => {
		const source = new FakeStorage(
			{},
			{
				'cup:plan:site': v1({ value: 'Globex' }),
				'cup:signoff:confirm-closure:b2': v1(event('confirm-closure', '12:00:00', 'Sam Lee')),
				'cup:signer': v1({ name: 'Sam Lee', meaning: 'approved' }),
			},
		);
		const text = await exported(source);
		const area = seeded();
		const page = await recordOn(area);
		const planned = plan(page, text, 'replace');
		const section = (heading: string) => planned.sections.find((s) => s.heading === heading)?.items;
		expect(section('Sign-off events')!.slice(0, 4)).toEqual([
			'1 new event, 0 already in this browser, 3 events of this browser removed.',
			'Step 1. Review the release notes: 2 removed',
			'Step 8. Share the validation scope: 1 removed',
			'Step 28. Confirm closure: 1 added',
		]);
		// Each event that goes is named, not only counted.
		expect(section('Sign-off events')!.slice(4).map((line) => line.replace(/, \d{4}-.*UTC/, ''))).toEqual([
			'Removed, Step 1. Review the release notes: your event k1-a (signed by Dana Reyes, not recorded (performed)). Export your record first to keep it.',
			'Removed, Step 1. Review the release notes: your event k2-b (withdrawn by Dana Reyes, not recorded (performed)). Export your record first to keep it.',
			'Removed, Step 8. Share the validation scope: your event k3-c (signed by Dana Reyes, not recorded (performed)). Export your record first to keep it.',
		]);
		expect(section('Upgrade plan')).toEqual(['Site: “Acme Clinical” → “Globex”', 'Target version: “24.2” → (empty)']);
		expect(section('Ticket drafts')).toEqual(['Draft of “val-request”: removed']);
		expect(section('Signer in this browser')![0]).toMatch(/^The file's signer, Sam Lee, is not taken over/);
		expect(section('Other entries')).toEqual(['Values set aside: 1 removed', 'View preferences: 2 removed', 'Upgrade planner: 1 removed', 'Planned times of the day: 1 removed', 'Configuration QC result: 1 removed', 'Configuration QC marks: 1 removed']);
		expect(page.applyImport(planned).ok).toBe(true);
		expect(withoutSigner(page.snapshotAll())).toEqual(withoutSigner((await recordOn(source)).snapshotAll()));
		expect(JSON.parse(area.data.get('cup:signer')!)).toMatchObject({ name: 'Dana Reyes' });
		expect(area.data.get('starlight-theme')).toBe('dark');
	});

	it('names a step this playbook does not have by its id', async () => {
		const text = await exported(new FakeStorage({}, { 'cup:signoff:retired-step:z1': v1(event('retired-step', '08:00:00')) }));
		const page = await recordOn(new FakeStorage());
		expect(plan(page, text, 'replace').sections[0]!.items).toEqual([
			'1 new event, 0 already in this browser.',
			'retired-step (not a step of this playbook): 1 added',
		]);
	});

	it('imports nothing, and says so, when storage fills up on the way', async () => {
		const text = await exported(seeded());
		const area = new FakeStorage({ quota: 600 });
		const page = await recordOn(area);
		const result = page.applyImport(plan(page, text, 'replace'));
		expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/no room/) });
		expect(contents(area)).toEqual({});
		expect(page.storage.$storageStatus.get()).toEqual({ kind: 'ok' });
	});

	it('ignores, and mentions, kinds this version does not know', async () => {
		const doc = JSON.parse(await exported(seeded()));
		doc.kinds.checklistNotes = { 'cup:note:a': 'x', 'cup:note:b': 'y' };
		const area = seeded();
		const before = contents(area);
		const page = await recordOn(area);
		const planned = plan(page, JSON.stringify(doc), 'replace');
		expect(planned.refused).toEqual([]);
		expect(planned.sections.at(-1)?.items).toEqual([
			'2 entries of a kind this version of the playbook does not know (checklistNotes) are not imported; the file keeps them.',
		]);
		expect(page.applyImport(planned).ok).toBe(true);
		expect(contents(area)).toEqual(before);
	});
});
