/**
 * Compares two listings by component and part. Two modes: after the upgrade, VAL and PROD run the
 * same version and write checksums alike, so any difference is real; across 23.3 the encoding
 * changed (Base64 before, hex after) and 23.3's notes also mention a changed checksum calculation,
 * so a difference across that boundary is to be checked rather than a failure.
 */
import type { Encoding } from './checksum';
import type { Listing, ListingRow } from './listing';
import { countOutcomes, OUTCOME_ORDER, type Counts, type Outcome } from './outcome.ts';

export { countOutcomes, isDifference, OUTCOME_ORDER, type Counts, type Outcome } from './outcome.ts';

/** Which comparison is made. */
export type QcMode = 'same-version' | 'across-23.3';

/** The plain names of the two modes, as the page and the record say them. */
export const MODE_NAMES: Record<QcMode, string> = {
	'same-version': 'VAL vs PROD after the upgrade',
	'across-23.3': 'Before vs after across 23.3',
};

/** The words for each outcome, as the summary, the filter and the record say them. */
export const OUTCOME_NAMES: Record<Outcome, string> = {
	unchanged: 'unchanged',
	reencoded: 'equal after re-encoding',
	changed: 'changed',
	'to-check': 'to check',
	added: 'added',
	removed: 'removed',
	duplicate: 'duplicate',
};

/** One checksum as compared: lowercase hex and how the listing wrote it. */
export type Sum = { hex: string; encoding: Encoding };

/** One part of a component on either side. */
export interface PartResult {
	part: string;
	outcome: Outcome;
	before?: Sum;
	after?: Sum;
}

/** One component: its name, the lines it stood on, and what became of it. */
export interface ItemResult {
	key: string;
	name: string;
	outcome: Outcome;
	parts: PartResult[];
	beforeLines: number[];
	afterLines: number[];
}

/** The comparison: every component, differences first, and the counts. */
export interface Comparison {
	mode: QcMode;
	items: ItemResult[];
	counts: Counts;
}

function byKey(listing: Listing): Map<string, ListingRow[]> {
	const map = new Map<string, ListingRow[]>();
	for (const row of listing.rows) {
		const list = map.get(row.key);
		if (list) list.push(row);
		else map.set(row.key, [row]);
	}
	return map;
}

/** What became of one part present on both sides. */
function comparePart(before: Sum, after: Sum, mode: QcMode): Outcome {
	if (before.hex === after.hex) return before.encoding === after.encoding ? 'unchanged' : 'reencoded';
	return mode === 'across-23.3' && before.encoding !== after.encoding ? 'to-check' : 'changed';
}

/** A component's outcome from its parts: the part that needs the most attention decides. */
function overall(parts: PartResult[]): Outcome {
	const outcomes = new Set(parts.map((part) => part.outcome));
	if (outcomes.has('changed') || outcomes.has('added') || outcomes.has('removed')) return 'changed';
	if (outcomes.has('to-check')) return 'to-check';
	if (outcomes.has('reencoded')) return 'reencoded';
	return 'unchanged';
}

const sum = (part: { hex: string; encoding: Encoding }): Sum => ({ hex: part.hex, encoding: part.encoding });

/** Compares two listings component by component and part by part. */
export function compareListings(before: Listing, after: Listing, mode: QcMode): Comparison {
	const left = byKey(before);
	const right = byKey(after);
	const items: ItemResult[] = [];
	for (const key of new Set([...left.keys(), ...right.keys()])) {
		const a = left.get(key) ?? [];
		const b = right.get(key) ?? [];
		const name = (a[0] ?? b[0])!.name;
		const lines = { beforeLines: a.map((row) => row.line), afterLines: b.map((row) => row.line) };
		if (a.length > 1 || b.length > 1) {
			// Two rows of one name on one side: which of them to compare is the reader's call, not ours.
			const parts = [...a, ...b].flatMap((row, i) =>
				row.parts.map((part) => ({ part: part.part, outcome: 'duplicate' as const, [i < a.length ? 'before' : 'after']: sum(part) })),
			);
			items.push({ key, name, outcome: 'duplicate', parts, ...lines });
			continue;
		}
		const [rowA] = a;
		const [rowB] = b;
		if (!rowB) {
			items.push({ key, name, outcome: 'removed', parts: rowA!.parts.map((p) => ({ part: p.part, outcome: 'removed', before: sum(p) })), ...lines });
			continue;
		}
		if (!rowA) {
			items.push({ key, name, outcome: 'added', parts: rowB.parts.map((p) => ({ part: p.part, outcome: 'added', after: sum(p) })), ...lines });
			continue;
		}
		const partsA = new Map(rowA.parts.map((p) => [p.part, p]));
		const partsB = new Map(rowB.parts.map((p) => [p.part, p]));
		const parts: PartResult[] = [];
		for (const part of new Set([...partsA.keys(), ...partsB.keys()])) {
			const x = partsA.get(part);
			const y = partsB.get(part);
			if (x && y) parts.push({ part, outcome: comparePart(x, y, mode), before: sum(x), after: sum(y) });
			else if (x) parts.push({ part, outcome: 'removed', before: sum(x) });
			else parts.push({ part, outcome: 'added', after: sum(y!) });
		}
		items.push({ key, name, outcome: overall(parts), parts, ...lines });
	}
	const rank = new Map(OUTCOME_ORDER.map((outcome, i) => [outcome, i]));
	items.sort((x, y) => rank.get(x.outcome)! - rank.get(y.outcome)! || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
	return { mode, items, counts: countOutcomes(items) };
}

/** The summary line: "312 unchanged, 4 changed, 1 added, 0 removed", with the other outcomes where any occur. */
export function summaryLine(counts: Counts): string {
	const always: Outcome[] = ['unchanged', 'changed', 'added', 'removed'];
	const parts = always.map((outcome) => `${counts[outcome]} ${OUTCOME_NAMES[outcome]}`);
	for (const outcome of ['reencoded', 'to-check', 'duplicate'] as const) {
		if (counts[outcome] > 0) parts.push(`${counts[outcome]} ${OUTCOME_NAMES[outcome]}${outcome === 'duplicate' && counts[outcome] !== 1 ? 's' : ''}`);
	}
	return parts.join(', ');
}
