import type { Release } from '../releases/schema';
import { selectRange } from '../releases/range';
import type { CatalogueGap } from './form-values';

/** The kinds of gap that lie between two catalogue versions, as opposed to the range's ends. */
const BETWEEN = new Set(['versions', 'rest-of-year', 'years', 'numbering-change']);

/** Every gap the catalogue may have between neighbouring releases (oldest first), for the browser to match against a plan's range at no cost. */
export function neighbourGaps(catalogue: readonly Release[]): CatalogueGap[] {
	const gaps: CatalogueGap[] = [];
	for (let i = 1; i < catalogue.length; i++) {
		const after = catalogue[i - 1]!.version;
		const before = catalogue[i]!.version;
		const range = selectRange(catalogue, after, before);
		if (!range.ok) continue;
		for (const gap of range.gaps) if (BETWEEN.has(gap.kind)) gaps.push({ after, before, label: gap.label });
	}
	return gaps;
}
