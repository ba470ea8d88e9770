import { describe, expect, it } from 'vitest';
import { parseRangeQuery, rangeQuery } from '../../../src/releases/url';

describe('parseRangeQuery', () => {
	it.each([
		['?from=22.3&to=24.1', { from: '22.3', to: '24.1', errors: [] }],
		['from=22.3&to=24.1', { from: '22.3', to: '24.1', errors: [] }],
		['?to=24.1', { to: '24.1', errors: [] }],
		['', { errors: [] }],
		['?from=&to=', { errors: [] }],
		['?from=%2022.3%20&to=22.1.1', { from: '22.3', to: '22.1.1', errors: [] }],
		['?from=22.3&from=23.1', { from: '22.3', errors: [] }],
		['?other=1&to=1.5.5', { to: '1.5.5', errors: [] }],
	])('reads %j', (search, expected) => {
		expect(parseRangeQuery(search)).toEqual(expected);
	});

	it('names the parameter and the value of a bad version, with the reason', () => {
		const result = parseRangeQuery('?from=v22.3&to=24.1');
		expect(result.from).toBeUndefined();
		expect(result.to).toBe('24.1');
		expect(result.errors).toEqual(['The "from" parameter in the address, "v22.3", is not a valid version. Leave out the leading "v": write 22.3, not v22.3.']);
	});

	it('reports both parameters when both are bad', () => {
		const result = parseRangeQuery('?from=abc&to=24.');
		expect(result.errors).toHaveLength(2);
		expect(result.errors[0]).toMatch(/^The "from" parameter in the address, "abc"/);
		expect(result.errors[1]).toMatch(/^The "to" parameter in the address, "24\."/);
	});
});

describe('rangeQuery', () => {
	it.each([
		[['22.3', '24.1'], '?from=22.3&to=24.1'],
		[['22.3', undefined], '?from=22.3'],
		[[undefined, '24.1'], '?to=24.1'],
		[[undefined, undefined], ''],
	] as const)('builds %j as %j', ([from, to], expected) => {
		expect(rangeQuery(from, to)).toBe(expected);
	});

	it('round-trips through parseRangeQuery', () => {
		expect(parseRangeQuery(rangeQuery('1.5.5', '23.3.1'))).toEqual({ from: '1.5.5', to: '23.3.1', errors: [] });
	});
});
