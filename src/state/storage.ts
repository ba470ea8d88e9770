import { atom, onMount, type ReadableAtom } from 'nanostores';
import { setPersistentEngine, type PersistentEvent, type PersistentListener } from '@nanostores/persistent';
import type { Rejection } from './codec';

/**
 * Whether progress is saved in the browser or not, and why; when not, whether what is entered lasts for the
 * tab (kept in its sessionStorage, across its pages) or only for the page.
 */
export type StorageStatus =
	| { kind: 'ok' }
	| { kind: 'memory'; reason: 'unavailable' | 'blocked' | 'full'; lasts: 'tab' | 'page'; message: string };

/** A stored value that could not be used; its text was set aside, unchanged, under `backupKey`. */
export interface StorageProblem {
	key: string;
	reason: Rejection['reason'];
	message: string;
	backupKey?: string;
}

/** The part of the Web Storage API the engine relies on. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** Every key the playbook stores starts with this. */
export const KEY_PREFIX = 'cup:';
/** Values that could not be used are moved under this prefix, followed by their original key. */
export const QUARANTINE_PREFIX = 'cup:quarantine:';

export type MemoryReason = Extract<StorageStatus, { kind: 'memory' }>['reason'];
type Lasts = Extract<StorageStatus, { kind: 'memory' }>['lasts'];
const LASTS: Record<Lasts, string> = {
	tab: 'What you enter is kept in this tab, across its pages, until this tab is closed: export your record before you close it.',
	page: 'What you enter lasts only until you leave or reload this page: export your record before you do.',
};
const CAUSES: Record<MemoryReason, string> = {
	unavailable: 'this browser offers no storage to the playbook',
	blocked: "this browser blocks the playbook's storage (private browsing or blocked site data)",
	full: "this browser's storage for the playbook is full",
};
const messageOf = (reason: MemoryReason, lasts: Lasts) => `Progress will not be kept: ${CAUSES[reason]}. ${LASTS[lasts]}`;
// Marks, in a tab's sessionStorage, that the tab works from there, and why; the tab's next pages go on from it.
const TAB_MARK = `${KEY_PREFIX}tab-fallback`;

// undefined until first use, so importing this module (in Node, or while building pages) touches nothing.
let area: StorageLike | null | undefined;
let opened: StorageLike | null = null;
let openTab: () => StorageLike | null | undefined = () => null;
let tab: StorageLike | null = null;
const memory = new Map<string, string>();
const status = atom<StorageStatus>({ kind: 'ok' });
const problems = atom<StorageProblem[]>([]);
const listeners = new Set<PersistentListener>();
const restorers = new Set<() => void>();
let check: (key: string, raw: string) => Rejection | undefined = () => undefined;
let detach = () => {};

/** Says plainly whether progress is being kept; watching it is what first opens storage. */
export const $storageStatus: ReadableAtom<StorageStatus> = status;
/** Stored values set aside this session because they were corrupt, foreign or from a newer version. */
export const $storageProblems: ReadableAtom<StorageProblem[]> = problems;

onMount(status, () => {
	current();
});

// QuotaExceededError, or NS_ERROR_DOM_QUOTA_REACHED in older Firefox.
const reasonOf = (error: unknown): MemoryReason =>
	/quota/i.test((error as { name?: string } | null)?.name ?? '') ? 'full' : 'blocked';

function keysOf(storage: StorageLike): string[] {
	const keys: string[] = [];
	for (let i = 0; i < storage.length; i++) {
		const key = storage.key(i);
		if (key?.startsWith(KEY_PREFIX)) keys.push(key);
	}
	return keys;
}

/** The tab's sessionStorage, if the browser lets the playbook use it. */
function usableTab(): StorageLike | null {
	try {
		return openTab() ?? null;
	} catch {
		return null;
	}
}

