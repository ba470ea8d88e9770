import { FLAG_KEYS, type FlagKey, type FlagSteps } from './flags';
import type { Release } from './schema';
import { compareVersions, FIRST_YEARLY_SEGMENT, formatVersion, parseVersion, sameVersion, versionError, versionScheme, yearlyRelease, type Version } from './version';

/** Which input a range problem belongs to: one of the two versions, or their order. */
export type RangeProblem = { field: 'from' | 'to' | 'order'; message: string };

/** Something the catalogue may be missing inside a range: a machine-friendly shape plus a short label and a full sentence. */
export type Gap = { label: string; reason: string } & (
	| { kind: 'versions'; first: string; last: string }
	| { kind: 'rest-of-year'; year: number; after: string }
	| { kind: 'years'; firstYear: number; lastYear: number }
	| { kind: 'numbering-change'; after: string; before: string }
	| { kind: 'older-numbering'; after: string; before: string }
	| { kind: 'not-in-catalogue'; version: string }
);

/** A valid upgrade range: the catalogue releases it covers, oldest first, and what may be missing. */
export type ReleaseRange = {
	ok: true;
	from: string;
	to: string;
	releases: Release[];
	fromInCatalogue: boolean;
	toInCatalogue: boolean;
	gaps: Gap[];
};

/** The outcome of selectRange: the range, or the problems that stop it. */
export type RangeResult = ReleaseRange | { ok: false; problems: RangeProblem[] };

/** The closing instruction every gap carries, because the catalogue only knows what public pages state. */
export const CHECK_PORTAL = 'Check the release notes in the service desk portal.';

type Point = { version: Version; release?: Release };

/** Picks the catalogue releases after `from` up to and including `to`, oldest first, and names what the catalogue may be missing. */
export function selectRange(catalogue: readonly Release[], fromText: string, toText: string): RangeResult {
	const problems: RangeProblem[] = [];
	const fromError = versionError(fromText);
	const toError = versionError(toText);
	if (fromError !== undefined) problems.push({ field: 'from', message: fromError });
	if (toError !== undefined) problems.push({ field: 'to', message: toError });
	const from = parseVersion(fromText);
	const to = parseVersion(toText);
	if (from === undefined || to === undefined) return { ok: false, problems };

	const order = compareVersions(from, to);
	if (order === 0) {
		return {
			ok: false,
			problems: [{ field: 'order', message: `The current and target versions are the same (${formatVersion(from)}). Choose a target version that comes after the current one.` }],
		};
	}
	if (order > 0) {
		return {
			ok: false,
			problems: [
				{
					field: 'order',
					message: `This process has no downgrades: the target version must come after the current version, but ${formatVersion(to)} comes before ${formatVersion(from)}.`,
				},
			],
		};
	}

	const known = sortedCatalogue(catalogue);
	const inRange = known.filter((point) => compareVersions(point.version, from) > 0 && compareVersions(point.version, to) <= 0);
	const fromRelease = known.find((point) => sameVersion(point.version, from))?.release;
	const toInCatalogue = inRange.some((point) => sameVersion(point.version, to));
	const points: Point[] = [{ version: from, release: fromRelease }, ...inRange, ...(toInCatalogue ? [] : [{ version: to }])];

	return {
		ok: true,
		from: formatVersion(from),
		to: formatVersion(to),
		releases: inRange.map((point) => point.release as Release),
		fromInCatalogue: fromRelease !== undefined,
		toInCatalogue,
		gaps: findGaps(points, closedYears(known), toInCatalogue),
	};
}

function sortedCatalogue(catalogue: readonly Release[]): Point[] {
	const points: Point[] = [];
	for (const release of catalogue) {
		const version = parseVersion(release.version);
		// The schema has already refused bad versions; skipping keeps this usable on raw data too.
		if (version !== undefined) points.push({ version, release });
	}
	return points.sort((a, b) => compareVersions(a.version, b.version));
}

// A year whose last release is known (22.3 was the final 2022 release) cannot hide later releases.
function closedYears(points: readonly Point[]): Set<number> {
	const years = new Set<number>();
	for (const point of points) {
		const yearly = yearlyRelease(point.version);
		if (yearly !== undefined && point.release?.last_in_year === true) years.add(yearly.year);
	}
	return years;
}

function findGaps(points: readonly Point[], closed: ReadonlySet<number>, toInCatalogue: boolean): Gap[] {
	const gaps: Gap[] = [];
	const legacy = points.filter((point) => versionScheme(point.version) === 'legacy');
	const firstLegacy = legacy[0];
	const lastLegacy = legacy.at(-1);
	if (firstLegacy !== undefined && lastLegacy !== undefined && legacy.length > 1) {
		const after = formatVersion(firstLegacy.version);
		const before = formatVersion(lastLegacy.version);
		gaps.push({
			kind: 'older-numbering',
			after,
			before,
			label: `other older-numbering releases between ${after} and ${before}`,
			reason: `The catalogue lists only the older-numbering versions that public pages mention in passing, so other releases between ${after} and ${before} may be missing. ${CHECK_PORTAL}`,
		});
	}
	for (let i = 1; i < points.length; i++) {
		gaps.push(...gapsBetween(points[i - 1] as Point, points[i] as Point, closed));
	}
	const target = points.at(-1);
	if (!toInCatalogue && target !== undefined) {
		const version = formatVersion(target.version);
		gaps.push({
			kind: 'not-in-catalogue',
			version,
			label: `${version} (the target itself)`,
			reason: `The target version ${version} itself is not in the catalogue, so its changes are not listed here. ${CHECK_PORTAL}`,
		});
	}
	return gaps;
}

