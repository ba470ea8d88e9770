import { describe, expect, it } from 'vitest';
import { FakeStorage } from '../state/harness';
import { contents, event, recordOn, seeded, STEPS, v1 } from './helpers';

const AT = new Date('2026-11-25T12:00:00Z');
type Page = Awaited<ReturnType<typeof recordOn>>;

/** Reads a file and plans it against the browser's current record, as the page does. */
function plan(page: Page, text: string, mode: 'merge' | 'replace', drafts: Record<string, string> = {}) {
	const parsed = page.parseImport(text);
	if (!parsed.ok) throw new Error(parsed.message);
	return page.planImport(page.snapshotAll(), parsed.document, mode, { kinds: page.registeredStates(), steps: STEPS, drafts });
}

/** A record file holding the given entries by kind. */
const file = (kinds: Record<string, Record<string, unknown>>, exportedAt = AT.toISOString()) =>
	JSON.stringify({ format: 'clinspark-upgrade-playbook/record', version: 1, exportedAt, site: '', kinds });

/** Forty events of about 4,000 characters of comment each: some 170,000 characters in all. */
function fortyEvents(): Record<string, unknown> {
	const events: Record<string, unknown> = {};
	for (let i = 0; i < 40; i++) {
		const id = `k${String(i).padStart(2, '0')}-imp`;
		events[`cup:signoff:share-validation-scope:${id}`] = { ...event('share-validation-scope', `11:${String(i).padStart(2, '0')}:00`), comment: `${i} ${'c'.repeat(4000)}` };
	}
	return events;
}

describe('item 2: a half-written import leaves nothing written', () => {
	for (const mode of ['merge', 'replace'] as const) {
		it(`${mode}: storage that fills up half way keeps the record exactly as it was and says so`, async () => {
			const area = seeded();
			// Room for about half of the file.
			(area as unknown as { options: { quota: number } }).options.quota = area.used() + 80_000;
			const before = contents(area);
			const page = await recordOn(area);
			const planned = plan(page, file({ signoffs: fortyEvents() }), mode);
			expect(planned.refused).toEqual([]);
			const result = page.applyImport(planned);
			expect(result.ok).toBe(false);
			expect(!result.ok && result.message).toMatch(/room|space/i);
			expect(!result.ok && result.message).toMatch(/not changed/);
			expect(contents(area)).toEqual(before);
			// The page still saves to the browser: a refused import is not a storage failure.
			expect(page.storage.$storageStatus.get()).toEqual({ kind: 'ok' });
		});
	}

	it('replace: with room enough, every event of the file is stored and the removed ones are gone', async () => {
		const area = seeded();
		const page = await recordOn(area);
		const planned = plan(page, file({ signoffs: fortyEvents() }), 'replace');
		expect(page.applyImport(planned).ok).toBe(true);
		expect(Object.keys(contents(area)).filter((key) => key.startsWith('cup:signoff:'))).toHaveLength(40);
	});
});

/** A value nested `depth` levels deep. */
function nested(depth: number): unknown {
	let value: unknown = 'bottom';
	for (let i = 0; i < depth; i++) value = { deeper: value };
	return value;
}