// From the first failure on, the page works from the tab's sessionStorage, or failing that from memory:
// mixing saved and unsaved values would hide what was lost.
function toMemory(reason: MemoryReason): void {
	const from = area;
	const values = new Map<string, string>();
	if (from) {
		try {
			for (const key of keysOf(from)) {
				const value = from.getItem(key);
				if (value !== null) values.set(key, value);
			}
		} catch {
			// Whatever could not be read stays in the browser's storage, untouched.
		}
	}
	area = null;
	const session = from === tab ? null : usableTab();
	if (session) {
		try {
			for (const [key, value] of values) session.setItem(key, value);
			session.setItem(TAB_MARK, reason);
			area = tab = session;
			status.set({ kind: 'memory', reason, lasts: 'tab', message: messageOf(reason, 'tab') });
			return;
		} catch {
			// The tab's storage cannot take it either: memory it is.
		}
	}
	for (const [key, value] of values) memory.set(key, value);
	status.set({ kind: 'memory', reason, lasts: 'page', message: messageOf(reason, 'page') });
}

/** Whether an earlier page of this tab moved to the tab's sessionStorage; if so this page goes on from there. */
function resumeTab(): boolean {
	const session = usableTab();
	let reason: string | null = null;
	try {
		reason = session?.getItem(TAB_MARK) ?? null;
	} catch {
		return false;
	}
	if (!session || !reason || !(reason in CAUSES)) return false;
	area = tab = session;
	status.set({ kind: 'memory', reason: reason as MemoryReason, lasts: 'tab', message: messageOf(reason as MemoryReason, 'tab') });
	return true;
}

/**
 * Points the engine at a storage area (or none), at the target of its `storage` and `pageshow` events, and at
 * the tab's own storage (sessionStorage), which keeps what is entered across the tab's pages when the first fails.
 */
export function connectStorage(open: () => StorageLike | null | undefined, events?: EventTarget, openSession?: () => StorageLike | null | undefined): void {
	memory.clear();
	leftAlone.clear();
	status.set({ kind: 'ok' });
	problems.set([]);
	listen(events);
	openTab = openSession ?? (() => null);
	tab = null;
	settle(open);
	recallSetAside();
}

// Settles which storage this page works from: the tab's, if an earlier page moved there, the one given, or memory.
function settle(open: () => StorageLike | null | undefined): void {
	if (resumeTab()) return;
	try {
		area = opened = open() ?? null;
	} catch {
		area = opened = null;
		return toMemory('blocked');
	}
	if (!area) return toMemory('unavailable');
	try {
		area.setItem(`${KEY_PREFIX}probe`, '1');
		area.removeItem(`${KEY_PREFIX}probe`);
	} catch (error) {
		toMemory(reasonOf(error));
	}
}

function current(): StorageLike | null {
	if (area === undefined) {
		const win = typeof window === 'undefined' ? undefined : window;
		connectStorage(() => win?.localStorage, win, () => win?.sessionStorage);
	}
	return area ?? null;
}

// Every use of storage goes through here: the first failure moves the page to memory, and memory answers instead.
function attempt<T>(use: (storage: StorageLike) => T, instead: () => T): T {
	const storage = current();
	if (storage) {
		try {
			return use(storage);
		} catch (error) {
			toMemory(reasonOf(error));
		}
	}
	return instead();
}

/** The raw text stored under a key, whatever it holds. */
export function readRaw(key: string): string | undefined {
	return attempt(
		(storage) => storage.getItem(key) ?? undefined,
		() => memory.get(key),
	);
}

function put(key: string, value: string | undefined): void {
	if (!key.startsWith(QUARANTINE_PREFIX) && isLeftAlone(key)) return;
	attempt<unknown>(
		(storage) => (value === undefined ? storage.removeItem(key) : storage.setItem(key, value)),
		() => (value === undefined ? memory.delete(key) : memory.set(key, value)),
	);
}

function notify(key: string | null, value: string | undefined): void {
	const event = { key, newValue: value ?? null } as unknown as PersistentEvent;
	for (const listener of [...listeners]) listener(event);
}

/** Writes (or, given undefined, removes) raw text and updates this tab's stores, as other tabs are by the `storage` event. */
export function writeRaw(key: string, value: string | undefined): void {
	put(key, value);
	notify(key, value);
}

