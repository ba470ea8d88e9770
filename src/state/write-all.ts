import { engineParts, type MemoryReason, type StorageLike } from './storage';

/** How a write of many keys at once went: all of it landed, or none of it did and storage holds what it held. */
export type WriteAllResult = { ok: true } | { ok: false; reason: MemoryReason };

/**
 * Writes (or, given undefined, removes) many keys as one: removals go first to make room, and at the first
 * failure every key touched is put back as it was. The page keeps saving to the browser afterwards: a write too
 * large for the space left is refused, not a sign that storage broke.
 */
export function writeAll(changes: readonly (readonly [string, string | undefined])[]): WriteAllResult {
	const { current, notify, isLeftAlone, reasonOf, memory } = engineParts;
	const storage = current();
	changes = changes.filter(([key]) => !isLeftAlone(key));
	const ordered = [...changes.filter(([, value]) => value === undefined), ...changes.filter(([, value]) => value !== undefined)];
	if (storage) {
		const before = new Map<string, string | null>();
		try {
			for (const [key] of ordered) if (!before.has(key)) before.set(key, storage.getItem(key));
			for (const [key, value] of ordered) {
				if (value === undefined) storage.removeItem(key);
				else storage.setItem(key, value);
			}
		} catch (error) {
			restore(storage, before);
			return { ok: false, reason: reasonOf(error) };
		}
	} else {
		for (const [key, value] of ordered) (value === undefined ? memory.delete(key) : memory.set(key, value));
	}
	for (const [key, value] of ordered) notify(key, value);
	return { ok: true };
}

// Keys that held nothing are cleared first, freeing the room the old values need to come back.
function restore(storage: StorageLike, before: Map<string, string | null>): void {
	const entries = [...before];
	for (const [key, old] of entries) {
		try {
			if (old === null) storage.removeItem(key);
		} catch {
			// Nothing more can be done for this key; the others are still restored.
		}
	}
	for (const [key, old] of entries) {
		try {
			if (old !== null && storage.getItem(key) !== old) storage.setItem(key, old);
		} catch {
			// As above.
		}
	}
}

