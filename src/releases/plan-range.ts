import { compareVersions, formatVersion, parseVersion } from './version';

/**
 * The one line a step shows about the upgrade plan's release range, such as
 * "Your plan: 23.1 → 24.2, 4 releases in the catalogue"; undefined when the plan
 * does not hold two valid versions, so the step shows only its link to the picker.
 * `catalogue` is every version the catalogue holds, in any order.
 */
export function planRangeText(catalogue: readonly string[], current: string, target: string): string | undefined {
	const from = parseVersion(current);
	const to = parseVersion(target);
	if (!from || !to) return undefined;
	const range = `Your plan: ${formatVersion(from)} → ${formatVersion(to)}`;
	if (compareVersions(from, to) >= 0) return `${range}; the target version is not after the current one.`;
	// The releases to read: after the current version, up to and including the target.
	const count = catalogue
		.map((text) => parseVersion(text))
		.filter((version) => version && compareVersions(version, from) > 0 && compareVersions(version, to) <= 0).length;
	return `${range}, ${count === 0 ? 'no release' : count === 1 ? '1 release' : `${count} releases`} in the catalogue.`;
}