/**
 * What the import-only writer (write-all.ts) needs of the engine; it lives apart so that pages which only keep
 * state do not download it.
 */
export const engineParts = { current, notify, isLeftAlone, reasonOf, memory };

/** Every stored key that starts with `cup:`. */
export function storedKeys(): string[] {
	return attempt((storage) => keysOf(storage).filter((key) => key !== TAB_MARK), () => [...memory.keys()]);
}

/** Lets the registry judge each stored value by its key; a rejected value is set aside before any store sees it. */
export function setKeyCheck(judge: (key: string, raw: string) => Rejection | undefined): void {
	check = judge;
}

// The set-aside area is bounded, so a tab writing spoiled values over and over cannot fill storage with copies.
const MAX_SET_ASIDE_PER_KEY = 3;
const MAX_SET_ASIDE = 50;
// Keys whose value this page leaves where it is, unused and unchanged: written by a newer version, or spoiled when
// the set-aside area was full.
const leftAlone = new Set<string>();

// What the reader has seen explained on the record page: the set-aside keys shown there, so other pages stop repeating them.
const SEEN_KEY = `${KEY_PREFIX}seen:set-aside`;

function seenSetAside(): Set<string> {
	try {
		const data = JSON.parse(readRaw(SEEN_KEY) ?? '{}') as { keys?: unknown };
		return new Set(Array.isArray(data.keys) ? data.keys.filter((key): key is string => typeof key === 'string') : []);
	} catch {
		return new Set();
	}
}

/** The stored key a set-aside copy came from: `cup:quarantine:cup:plan:site~2` came from `cup:plan:site`. */
const originOf = (backupKey: string) => backupKey.slice(QUARANTINE_PREFIX.length).replace(/~\d+$/, '');

// Values set aside by any earlier page are reported on every page until the record page has shown them.
function recallSetAside(): void {
	const setAside = storedKeys().filter((key) => key.startsWith(QUARANTINE_PREFIX));
	if (setAside.length === 0) return;
	const seen = seenSetAside();
	for (const backupKey of setAside) {
		if (seen.has(backupKey)) continue;
		const key = originOf(backupKey);
		const message = `A saved value (${key}) could not be used, so its text was set aside, unchanged, as "${backupKey}".`;
		report({ key, reason: 'corrupt', message, backupKey });
	}
}

/** Marks every value set aside so far as explained to the reader (on the record page); other pages stop reporting them. */
export function acknowledgeSetAside(): void {
	const keys = storedKeys().filter((key) => key.startsWith(QUARANTINE_PREFIX));
	// With nothing set aside there is nothing to remember: the key goes, as after a reset of everything.
	writeRaw(SEEN_KEY, keys.length ? JSON.stringify({ v: 1, keys }) : undefined);
	problems.set(problems.get().filter((problem) => !problem.backupKey));
}

/** Adds a problem to those shown, once per key and kind of trouble. */
function report(problem: StorageProblem): void {
	const same = (p: StorageProblem) => (problem.backupKey ? p.backupKey === problem.backupKey : p.key === problem.key && p.reason === problem.reason && !p.backupKey);
	const others = problems.get().filter((p) => !same(p));
	problems.set([...others, problem]);
}

function quarantine(key: string, raw: string, { reason, message }: Rejection): void {
	let backupKey: string | undefined = QUARANTINE_PREFIX + key;
	// An earlier, different value set aside for the same key must not be overwritten.
	for (let n = 2; ; n++) {
		const held = readRaw(backupKey);
		if (held === undefined || held === raw) break;
		backupKey = n > MAX_SET_ASIDE_PER_KEY ? undefined : `${QUARANTINE_PREFIX}${key}~${n}`;
		if (!backupKey) break;
	}
	const isNew = backupKey !== undefined && readRaw(backupKey) === undefined;
	if (!backupKey || (isNew && storedKeys().filter((k) => k.startsWith(QUARANTINE_PREFIX)).length >= MAX_SET_ASIDE)) {
		leftAlone.add(key);
		report({ key, reason, message: `${message} There are too many values set aside already, so it is left where it is, unused and unchanged.` });
		return;
	}
	put(backupKey, raw);
	put(key, undefined);
	report({ key, reason, message: `${message} The saved text was set aside, unchanged, as "${backupKey}".`, backupKey });
}

