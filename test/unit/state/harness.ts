import { vi } from 'vitest';
import type { StorageLike } from '../../../src/state/storage';

interface FakeOptions {
	/** getItem throws, as when site data is blocked after the page opened. */
	failGet?: boolean;
	/** setItem throws a SecurityError. */
	failSet?: boolean;
	/** setItem throws QuotaExceededError once keys and values would pass this many characters. */
	quota?: number;
}

/** A Web Storage stand-in whose failures can be chosen. */
export class FakeStorage implements StorageLike {
	readonly data = new Map<string, string>();
	private readonly options: FakeOptions;

	constructor(options: FakeOptions = {}, seed: Record<string, string> = {}) {
		this.options = options;
		for (const [key, value] of Object.entries(seed)) this.data.set(key, value);
	}

	get length(): number {
		return this.data.size;
	}

	key(index: number): string | null {
		return [...this.data.keys()][index] ?? null;
	}

	getItem(key: string): string | null {
		if (this.options.failGet) throw new DOMException('The operation is insecure.', 'SecurityError');
		return this.data.get(key) ?? null;
	}

	setItem(key: string, value: string): void {
		if (this.options.failSet) throw new DOMException('The operation is insecure.', 'SecurityError');
		const { quota } = this.options;
		const old = this.data.has(key) ? key.length + this.data.get(key)!.length : 0;
		if (quota !== undefined && this.used() - old + key.length + value.length > quota) {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		}
		this.data.set(key, value);
	}

	removeItem(key: string): void {
		this.data.delete(key);
	}

	used(): number {
		let size = 0;
		for (const [key, value] of this.data) size += key.length + value.length;
		return size;
	}
}

/** Loads the state modules afresh (as a new page would) on the given storage; the tab's events come from `events`. */
export async function openPage(open: () => StorageLike | null | undefined) {
	vi.resetModules();
	const events = new EventTarget();
	const storage = await import('../../../src/state/storage');
	storage.connectStorage(open, events);
	return { events, storage };
}

/** Does what another tab does: changes the shared storage, then fires the `storage` event this tab receives. */
export function otherTabWrites(events: EventTarget, area: FakeStorage, key: string | null, value?: string): void {
	if (key === null) area.data.clear();
	else if (value === undefined) area.data.delete(key);
	else area.data.set(key, value);
	const event = Object.assign(new Event('storage'), { key, newValue: value ?? null, storageArea: area });
	events.dispatchEvent(event);
}

/** Keeps a store mounted, as a page showing it does, and returns how to let go of it. */
export function watch(store: { listen(listener: () => void): () => void }): () => void {
	return store.listen(() => {});
}
