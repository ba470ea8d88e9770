import { persistentAtom } from '@nanostores/persistent';
import type { ReadableAtom } from 'nanostores';
import { decode, encode, isRecord, valueOr, type Format } from './codec';
import { registerState } from './registry';

/** Who signs in this browser: their name and role (a role id from roles.yaml), both '' until entered. */
export interface Signer {
	name: string;
	role: string;
}

const KEY = 'cup:signer';
const NOBODY: Signer = { name: '', role: '' };

// Format 1 kept a browser-wide default meaning; a meaning now belongs to each sign-off, so it is dropped, and the
// role, which format 1 did not ask, is asked at the next sign-off.
const format: Format<Signer> = {
	version: 2,
	validate: ({ name, role }) => (typeof name === 'string' && typeof role === 'string' ? { name, role } : undefined),
	migrate: (data, from) => (from === 1 && isRecord(data) && typeof data.name === 'string' ? { name: data.name, role: '' } : undefined),
};
const read = (raw: string) => decode(raw, format);
const write = (signer: Signer) => encode(2, signer);

registerState({ name: 'signer', label: 'Signer', keys: [KEY], decode: read, encode: write });

const $store = persistentAtom<Signer>(KEY, NOBODY, { encode: write, decode: (raw) => valueOr(read(raw), NOBODY) });

/** The signer of this browser, as stored now (another tab may have changed it). */
export const $signer: ReadableAtom<Signer> = $store;

/** Remembers the signer's name as typed (events trim it). */
export function setSignerName(name: string): void {
	$store.set({ ...$store.get(), name });
}

/** Remembers the signer's role. */
export function setSignerRole(role: string): void {
	$store.set({ ...$store.get(), role });
}
