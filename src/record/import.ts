import { isRecord } from '../state/codec';
import { formatTime } from '../text/time';
import { entryWrites, registeredStates, writeAll, type StateKind } from '../state/all';
import { RECORD_FORMAT, RECORD_VERSION, type RecordDocument } from './export';
import { checkImportedEvent, conflictId, duplicateKeys, eventSummary } from './import-events';

/**
 * The longest record text taken, in UTF-16 code units, the unit browsers count storage in. An origin gets about
 * 5 Mi of them (keys and values), and an export writes a stored character as at most six (a control character
 * becomes \u0001), so whatever the playbook's storage can hold exports as a file this page takes back.
 */
export const MAX_IMPORT_UNITS = 32 * 1024 * 1024;
/** The largest file read at all: UTF-8 takes at most three bytes for a code unit, so no file within the limit is larger. */
export const MAX_IMPORT_BYTES = 3 * MAX_IMPORT_UNITS;
/** How deep an entry's data may nest; the playbook's own entries go three levels deep, and deeper data could not be exported. */
export const MAX_ENTRY_DEPTH = 16;

/** Why a file was refused, with a sentence for people; the state is never touched by a refusal. */
export interface ImportRefusal {
	ok: false;
	reason: 'too-large' | 'empty' | 'not-json' | 'foreign' | 'newer' | 'shape' | 'entries' | 'duplicate';
	message: string;
}

/** The outcome of reading a file: a record document, or why it is not one this page can take. */
export type ParseResult = { ok: true; document: RecordDocument } | ImportRefusal;

const UNCHANGED = 'Your record was not changed.';
const refuse = (reason: ImportRefusal['reason'], message: string): ImportRefusal => ({
	ok: false,
	reason,
	message: `${message} ${UNCHANGED}`,
});
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
const millions = (units: number) => `${(units / 1_000_000).toFixed(1).replace(/\.0$/, '')} million characters`;

// Engines name the place differently: V8 gives a position (and lately line and column), Firefox line and column.
function placeOf(error: unknown, text: string): string {
	const message = error instanceof Error ? error.message : '';
	const position = /position (\d+)/i.exec(message);
	if (/unexpected end|end of data/i.test(message) || (position && Number(position[1]) >= text.trimEnd().length)) {
		return ': it ends too early, as if it was cut short';
	}
	const line = /line (\d+) column (\d+)/i.exec(message);
	if (line) return ` at line ${line[1]}, column ${line[2]}`;
	if (!position) return '';
	const before = text.slice(0, Number(position[1])).split('\n');
	return ` at line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

/** The refusal of a file of this many bytes, if it is over the limit; the page checks a file's size before reading it. */
export function sizeRefusal(bytes: number, maxBytes = MAX_IMPORT_BYTES): ImportRefusal | undefined {
	return bytes > maxBytes
		? refuse('too-large', `The file is too large to be an upgrade record: ${megabytes(bytes)}, where the limit is ${megabytes(maxBytes)}.`)
		: undefined;
}

/** Reads the text of a chosen file as a record, refusing what is too large, not JSON, foreign, newer or misshapen. */
export function parseImport(text: string, { maxUnits = MAX_IMPORT_UNITS } = {}): ParseResult {
	// Counted as storage counts, before parsing, so a huge text is never parsed.
	if (text.length > maxUnits) {
		return refuse('too-large', `The file is too large to be an upgrade record: ${millions(text.length)}, where the limit is ${millions(maxUnits)}.`);
	}
	const body = text.replace(/^\uFEFF/, '');
	if (body.trim() === '') return refuse('empty', 'The file is empty.');
	let data: unknown;
	try {
		data = JSON.parse(body);
	} catch (error) {
		return refuse('not-json', `The file is not valid JSON${placeOf(error, body)}, so it is not an upgrade record or it was damaged.`);
	}
	if (!isRecord(data) || data.format !== RECORD_FORMAT) {
		return refuse('foreign', 'The file is not an upgrade record exported by this playbook (it lacks the record format mark).');
	}
	const { version, kinds, exportedAt, site } = data;
	if (typeof version === 'number' && Number.isInteger(version) && version > RECORD_VERSION) {
		return refuse(
			'newer',
			`The file was made by a newer version of the playbook (record format ${version}; this page reads format ${RECORD_VERSION}). Import it with that version, or ask for an export made with this one.`,
		);
	}
	// Format 1 holds sign-offs of event format 1, which are read through their migration.
	if (version !== RECORD_VERSION && version !== 1) return refuse('shape', `The file's record format (${JSON.stringify(version) ?? 'missing'}) is not one the playbook writes.`);
	if (typeof exportedAt !== 'string' || Number.isNaN(Date.parse(exportedAt))) {
		return refuse('shape', 'The file does not say when it was exported ("exportedAt" is missing or not a date).');
	}
	if (site !== undefined && typeof site !== 'string') return refuse('shape', 'The site named in the file ("site") is not text.');
	if (!isRecord(kinds)) return refuse('shape', 'The file holds no entries (its "kinds" section is missing or not an object).');
	const bad = Object.keys(kinds).filter((name) => !isRecord(kinds[name]));
	if (bad.length > 0) {
		return refuse('shape', `The file's "kinds" section is damaged: ${bad.map((name) => `"${name}"`).join(', ')} should hold entries by key.`);
	}
	const twice = duplicateKeys(body);
	if (twice.length) {
		return refuse('duplicate', `The file holds the same key twice (${twice.slice(0, 3).map((key) => `"${key}"`).join(', ')}${twice.length > 3 ? '…' : ''}), so one of its entries would be silently lost.`);
	}
	return { ok: true, document: data as unknown as RecordDocument };
}

