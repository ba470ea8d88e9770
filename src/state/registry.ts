import type { DecodeResult } from './codec';
import { QUARANTINE_PREFIX, readChecked, readRaw, setKeyCheck, storedKeys, writeRaw } from './storage';

/** One kind of saved state, described once so that export, import and reset cover it. */
export interface StateKind<T = unknown> {
	name: string;
	label: string;
	/** The keys it owns: a pattern ending in `:` owns every key under it, any other is one exact key. */
	keys: readonly string[];
	/** Its entries record events: merging never overwrites an entry that already exists. */
	appendOnly?: boolean;
	decode(raw: string, key: string): DecodeResult<T>;
	encode(value: T, key: string): string;
}

const kinds = new Map<string, StateKind>();

const owns = (pattern: string, key: string) => (pattern.endsWith(':') ? key.startsWith(pattern) : key === pattern);
const ownedBy = (kind: StateKind, key: string) => kind.keys.some((pattern) => owns(pattern, key));

/** Adds a kind of state; a kind of the same name is replaced, as when its module is loaded again. */
export function registerState<T>(kind: StateKind<T>): StateKind<T> {
	for (const other of kinds.values()) {
		const clash = other.keys.some((a) => kind.keys.some((b) => owns(a, b) || owns(b, a)));
		if (other.name !== kind.name && clash) throw new Error(`State "${kind.name}" claims keys of "${other.name}".`);
	}
	kinds.set(kind.name, kind as StateKind);
	return kind;
}

/** Every kind registered so far, in registration order. */
export function registeredStates(): StateKind[] {
	return [...kinds.values()];
}

function kindNamed(name: string): StateKind {
	const kind = kinds.get(name);
	if (!kind) throw new Error(`No state is registered as "${name}".`);
	return kind;
}

/** A kind's usable entries, by stored key, as plain data in the current format. */
export function listEntries(name: string): Record<string, unknown> {
	const kind = kindNamed(name);
	const entries: Record<string, unknown> = {};
	for (const key of storedKeys().filter((key) => ownedBy(kind, key))) {
		const raw = readChecked(key);
		const result = raw === undefined ? undefined : kind.decode(raw, key);
		if (result?.ok) entries[key] = result.value;
	}
	return entries;
}

/** Every registered kind's entries, by kind name then stored key: the content of an export. */
export function snapshotAll(): Record<string, Record<string, unknown>> {
	// Vet every value first: what gets set aside on the way must be in the snapshot too.
	storedKeys().forEach(readChecked);
	return Object.fromEntries(registeredStates().map((kind) => [kind.name, listEntries(kind.name)]));
}

/** Adds entries (as `listEntries` gives them) to a kind; returns the keys refused as foreign or unusable. */
export function mergeEntries(name: string, entries: Record<string, unknown>): string[] {
	const kind = kindNamed(name);
	const refused: string[] = [];
	for (const [key, value] of Object.entries(entries)) {
		let raw: unknown;
		try {
			raw = ownedBy(kind, key) ? kind.encode(value, key) : undefined;
		} catch {
			// Data from a file can be anything; what cannot be encoded is refused below.
		}
		const result = typeof raw === 'string' ? kind.decode(raw, key) : undefined;
		if (!result?.ok) refused.push(key);
		else if (!kind.appendOnly || readRaw(key) === undefined) writeRaw(key, kind.encode(result.value, key));
	}
	return refused;
}

/** Removes every entry of a kind, in storage and in this tab's stores; returns how many were removed. */
export function clearKind(name: string): number {
	const kind = kindNamed(name);
	const keys = storedKeys().filter((key) => ownedBy(kind, key));
	for (const key of keys) writeRaw(key, undefined);
	return keys.length;
}

/** Replaces all of a kind's entries with the given ones; returns the keys refused. */
export function replaceEntries(name: string, entries: Record<string, unknown>): string[] {
	clearKind(name);
	return mergeEntries(name, entries);
}

setKeyCheck((key, raw) => {
	const kind = [...kinds.values()].find((kind) => ownedBy(kind, key));
	const result = kind?.decode(raw, key);
	return result && !result.ok ? { ...result, message: `${kind!.label} (${key}): ${result.message}` } : undefined;
});

// Set-aside text is state too: an export must carry it, so nothing the user entered is lost on the way.
registerState<string>({
	name: 'quarantine',
	label: 'Values set aside',
	keys: [QUARANTINE_PREFIX],
	decode: (raw) => ({ ok: true, value: raw }),
	encode: (value) => value,
});