function gapsBetween(previous: Point, next: Point, closed: ReadonlySet<number>): Gap[] {
	const before = yearlyRelease(previous.version);
	const after = yearlyRelease(next.version);
	if (after === undefined) return [];
	if (before === undefined) return [numberingChange(previous.version, next.version, after.year)];

	const gaps: Gap[] = [];
	const prev = formatVersion(previous.version);
	const nextText = formatVersion(next.version);
	if (before.year === after.year) {
		const gap = missingVersions(before.year, before.sequence + 1, after.sequence - 1, prev, nextText);
		return gap === undefined ? [] : [gap];
	}
	if (!closed.has(before.year)) gaps.push(restOfYear(previous, before.year, before.sequence));
	if (after.year - before.year > 1) gaps.push(missingYears(before.year + 1, after.year - 1));
	const head = missingVersions(after.year, 1, after.sequence - 1, prev, nextText);
	if (head !== undefined) gaps.push(head);
	return gaps;
}

function missingVersions(year: number, first: number, last: number, previous: string, next: string): Gap | undefined {
	if (first > last) return undefined;
	const firstText = `${year}.${first}`;
	const lastText = `${year}.${last}`;
	const single = first === last;
	const label = single ? firstText : `${firstText} to ${lastText}`;
	return {
		kind: 'versions',
		first: firstText,
		last: lastText,
		label,
		reason: `The catalogue has no entry for ${label}, although the YY.N numbering between ${previous} and ${next} leaves room for ${single ? 'it' : 'them'}; ${single ? 'it' : 'they'} may be missing. ${CHECK_PORTAL}`,
	};
}

function restOfYear(previous: Point, year: number, sequence: number): Gap {
	const after = formatVersion(previous.version);
	const known =
		previous.release === undefined
			? `The catalogue has no ${year}.x entry after ${after}`
			: `The catalogue's last known ${year}.x entry is ${after}`;
	return {
		kind: 'rest-of-year',
		year,
		after,
		label: `${year}.${sequence + 1} and later ${year}.x`,
		reason: `${known}, so later ${year}.x releases may be missing. ${CHECK_PORTAL}`,
	};
}

function missingYears(firstYear: number, lastYear: number): Gap {
	const label = firstYear === lastYear ? `${firstYear}.x` : `${firstYear}.x to ${lastYear}.x`;
	return {
		kind: 'years',
		firstYear,
		lastYear,
		label,
		reason: `The catalogue has no ${label} releases at all; releases from ${firstYear === lastYear ? 'that year' : 'those years'} may be missing. ${CHECK_PORTAL}`,
	};
}

function numberingChange(previous: Version, next: Version, nextYear: number): Gap {
	const after = formatVersion(previous);
	const before = formatVersion(next);
	const example = nextYear - 1 >= FIRST_YEARLY_SEGMENT ? `, such as any ${nextYear - 1}.x,` : '';
	return {
		kind: 'numbering-change',
		after,
		before,
		label: `releases between ${after} and ${before}`,
		reason: `Releases between the older numbering (${after}) and the yearly numbering (${before})${example} are not in the catalogue and may be missing. ${CHECK_PORTAL}`,
	};
}

/** Counts of releases per flag kind in a list, with a one-sentence summary naming only kinds that occur. */
export type RangeSummary = { releaseCount: number; flagCounts: Record<FlagKey, number>; sentence: string };

// Verb forms for one release and for several ("1 changes …", "2 change …").
const FLAG_PHRASES: Record<FlagKey, readonly [string, string]> = {
	data_handling: ['states data-handling changes', 'state data-handling changes'],
	reports_dashboards_exports: ['changes bundled reports, dashboards or exports', 'change bundled reports, dashboards or exports'],
	integrations_api: ['changes integrations or the API', 'change integrations or the API'],
	security_infrastructure: ['changes security or infrastructure', 'change security or infrastructure'],
};

/** Counts the stated flags of a list of releases and says so in one sentence, pointing to the steps each kind concerns; a null flag counts as not stated. */
export function summarizeRange(releases: readonly Release[], flagSteps: FlagSteps): RangeSummary {
	const flagCounts = Object.fromEntries(
		FLAG_KEYS.map((key) => [key, releases.filter((release) => release.flags[key] !== null).length]),
	) as Record<FlagKey, number>;
	if (releases.length === 0) return { releaseCount: 0, flagCounts, sentence: 'No releases in the catalogue.' };

	const parts = FLAG_KEYS.filter((key) => flagCounts[key] > 0).map((key) => {
		const count = flagCounts[key];
		const phrase = FLAG_PHRASES[key][count === 1 ? 0 : 1];
		const steps = stepsText(flagSteps[key]);
		return `${count} ${phrase}${steps === '' ? '' : `, ${steps}`}`;
	});
	const head = `${releases.length} ${releases.length === 1 ? 'release' : 'releases'}`;
	const tail = parts.length === 0 ? 'no flagged changes stated publicly' : parts.join('; ');
	return { releaseCount: releases.length, flagCounts, sentence: `${head}; ${tail}.` };
}

/** Words pointing to playbook steps: "see step 18", "see steps 3, 5 and 23", or "" for none. */
export function stepsText(steps: readonly number[]): string {
	if (steps.length === 0) return '';
	if (steps.length === 1) return `see step ${steps[0]}`;
	return `see steps ${steps.slice(0, -1).join(', ')} and ${steps.at(-1)}`;
}