/** How a file joins the record: added to it, or taking its place. */
export type ImportMode = 'merge' | 'replace';

/** What planning needs of a kind of state: its name, label, keys and codec. */
export type KindInfo = Pick<StateKind, 'name' | 'label' | 'keys' | 'appendOnly' | 'decode' | 'encode'>;

/** What the page knows to name things: the kinds registered, and labels for steps and ticket templates by id. */
export interface ImportContext {
	kinds: readonly KindInfo[];
	steps?: Record<string, string>;
	drafts?: Record<string, string>;
	/** The time events are checked against (events dated later are flagged); now, when left out. */
	now?: Date;
}

/** One part of the summary shown before an import. */
export interface ImportSection {
	heading: string;
	items: string[];
}

/** What an import would do: the entries to write, anything that stops it, and a summary for people. */
export interface ImportPlan {
	mode: ImportMode;
	/** Entries to write, by kind, for the kinds that change; in replace mode, each such kind's whole new content. */
	writes: Record<string, Record<string, unknown>>;
	/** Entries that cannot be used; while there is one, nothing is applied. */
	refused: string[];
	sections: ImportSection[];
	/** How many entries would be added, changed or removed. */
	changes: number;
}

const PLAN_LABELS: Record<string, string> = {
	site: 'Site',
	instances: 'Instances',
	currentVersion: 'Current version',
	targetVersion: 'Target version',
	valTicket: 'VAL ticket',
	prodTicket: 'PROD ticket',
	upgradeDate: 'Upgrade date',
};

// Kinds that are this browser's own settings keep their value in a merge; drafts keep the newer one.
// The signer is personal to the browser: a file never sets it, merged or replacing.
const MERGE_POLICY: Partial<Record<string, 'keep' | 'newer' | 'rename' | 'never'>> = {
	signer: 'never',
	view: 'keep',
	drafts: 'newer',
	quarantine: 'rename',
};

const owns = (pattern: string, key: string) =>
	pattern.endsWith(':') ? key.startsWith(pattern) && key.length > pattern.length : key === pattern;

/** Vets one entry as the registry will: it must belong to the kind and survive encoding and decoding. */
export function vetEntry(kind: KindInfo, key: string, value: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
	if (!kind.keys.some((pattern) => owns(pattern, key))) return { ok: false, message: `"${key}" does not belong with ${kind.label}.` };
	if (nestedDeeperThan(value, MAX_ENTRY_DEPTH)) {
		return { ok: false, message: `${kind.label}, "${key}": its data is nested more than ${MAX_ENTRY_DEPTH} levels deep, which the playbook never writes.` };
	}
	let raw: unknown;
	try {
		raw = kind.encode(value, key);
	} catch {
		// What cannot be encoded is refused below, like any other unusable entry.
	}
	const result = typeof raw === 'string' ? kind.decode(raw, key) : undefined;
	if (result?.ok) return { ok: true, value: result.value };
	return { ok: false, message: `${kind.label}, "${key}": ${result ? result.message : 'the entry cannot be stored.'}` };
}

