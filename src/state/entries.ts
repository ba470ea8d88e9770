import { kindNamed, ownedBy, registeredStates } from './registry';
import { readChecked, readRaw, storedKeys, writeRaw } from './storage';

// Reading and writing whole kinds is for export, import and reset only; it lives apart from the
// registry so that pages which only keep state do not download it.

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

/** The raw writes that adding entries to a kind (or, with `replace`, making them its whole content) comes to; nothing is written here. */
export function entryWrites(name: string, entries: Record<string, unknown>, replace: boolean): [string, string | undefined][] {
	const kind = kindNamed(name);
	const writes: [string, string | undefined][] = [];
	if (replace) {
		for (const key of storedKeys()) if (ownedBy(kind, key) && !Object.hasOwn(entries, key)) writes.push([key, undefined]);
	}
	for (const [key, value] of Object.entries(entries)) {
		if (replace || !kind.appendOnly || readRaw(key) === undefined) writes.push([key, kind.encode(value, key)]);
	}
	return writes;
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

