import { normalizeVersionText, versionError } from './version';

/** The range found in a page address: each version when present and valid, and a message for each bad one. */
export type RangeQuery = { from?: string; to?: string; errors: string[] };

const PARAMETERS = ['from', 'to'] as const;

/** Reads `?from=22.3&to=24.1` (leading "?" optional); an empty or absent parameter is simply left out, and only the first of a repeated one counts. */
export function parseRangeQuery(search: string): RangeQuery {
	const params = new URLSearchParams(search);
	const result: RangeQuery = { errors: [] };
	for (const name of PARAMETERS) {
		const raw = params.get(name);
		if (raw === null || raw.trim() === '') continue;
		const version = normalizeVersionText(raw);
		if (version === undefined) {
			result.errors.push(`The "${name}" parameter in the address, "${raw}", is not a valid version. ${versionError(raw) ?? ''}`.trim());
		} else {
			result[name] = version;
		}
	}
	return result;
}

/** Builds the query part of an address for a range, such as "?from=22.3&to=24.1"; "" when neither is given. */
export function rangeQuery(from?: string, to?: string): string {
	const params = new URLSearchParams();
	if (from !== undefined && from !== '') params.set('from', from);
	if (to !== undefined && to !== '') params.set('to', to);
	const query = params.toString();
	return query === '' ? '' : `?${query}`;
}
