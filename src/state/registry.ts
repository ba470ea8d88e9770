import type { DecodeResult } from './codec';
import { QUARANTINE_PREFIX, setKeyCheck } from './storage';

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
/** Whether a stored key belongs to a kind. */
export const ownedBy = (kind: StateKind, key: string) => kind.keys.some((pattern) => owns(pattern, key));

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

/** The kind registered under a name; an unknown name is a programming error. */
export function kindNamed(name: string): StateKind {
	const kind = kinds.get(name);
	if (!kind) throw new Error(`No state is registered as "${name}".`);
	return kind;
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
