import leven from 'leven';

/**
 * Query handling beyond Pagefind's own: the other spellings of a compound ("backup" / "back up",
 * "sign-off" / "sign off"), a fallback to partial matches when requiring every word finds little,
 * and corrections of words the index does not hold. Pure, so the rules are tested without a browser.
 */

// Words English joins to a verb to make a noun: back up → backup, sign off → sign-off, roll back → rollback.
const PARTICLES = ['up', 'off', 'in', 'out', 'on', 'over', 'down', 'back'];
// Only these are split off a word: too many ordinary words end in "in", "on", "out" ("validation", "without").
const SPLIT_PARTICLES = ['up', 'off', 'back'];
const MAX_VARIANTS = 4;

/** The query's words, lower-cased, as the variants are built from them. */
function wordsOf(terms: string): string[] {
	return terms.toLowerCase().split(/\s+/).filter(Boolean);
}

/** A compound split before its particle ("backup" → "back up"), when what is left is a word of three letters or more. */
function splitCompound(word: string): string | undefined {
	const particle = SPLIT_PARTICLES.find((p) => word.endsWith(p) && word.length - p.length >= 3);
	return particle && /^\p{L}+$/u.test(word) ? `${word.slice(0, -particle.length)} ${particle}` : undefined;
}

/**
 * Other ways of writing the same query, the query itself first: a compound split or joined at a
 * particle, a hyphenated word joined or split. Only forms whose words the index holds are offered:
 * Pagefind answers a query by the words it knows and drops the rest, so a made-up form ("bak up")
 * would match every page with "up…" in it.
 */
export function queryVariants(terms: string, vocabulary: Vocabulary): string[] {
	const trimmed = terms.replace(/\s+/g, ' ').trim();
	if (!trimmed || /^".+"$/.test(trimmed)) return trimmed ? [trimmed] : [];
	const words = wordsOf(trimmed);
	const known = new Set(vocabulary.words);
	const holds = (form: string) => form.split(' ').every((part) => part.length < 3 || PARTICLES.includes(part) || known.has(part));
	const variants = new Set<string>([trimmed]);
	const add = (at: number, count: number, by: string) => {
		if (holds(by)) variants.add([...words.slice(0, at), by, ...words.slice(at + count)].join(' '));
	};
	words.forEach((word, i) => {
		const split = splitCompound(word);
		if (split) add(i, 1, split);
		if (/^\p{L}+-\p{L}+$/u.test(word)) {
			add(i, 1, word.replace('-', ''));
			add(i, 1, word.replace('-', ' '));
		}
		const next = words[i + 1];
		if (next && PARTICLES.includes(next) && /^\p{L}{2,}$/u.test(word)) add(i, 2, word + next);
	});
	return [...variants].slice(0, MAX_VARIANTS);
}

/** The words to try one by one when the whole query finds little: the query's words of two letters or more. */
export function partialTerms(terms: string): string[] {
	const words = wordsOf(terms).filter((word) => word.replace(/[^\p{L}\p{N}]/gu, '').length >= 2);
	return words.length > 1 ? [...new Set(words)] : [];
}

/** A scored hit as Pagefind gives it; `T` carries whatever else the caller needs. */
export interface Scored {
	id: string;
	score: number;
}

/** Merges several searches' hits: one hit per id, with its best score, best first. */
export function mergeBest<T extends Scored>(lists: T[][]): T[] {
	const best = new Map<string, T>();
	for (const hit of lists.flat()) {
		const seen = best.get(hit.id);
		if (!seen || hit.score > seen.score) best.set(hit.id, hit);
	}
	return [...best.values()].sort((a, b) => b.score - a.score);
}

/**
 * Merges the hits of single words: a hit that matches more of the words comes first, then the
 * higher summed score; hits already found by the whole query are left out.
 */
export function mergePartial<T extends Scored>(lists: T[][], already: ReadonlySet<string>): T[] {
	const merged = new Map<string, { hit: T; words: number; score: number }>();
	for (const list of lists)
		for (const hit of list) {
			if (already.has(hit.id)) continue;
			const seen = merged.get(hit.id);
			if (seen) {
				seen.words += 1;
				seen.score += hit.score;
			} else merged.set(hit.id, { hit, words: 1, score: hit.score });
		}
	return [...merged.values()].sort((a, b) => b.words - a.words || b.score - a.score).map((entry) => entry.hit);
}

/** The words of the index, most frequent first, as the build writes them for corrections. */
export interface Vocabulary {
	words: string[];
}

/** How far a word may be from a known word to be offered instead: one edit for short words, two for longer. */
function allowedDistance(word: string): number {
	return word.length <= 4 ? 1 : 2;
}

/** Whether two words differ by one swap of neighbouring letters ("tset" / "test"), the commonest typing slip, which Levenshtein counts as two edits. */
function swapsNeighbours(a: string, b: string): boolean {
	if (a.length !== b.length) return false;
	const differ = [...a].flatMap((letter, i) => (letter === b[i] ? [] : [i]));
	return differ.length === 2 && differ[1] === differ[0]! + 1 && a[differ[0]!] === b[differ[1]!] && a[differ[1]!] === b[differ[0]!];
}

/** Whether the index holds a word, or a word that begins with it (Pagefind matches the start of words, as people type). */
export function isKnownWord(word: string, vocabulary: Vocabulary): boolean {
	const lower = word.toLowerCase();
	return lower.replace(/[^\p{L}\p{N}]/gu, '').length < 3 || /\P{L}/u.test(lower) || vocabulary.words.some((known) => known.startsWith(lower));
}

/** Known words close to a word the index does not hold, closest (then most frequent) first. */
export function closeWords(word: string, vocabulary: Vocabulary, limit = 3): string[] {
	const lower = word.toLowerCase();
	if (isKnownWord(lower, vocabulary)) return [];
	const max = allowedDistance(lower);
	const found: { word: string; distance: number; rank: number }[] = [];
	vocabulary.words.forEach((known, rank) => {
		if (Math.abs(known.length - lower.length) > max) return;
		const distance = swapsNeighbours(lower, known) ? 1 : leven(lower, known, { maxDistance: max + 1 });
		if (distance <= max) found.push({ word: known, distance, rank });
	});
	return found
		.sort((a, b) => a.distance - b.distance || a.rank - b.rank)
		.slice(0, limit)
		.map((entry) => entry.word);
}

/** What a query could have meant: each unknown word replaced by its closest known word, and the other candidates. */
export interface Correction {
	query: string;
	alternatives: string[];
}

/** Corrects the words of a query that the index does not hold; undefined when no word could be corrected. */
export function correctQuery(terms: string, vocabulary: Vocabulary): Correction | undefined {
	const words = wordsOf(terms);
	const alternatives: string[] = [];
	let changed = false;
	const corrected = words.map((word) => {
		const [best, ...others] = closeWords(word, vocabulary);
		if (!best) return word;
		changed = true;
		alternatives.push(...others.map((other) => words.map((w) => (w === word ? other : w)).join(' ')));
		return best;
	});
	return changed ? { query: corrected.join(' '), alternatives: alternatives.slice(0, 3) } : undefined;
}

/** The vocabulary of some texts: words of three letters or more, most frequent first (ties alphabetical). */
export function buildVocabulary(texts: string[]): Vocabulary {
	const counts = new Map<string, number>();
	for (const text of texts)
		for (const word of text.toLowerCase().match(/\p{L}[\p{L}\p{N}]{2,}/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
	const words = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([word]) => word);
	return { words };
}
