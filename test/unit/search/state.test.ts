import { describe, expect, test } from 'vitest';
import { EMPTY_STATE, hasFilters, isEmpty, readState, sameState, searchTerms, toFilters, writeState } from '../../../src/search/state';

const ids = { stages: ['preparation', 'validation', 'prep-for-upgrade', 'day-of-upgrade'], roles: ['customer', 'iqvia-pm', 'iqvia-engineer'] };
const read = (query: string) => readState(new URLSearchParams(query), ids);

describe('the search state in the address', () => {
	test('reads what the form submits, repeated names included', () => {
		expect(read('?q=lab+data&stage=validation&stage=day-of-upgrade&role=iqvia-engineer')).toEqual({
			q: 'lab data',
			stages: ['validation', 'day-of-upgrade'],
			roles: ['iqvia-engineer'],
		});
	});

	test('accepts comma lists and keeps the order the page lists the options in', () => {
		expect(read('role=iqvia-engineer,customer&stage=day-of-upgrade, preparation')).toEqual({
			q: '',
			stages: ['preparation', 'day-of-upgrade'],
			roles: ['customer', 'iqvia-engineer'],
		});
	});

	test('ignores unknown ids, duplicates and stray spaces', () => {
		expect(read('q=%20%20who%20%20backs%20up%20&role=nobody&role=customer&role=customer')).toEqual({ q: 'who backs up', stages: [], roles: ['customer'] });
		expect(read('')).toEqual(EMPTY_STATE);
	});

	test('writes only what is set, and reads back what it wrote', () => {
		const state = { q: 'Bearer token', stages: ['day-of-upgrade'], roles: ['iqvia-pm', 'customer'] };
		const query = writeState(state);
		expect(query).toBe('?q=Bearer+token&stage=day-of-upgrade&role=iqvia-pm&role=customer');
		expect(sameState(read(query), state)).toBe(true);
		expect(writeState(EMPTY_STATE)).toBe('');
		expect(writeState({ q: '', stages: [], roles: ['iqvia-engineer'] })).toBe('?role=iqvia-engineer');
	});
});

describe('the filters Pagefind gets', () => {
	test('any chosen value within a filter, all filters together', () => {
		expect(toFilters({ q: '', stages: ['validation', 'day-of-upgrade'], roles: ['customer'] })).toEqual({
			stage: { any: ['validation', 'day-of-upgrade'] },
			role: { any: ['customer'] },
		});
	});

	test('no filter when nothing is chosen', () => {
		expect(toFilters({ q: 'sso', stages: [], roles: [] })).toEqual({});
	});

	test('a chosen filter alone is enough to list steps', () => {
		expect(hasFilters({ q: '', stages: [], roles: ['customer'] })).toBe(true);
		expect(isEmpty({ q: '', stages: [], roles: ['customer'] })).toBe(false);
		expect(isEmpty(EMPTY_STATE)).toBe(true);
		expect(isEmpty({ ...EMPTY_STATE, q: 'x' })).toBe(false);
	});

	test('the same question is recognised whatever the order of choices', () => {
		expect(sameState({ q: 'a', stages: ['x', 'y'], roles: [] }, { q: 'a', stages: ['y', 'x'], roles: [] })).toBe(true);
		expect(sameState({ q: 'a', stages: [], roles: [] }, { q: 'b', stages: [], roles: [] })).toBe(false);
	});
});

describe('searchTerms', () => {
	test('drops the words that only make up the question', () => {
		expect(searchTerms('who backs up PROD')).toBe('backs up PROD');
		expect(searchTerms('something about lab data transfers')).toBe('lab data transfers');
		expect(searchTerms('  What is the  VAL pair? ')).toBe('VAL pair?');
	});

	test('keeps a quoted phrase, and a query made of nothing but such words', () => {
		expect(searchTerms('"back up PROD"')).toBe('"back up PROD"');
		expect(searchTerms('who is')).toBe('who is');
	});

	test('keeps words that name things in this domain', () => {
		expect(searchTerms('Go No-Go')).toBe('Go No-Go');
		expect(searchTerms('log in to VAL')).toBe('log in VAL');
		expect(searchTerms('IT check')).toBe('IT check');
	});
});
