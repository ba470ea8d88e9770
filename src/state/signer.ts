import { persistentAtom } from '@nanostores/persistent';
import type { ReadableAtom } from 'nanostores';
import { decode, encode, valueOr, type Format } from './codec';
import { isMeaning, type Meaning } from './meaning';
import { registerState } from './registry';

/** Who signs in this browser, and the meaning their sign-offs carry unless they choose another. */
export interface Signer {
	name: string;
	meaning: Meaning;
}

const KEY = 'cup:signer';
const NOBODY: Signer = { name: '', meaning: 'performed' };

const format: Format<Signer> = {
	version: 1,
	validate: ({ name, meaning }) => (typeof name === 'string' && isMeaning(meaning) ? { name, meaning } : undefined),
};
const read = (raw: string) => decode(raw, format);
const write = (signer: Signer) => encode(1, signer);

registerState({ name: 'signer', label: 'Signer', keys: [KEY], decode: read, encode: write });

const $store = persistentAtom<Signer>(KEY, NOBODY, { encode: write, decode: (raw) => valueOr(read(raw), NOBODY) });

/** The signer of this browser; `name` is '' until entered. */
export const $signer: ReadableAtom<Signer> = $store;

/** Remembers the signer's name as typed (sign-offs trim it). */
export function setSignerName(name: string): void {
	$store.set({ ...$store.get(), name });
}

/** Remembers the meaning offered first for new sign-offs. */
export function setDefaultMeaning(meaning: Meaning): void {
	$store.set({ ...$store.get(), meaning });
}