/** Whether data nests deeper than `limit` objects or arrays; walked with a list, not recursion, so no depth overflows the stack. */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
	const open: [unknown, number][] = [[value, 0]];
	while (open.length) {
		const [item, depth] = open.pop()!;
		if (typeof item !== 'object' || item === null) continue;
		if (depth >= limit) return true;
		for (const child of Object.values(item)) open.push([child, depth + 1]);
	}
	return false;
}

// Same data, whatever order its fields were written in.
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (isRecord(value)) {
		const keys = Object.keys(value).sort();
		return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const shown = (value: unknown) => {
	const text = typeof value === 'string' ? value : '';
	return text === '' ? '(empty)' : `“${text.length > 60 ? `${text.slice(0, 59)}…` : text}”`;
};
const when = (iso: unknown) => (typeof iso === 'string' ? formatTime(iso) : 'an unknown time');
/** A name from a table by id, only if the table itself holds it: ids from a file can be `constructor` or `toString`. */
export const own = (table: Record<string, string> | undefined, id: string): string | undefined =>
	table !== undefined && Object.hasOwn(table, id) ? table[id] : undefined;
const signerText = (value: unknown) => {
	const { name, role, meaning } = isRecord(value) ? value : {};
	// A file of format 1 names the signer's default meaning, one of format 2 the role.
	const about = typeof role === 'string' && role !== '' ? role : typeof meaning === 'string' ? meaning : '';
	return typeof name === 'string' && name !== '' ? `${name}${about ? ` (${about})` : ''}` : '(no name)';
};

interface KindChanges {
	added: string[];
	changed: string[];
	removed: string[];
	kept: string[];
	present: number;
	/** Events of the same id with other content: the file's key, and the key its copy is kept under in a merge. */
	conflicts?: { key: string; copy?: string }[];
	/** Events to check before importing (dated in the future), as sentences. */
	flags?: string[];
}

/** What a file would change in the current snapshot, merged or replacing it; nothing is written here. */
export function planImport(
	current: Record<string, Record<string, unknown>>,
	document: RecordDocument,
	mode: ImportMode,
	context: ImportContext,
): ImportPlan {
	const refused: string[] = [];
	const writes: Record<string, Record<string, unknown>> = {};
	const changes: Record<string, KindChanges> = {};
	const fileKinds = document.kinds;
	for (const kind of context.kinds) {
		const mine = current[kind.name] ?? {};
		const theirs = Object.hasOwn(fileKinds, kind.name) ? fileKinds[kind.name]! : {};
		const file = new Map<string, unknown>();
		const c: KindChanges = { added: [], changed: [], removed: [], kept: [], present: 0, conflicts: [], flags: [] };
		const policy = kind.appendOnly ? 'append' : (MERGE_POLICY[kind.name] ?? 'file');
		// What is never taken from a file is not vetted either: a file of any version may name its own signer.
		if (policy === 'never') {
			c.kept.push(...Object.keys(theirs));
			changes[kind.name] = c;
			continue;
		}
		for (const [key, value] of Object.entries(theirs)) {
			// Sign-off events carry a signer, a time and a fingerprint to vet; other append-only kinds are vetted by their own decoder.
			const checked = kind.name === 'signoffs' ? checkImportedEvent(key, value, context.now ?? new Date()) : {};
			const vetted = vetEntry(kind, key, value);
			if (checked.refusal) refused.push(checked.refusal);
			else if (vetted.ok) file.set(key, vetted.value);
			else refused.push(vetted.message);
			if (checked.flag) c.flags!.push(checked.flag);
		}
		const out: [string, unknown][] = [];
		for (const [key, value] of file) {
			const has = Object.hasOwn(mine, key);
			if (has && same(mine[key], value)) {
				c.present++;
				if (mode === 'replace') out.push([key, value]);
			} else if (!has) {
				c.added.push(key);
				out.push([key, value]);
			} else if (policy === 'append' && mode === 'merge') {
				// Same id, other content: both are kept, the file's under an id of its own, marked as imported.
				const copyKey = `${key.slice(0, key.lastIndexOf(':') + 1)}${conflictId(key.slice(key.lastIndexOf(':') + 1), canonical(value))}`;
				const copy = { ...(value as object), imported: key.slice(key.lastIndexOf(':') + 1) };
				c.conflicts!.push({ key, copy: copyKey });
				if (Object.hasOwn(mine, copyKey)) c.present++;
				else {
					c.added.push(copyKey);
					out.push([copyKey, copy]);
				}
			} else if (mode === 'replace' || policy === 'file' || (policy === 'newer' && newer(value, mine[key]))) {
				if (policy === 'append') c.conflicts!.push({ key });
				c.changed.push(key);
				out.push([key, value]);
			} else if (policy === 'rename') {
				// Set-aside text is never thrown away: the file's copy goes under a key of its own, unless already kept under one.
				const taken = (alias: string) =>
					(Object.hasOwn(mine, alias) && !same(mine[alias], value)) || (file.has(alias) && !same(file.get(alias), value));
				let n = 2;
				while (taken(`${key}~${n}`)) n++;
				const alias = `${key}~${n}`;
				if (Object.hasOwn(mine, alias)) c.present++;
				else if (!file.has(alias)) {
					c.added.push(alias);
					out.push([alias, value]);
				}
			} else {
				c.kept.push(key);
			}
		}
		if (mode === 'replace') c.removed = Object.keys(mine).filter((key) => !file.has(key));
		// A kind the import leaves as it is is not written at all, so its entries are never rewritten.
		if (c.added.length || c.changed.length || c.removed.length) writes[kind.name] = Object.fromEntries(out);
		changes[kind.name] = c;
	}
	const known = new Set(context.kinds.map((kind) => kind.name));
	const unknown = Object.keys(fileKinds).filter((name) => !known.has(name) && Object.keys(fileKinds[name]!).length > 0);
	const sections = describe(current, document, context, changes, unknown);
	const total = Object.values(changes).reduce((sum, c) => sum + c.added.length + c.changed.length + c.removed.length, 0);
	return { mode, writes, refused, sections, changes: total };
}

// The file's entries, with the copies a merge would keep of conflicting events, so their steps can be named.
function copies(entries: Record<string, unknown> | undefined, c: KindChanges): Record<string, unknown> {
	const all: Record<string, unknown> = { ...entries };
	for (const { key, copy } of c.conflicts ?? []) if (copy && entries && Object.hasOwn(entries, key)) all[copy] = entries[key];
	return all;
}

/** Every conflict and every event a replace would remove, one line each: nothing leaves the record unnamed. */
function eventDetails(current: Record<string, Record<string, unknown>>, document: RecordDocument, context: ImportContext, c: KindChanges): string[] {
	const mine = current.signoffs ?? {};
	const theirs = document.kinds.signoffs ?? {};
	const stepName = (value: unknown) => {
		const step = isRecord(value) && typeof value.step === 'string' ? value.step : '';
		return context.steps && Object.hasOwn(context.steps, step) ? context.steps[step]! : step;
	};
	const idOf = (key: string) => key.slice(key.lastIndexOf(':') + 1);
	const lines = (c.conflicts ?? []).map(({ key, copy }) =>
		copy
			? `Conflict, ${stepName(mine[key])}: the file's event ${idOf(key)} (${eventSummary(theirs[key])}) differs from yours of that id (${eventSummary(mine[key])}). Both are kept: yours as it is, the file's as ${idOf(copy)}, marked as imported.`
			: `Conflict, ${stepName(mine[key])}: your event ${idOf(key)} (${eventSummary(mine[key])}) is removed, and the file's different event of that id (${eventSummary(theirs[key])}) takes its place. Export your record first to keep it.`,
	);
	for (const key of c.removed) lines.push(`Removed, ${stepName(mine[key])}: your event ${idOf(key)} (${eventSummary(mine[key])}). Export your record first to keep it.`);
	return lines;
}

function newer(theirs: unknown, mine: unknown): boolean {
	const time = (draft: unknown) => Date.parse(isRecord(draft) && typeof draft.savedAt === 'string' ? draft.savedAt : '') || 0;
	return time(theirs) > time(mine);
}

function describe(
	current: Record<string, Record<string, unknown>>,
	document: RecordDocument,
	context: ImportContext,
	changes: Record<string, KindChanges>,
	unknown: string[],
): ImportSection[] {
	const sections: ImportSection[] = [];
	const none: KindChanges = { added: [], changed: [], removed: [], kept: [], present: 0 };
	const label = (kind: string) => context.kinds.find((k) => k.name === kind)?.label ?? kind;
	const tail = (key: string) => key.slice(key.indexOf(':', 4) + 1);

	const signoffs = changes.signoffs ?? none;
	const stepOf = (kind: 'file' | 'mine', key: string) => {
		const entries = kind === 'file' ? copies(document.kinds.signoffs, signoffs) : current.signoffs;
		const step = (entries?.[key] as { step?: unknown } | undefined)?.step;
		return typeof step === 'string' ? step : key.split(':')[2]!;
	};
	const perStep = new Map<string, { added: number; removed: number }>();
	const bump = (step: string, field: 'added' | 'removed') => {
		const counts = perStep.get(step) ?? { added: 0, removed: 0 };
		counts[field]++;
		perStep.set(step, counts);
	};
	signoffs.added.forEach((key) => bump(stepOf('file', key), 'added'));
	signoffs.removed.forEach((key) => bump(stepOf('mine', key), 'removed'));
	const order = Object.keys(context.steps ?? {});
	const rank = (step: string) => (order.includes(step) ? order.indexOf(step) : order.length);
	const events: string[] = [];
	if (signoffs.added.length || signoffs.removed.length || signoffs.present || signoffs.kept.length) {
		const summary = [`${plural(signoffs.added.length, 'new event')}`, `${signoffs.present} already in this browser`];
		if (signoffs.removed.length) summary.push(`${plural(signoffs.removed.length, 'event')} of this browser removed`);
		events.push(`${summary.join(', ')}.`);
	}
	if (signoffs.kept.length) {
		events.push(`${plural(signoffs.kept.length, 'event')} in the file differ from the event of the same id here; yours are kept, as sign-offs are never rewritten.`);
	}
	for (const [step, counts] of [...perStep].sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1))) {
		const name = own(context.steps, step) ?? `${step} (not a step of this playbook)`;
		const parts = [counts.added ? `${counts.added} added` : '', counts.removed ? `${counts.removed} removed` : ''].filter(Boolean);
		events.push(`${name}: ${parts.join(', ')}`);
	}
	events.push(...eventDetails(current, document, context, signoffs));
	if (events.length) sections.push({ heading: 'Sign-off events', items: events });
	if (signoffs.flags?.length) sections.push({ heading: 'To check before importing', items: signoffs.flags });

	const plan = changes.plan ?? none;
	const planItems = [...plan.added, ...plan.changed, ...plan.removed].map((key) => {
		const field = tail(key);
		const to = Object.hasOwn(document.kinds.plan ?? {}, key) ? document.kinds.plan![key] : '';
		const from = current.plan && Object.hasOwn(current.plan, key) ? current.plan[key] : '';
		return `${own(PLAN_LABELS, field) ?? field}: ${shown(from)} → ${shown(to)}`;
	});
	if (planItems.length) sections.push({ heading: 'Upgrade plan', items: planItems });

	const drafts = changes.drafts ?? none;
	const draftName = (key: string) => `Draft of “${own(context.drafts, tail(key)) ?? tail(key)}”`;
	const fileDraft = (key: string) => document.kinds.drafts?.[key] as { savedAt?: unknown } | undefined;
	const draftItems = [
		...drafts.added.map((key) => `${draftName(key)}: added (saved ${when(fileDraft(key)?.savedAt)})`),
		...drafts.changed.map((key) => `${draftName(key)}: replaced by the file's (saved ${when(fileDraft(key)?.savedAt)})`),
		...drafts.kept.map((key) => `${draftName(key)}: yours is kept, as it was saved later than the file's`),
		...drafts.removed.map((key) => `${draftName(key)}: removed`),
	];
	if (draftItems.length) sections.push({ heading: 'Ticket drafts', items: draftItems });

	const signer = changes.signer ?? none;
	const signerKey = [...signer.added, ...signer.changed, ...signer.kept, ...signer.removed][0];
	if (signerKey) {
		const to = signerText(document.kinds.signer?.[signerKey]);
		sections.push({
			heading: 'Signer in this browser',
			items: [`The file's signer, ${to}, is not taken over: who signs is set in each browser, and yours stays as it is.`],
		});
	}

	const others = Object.keys(changes).filter((name) => !['signoffs', 'plan', 'drafts', 'signer'].includes(name));
	const otherItems = others.flatMap((name) => {
		const c = changes[name]!;
		const parts = [
			c.added.length ? `${c.added.length} added` : '',
			c.changed.length ? `${c.changed.length} changed` : '',
			c.removed.length ? `${c.removed.length} removed` : '',
			c.kept.length ? `${c.kept.length} kept as they are here` : '',
		].filter(Boolean);
		return parts.length ? [`${label(name)}: ${parts.join(', ')}`] : [];
	});
	if (unknown.length) {
		const count = unknown.reduce((sum, name) => sum + Object.keys(document.kinds[name]!).length, 0);
		otherItems.push(
			`${plural(count, 'entry', 'entries')} of a kind this version of the playbook does not know (${unknown.join(', ')}) ${count === 1 ? 'is' : 'are'} not imported; the file keeps ${count === 1 ? 'it' : 'them'}.`,
		);
	}
	if (otherItems.length) sections.push({ heading: 'Other entries', items: otherItems });
	return sections;
}