describe("item 3: the site's own export always imports", () => {
	it('an entry with a field nested 5,000 deep is refused in the preview, saying why', async () => {
		const page = await recordOn(seeded());
		// Written as text: serialising such data is itself what overflows the stack.
		const fields = JSON.stringify(event('share-validation-scope', '12:00:00')).slice(0, -1);
		const deep = `${fields},"extra":${'{"deeper":'.repeat(5000)}"bottom"${'}'.repeat(5000)}}`;
		const text = file({ signoffs: { 'cup:signoff:share-validation-scope:k5000': {} } }).replace('{}', deep);
		const planned = plan(page, text, 'merge');
		expect(planned.refused.join(' ')).toMatch(/nested more than/);
	});

	it('a field nested a few levels is still taken, and exports and imports again', async () => {
		const area = seeded();
		const page = await recordOn(area);
		const entry = { ...event('share-validation-scope', '12:00:00'), extra: nested(5) };
		const planned = plan(page, file({ signoffs: { 'cup:signoff:share-validation-scope:ok-1': entry } }), 'merge');
		expect(planned.refused).toEqual([]);
		expect(page.applyImport(planned).ok).toBe(true);
		const text = page.exportText(page.buildExport(page.snapshotAll(), AT));
		expect(page.parseImport(text).ok).toBe(true);
	});

	/** A browser whose storage (5 Mi code units, as browsers allow) is filled by one value. */
	async function exportOfFullStorage(key: string, unit: string, wrap: (text: string) => string) {
		const quota = 5 * 1024 * 1024;
		const area = new FakeStorage({ quota });
		const room = quota - key.length - wrap('').length - 64;
		area.setItem(key, wrap(unit.repeat(Math.floor(room / unit.length))));
		const page = await recordOn(area);
		return { page, text: page.exportText(page.buildExport(page.snapshotAll(), AT)) };
	}

	it('a draft of 2.28 million Japanese characters, which storage holds, exports as a file that imports', async () => {
		const { page, text } = await exportOfFullStorage('cup:draft:val-request', '検証', (t) => v1({ values: { notes: t }, savedAt: AT.toISOString() }));
		expect(text.length).toBeGreaterThan(5_000_000);
		const bytes = new TextEncoder().encode(text).length;
		expect(bytes).toBeGreaterThan(5 * 1024 * 1024);
		expect(page.sizeRefusal(bytes)).toBeUndefined();
		expect(page.parseImport(text).ok).toBe(true);
	});

	it('set-aside text of control characters filling storage, escaped six times over in the file, still imports', async () => {
		const { page, text } = await exportOfFullStorage('cup:quarantine:cup:plan:x', '\u0001', (t) => t);
		expect(text.length).toBeGreaterThan(30_000_000);
		expect(page.sizeRefusal(new TextEncoder().encode(text).length)).toBeUndefined();
		expect(page.parseImport(text).ok).toBe(true);
	});

	it('a file far beyond anything storage can hold is still refused before it is parsed', async () => {
		const page = await recordOn(new FakeStorage());
		expect(page.sizeRefusal(200 * 1024 * 1024)?.reason).toBe('too-large');
		expect(page.parseImport(' '.repeat(40 * 1024 * 1024))).toMatchObject({ ok: false, reason: 'too-large' });
	});
});

describe('item 11: the import preview', () => {
	it('names entries whose ids are names of built-in properties (constructor, toString) as they are', async () => {
		const page = await recordOn(new FakeStorage());
		const planned = plan(
			page,
			file({
				plan: { 'cup:plan:constructor': 'from the file' },
				drafts: { 'cup:draft:toString': { values: { a: 'b' }, savedAt: '2025-03-01T10:00:00.000Z' } },
			}),
			'merge',
		);
		const text = JSON.stringify(planned.sections);
		expect(text).not.toMatch(/native code|function/);
		expect(text).toMatch(/constructor/);
		expect(text).toMatch(/toString/);
	});

	it('shows when the file was exported through the one time format, whatever zone the file was written in', async () => {
		const { importedFrom } = await import('../../../src/record/import-about');
		const { formatTime } = await import('../../../src/text/time');
		const about = importedFrom('record.json', { exportedAt: '2025-03-10T02:30:00+05:00', site: 'Acme' });
		expect(about).toContain(formatTime('2025-03-10T02:30:00+05:00'));
		expect(about).toContain('21:30 UTC');
		expect(about).not.toContain('02:30 UTC');
		expect(about).toContain('Acme');
	});

	it('shows when a draft in the file was saved through the one time format', async () => {
		const { formatTime } = await import('../../../src/text/time');
		const page = await recordOn(new FakeStorage());
		const savedAt = '2025-03-10T02:30:00+05:00';
		const planned = plan(page, file({ drafts: { 'cup:draft:val-request': { values: { a: 'b' }, savedAt } } }), 'merge');
		const text = JSON.stringify(planned.sections);
		expect(text).toContain(formatTime(savedAt));
	});
});