/** Leaves a value saved by a newer version of the playbook where it is, for that version, and says so once. */
function leaveNewer(key: string, { reason, message }: Rejection): void {
	leftAlone.add(key);
	report({ key, reason, message: `${message} It is left as it is, for that version: this page does not use or change it.` });
}

/** Whether this page must not write a key: it holds a value left alone (a newer version's, or one that could not be set aside). */
function isLeftAlone(key: string): boolean {
	if (leftAlone.has(key)) return true;
	const raw = area ? rawOf(key) : memory.get(key);
	const rejection = raw === undefined ? undefined : check(key, raw);
	if (rejection?.reason !== 'future') return false;
	leaveNewer(key, rejection);
	return true;
}

// The raw text without failing over to memory: a failed read here is found again by the write that follows.
function rawOf(key: string): string | undefined {
	try {
		return area?.getItem(key) ?? undefined;
	} catch {
		return undefined;
	}
}

/** The raw text under a key if its kind accepts it; otherwise the text is set aside (or, if newer, left alone), reported, and this returns undefined. */
export function readChecked(key: string): string | undefined {
	const raw = readRaw(key);
	const rejection = raw === undefined ? undefined : check(key, raw);
	if (!rejection) {
		leftAlone.delete(key);
		return raw;
	}
	if (rejection.reason === 'future') leaveNewer(key, rejection);
	else if (!leftAlone.has(key)) quarantine(key, raw as string, rejection);
	return undefined;
}

function receive(event: Event): void {
	const { key, newValue, storageArea } = event as StorageEvent;
	if (storageArea && storageArea !== opened) return;
	if (key !== null && !key.startsWith(KEY_PREFIX)) return;
	let value = newValue ?? undefined;
	// Stores read from memory once storage has failed, so memory follows what other tabs save; the tab's own
	// storage is this tab's alone, and keeps what it holds.
	if (!area) {
		if (key === null) memory.clear();
		else if (value === undefined) memory.delete(key);
		else memory.set(key, value);
	} else if (area === tab) {
		return;
	}
	const rejection = key === null || value === undefined ? undefined : check(key, value);
	if (rejection?.reason === 'future') leaveNewer(key as string, rejection);
	else if (rejection) quarantine(key as string, value as string, rejection);
	else if (key !== null) leftAlone.delete(key);
	notify(key, rejection ? undefined : value);
}

function listen(target: EventTarget | undefined): void {
	detach();
	detach = () => {};
	if (!target) return;
	const restore = () => restorers.forEach((run) => run());
	target.addEventListener('storage', receive);
	target.addEventListener('pageshow', restore);
	detach = () => {
		target.removeEventListener('storage', receive);
		target.removeEventListener('pageshow', restore);
	};
}

const cell = (key: string | symbol) => (typeof key === 'string' ? readChecked(key) : undefined);

// The persistent stores treat their engine as a plain object; this one routes every access through the checks above.
const engine = new Proxy(Object.create(null) as Record<string, string>, {
	get: (_, key) => cell(key),
	has: (_, key) => cell(key) !== undefined,
	set: (_, key, value) => {
		if (typeof key === 'string') put(key, String(value));
		return true;
	},
	deleteProperty: (_, key) => {
		if (typeof key === 'string') put(key, undefined);
		return true;
	},
	ownKeys: () => storedKeys().filter((key) => readChecked(key) !== undefined),
	getOwnPropertyDescriptor: (_, key) => {
		const value = typeof key === 'string' ? readRaw(key) : undefined;
		return value === undefined ? undefined : { value, writable: true, enumerable: true, configurable: true };
	},
});

setPersistentEngine(engine, {
	addEventListener(_key, listener, restore) {
		current();
		listeners.add(listener);
		restorers.add(restore);
	},
	removeEventListener(_key, listener, restore) {
		listeners.delete(listener);
		restorers.delete(restore);
	},
});