/** The outcome of applying an import. */
export type ApplyResult = { ok: true; written: number } | { ok: false; message: string };

/** Lists refusals for people, naming the first few entries. */
export function refusalText(refused: readonly string[]): string {
	const shownList = refused.slice(0, 3).join(' ');
	const more = refused.length > 3 ? ` And ${refused.length - 3} more.` : '';
	return `The file holds ${plural(refused.length, 'entry', 'entries')} this page cannot use, so none of it is imported. ${shownList}${more} ${UNCHANGED}`;
}

/** Applies a planned import through the registry; every entry is vetted first, so a refusal leaves the record as it was. */
export function applyImport(plan: ImportPlan): ApplyResult {
	const kinds = registeredStates();
	const problems = [...plan.refused];
	for (const kind of kinds) {
		for (const [key, value] of Object.entries(plan.writes[kind.name] ?? {})) {
			const vetted = vetEntry(kind, key, value);
			if (!vetted.ok) problems.push(vetted.message);
		}
	}
	for (const name of Object.keys(plan.writes)) {
		if (!kinds.some((kind) => kind.name === name)) problems.push(`"${name}" is not a kind of state this page keeps.`);
	}
	if (problems.length) return { ok: false, message: refusalText(problems) };
	return writeImport(plan, kinds);
}

const NO_ROOM: Record<'full' | 'blocked' | 'unavailable', string> = {
	full: "This browser's storage for the playbook is full: there is no room for the file, so none of it was imported.",
	blocked: 'This browser refused to save the file, so none of it was imported.',
	unavailable: 'This browser offers no storage, so none of it was imported.',
};

/** Writes a vetted plan as one: every entry of every kind, or, when storage cannot take it all, nothing at all. */
function writeImport(plan: ImportPlan, kinds: readonly StateKind[]): ApplyResult {
	const changes: [string, string | undefined][] = [];
	let written = 0;
	for (const kind of kinds) {
		if (!Object.hasOwn(plan.writes, kind.name)) continue;
		const entries = plan.writes[kind.name]!;
		changes.push(...entryWrites(kind.name, entries, plan.mode === 'replace'));
		written += Object.keys(entries).length;
	}
	const result = writeAll(changes);
	if (!result.ok) {
		return { ok: false, message: `${NO_ROOM[result.reason]} Export your record and clear what you no longer need, or import on another browser. ${UNCHANGED}` };
	}
	return { ok: true, written };
}
