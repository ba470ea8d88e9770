import { describe, expect, it } from 'vitest';
import { buildVocabulary, closeWords, isKnownWord, correctQuery, mergeBest, mergePartial, partialTerms, queryVariants } from '../../../src/search/query';

const known = buildVocabulary(['back backup roll rollback sign signoff login validation without setup production prod']);

describe('queryVariants', () => {
	it('splits a compound before its particle and joins a verb with its particle', () => {
		expect(queryVariants('backup', known)).toEqual(['backup', 'back up']);
		expect(queryVariants('back up prod', known)).toEqual(['back up prod', 'backup prod']);
		expect(queryVariants('rollback', known)).toEqual(['rollback', 'roll back']);
	});
	it('joins and splits a hyphenated word', () => {
		expect(queryVariants('sign-off', known)).toEqual(['sign-off', 'signoff', 'sign off']);
		expect(queryVariants('sign off', known)).toEqual(['sign off', 'signoff']);
	});
	it('leaves plain words, short stems and quoted phrases alone', () => {
		expect(queryVariants('validation', known)).toEqual(['validation']);
		expect(queryVariants('without', known)).toEqual(['without']);
		expect(queryVariants('upon', known)).toEqual(['upon']);
		expect(queryVariants('"back up"', known)).toEqual(['"back up"']);
		expect(queryVariants('  ', known)).toEqual([]);
	});
	it('offers no form with a word the index does not hold', () => {
		expect(queryVariants('bakup', known)).toEqual(['bakup']);
		expect(queryVariants('lookup', known)).toEqual(['lookup']);
	});
	it('offers at most four ways of writing a query', () => {
		expect(queryVariants('backup setup signoff log-in', known).length).toBe(4);
	});
});

describe('partialTerms', () => {
	it('gives the distinct words of a query of several words, and nothing for one word', () => {
		expect(partialTerms('creates VAL request VAL')).toEqual(['creates', 'val', 'request']);
		expect(partialTerms('backup')).toEqual([]);
		expect(partialTerms('a b')).toEqual([]);
	});
});

describe('merging hits', () => {
	const hit = (id: string, score: number) => ({ id, score });
	it('keeps each hit once with its best score, best first', () => {
		expect(mergeBest([[hit('a', 1), hit('b', 3)], [hit('a', 5)]])).toEqual([hit('a', 5), hit('b', 3)]);
	});
	it('puts hits matching more words first, leaving out those already found', () => {
		const merged = mergePartial([[hit('a', 9), hit('b', 1), hit('c', 1)], [hit('b', 1), hit('c', 2)]], new Set(['c']));
		expect(merged.map((h) => h.id)).toEqual(['b', 'a']);
	});
});

describe('corrections', () => {
	const vocabulary = buildVocabulary(['Back up production. The backup is taken before the upgrade.', 'Dashboards and reports, two', 'infrastructure infrastructure']);

	it('lists words of three letters or more, most frequent first', () => {
		expect(vocabulary.words.slice(0, 2)).toEqual(['infrastructure', 'the']);
		expect(vocabulary.words).not.toContain('up');
	});
	it('offers the closest known words for an unknown one, and none for a known one', () => {
		expect(closeWords('bakup', vocabulary)).toEqual(['backup']);
		expect(closeWords('reprots', vocabulary)).toEqual(['reports']);
		expect(closeWords('dashbords', vocabulary)).toEqual(['dashboards']);
		expect(closeWords('backup', vocabulary)).toEqual([]);
		expect(closeWords('zzzzzz', vocabulary)).toEqual([]);
	});
	it('counts two neighbouring letters swapped as one slip', () => {
		expect(closeWords('bcak', vocabulary)).toEqual(['back']);
		expect(closeWords('reprots', vocabulary)[0]).toBe('reports');
	});
	it('allows one edit in a short word and two in a longer one', () => {
		expect(closeWords('bak', vocabulary)).toEqual(['back']);
		expect(closeWords('bxxk', vocabulary)).toEqual([]);
	});
	it('takes the start of a known word as known, as it is while someone types', () => {
		expect(isKnownWord('infras', vocabulary)).toBe(true);
		expect(isKnownWord('infrastucture', vocabulary)).toBe(false);
		expect(isKnownWord('3-5', vocabulary)).toBe(true);
		expect(closeWords('dashb', vocabulary)).toEqual([]);
	});
	it('corrects every unknown word of a query and keeps the known ones', () => {
		expect(correctQuery('bakup productoin', vocabulary)).toEqual({ query: 'backup production', alternatives: [] });
		expect(correctQuery('twe', vocabulary)).toEqual({ query: 'the', alternatives: ['two'] });
		expect(correctQuery('backup production', vocabulary)).toBeUndefined();
	});
});
