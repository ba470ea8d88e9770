import { CHECK_PORTAL, summarizeRange, type ReleaseRange } from './range';
import { FLAG_KEYS, FLAG_LABELS, type FlagSteps } from './flags';
import type { Release } from './schema';
import { rangeQuery } from './url';

/** Builds the plain-text reading list for a ticket; siteBase, when given, is the address of the playbook's release range page. */
export function readingListText(range: ReleaseRange, flagSteps: FlagSteps, siteBase?: string): string {
	const lines: string[] = [
		`ClinSpark upgrade reading list: ${range.from} → ${range.to}`,
		`Current version ${range.from} (${range.fromInCatalogue ? 'in the catalogue' : 'not in the catalogue'}); target version ${range.to} (${range.toInCatalogue ? 'in the catalogue' : 'not in the catalogue'}).`,
		summarizeRange(range.releases, flagSteps).sentence,
		'',
	];
	if (range.releases.length === 0) {
		lines.push(`The catalogue has no release after ${range.from} up to ${range.to}.`);
	} else {
		lines.push(`Releases after ${range.from} up to and including ${range.to}, oldest first:`);
		for (const release of range.releases) lines.push('', ...releaseLines(release));
	}
	if (range.gaps.length > 0) {
		lines.push('', 'The catalogue may be missing:');
		for (const gap of range.gaps) lines.push(`- ${gap.label}: ${gap.reason}`);
	}
	lines.push(
		'',
		`The catalogue holds only what public pages state, and it lists no hotfix (YY.N.H) releases. ${CHECK_PORTAL}`,
	);
	if (siteBase !== undefined && siteBase.trim() !== '') {
		lines.push(`Playbook: ${withQuery(siteBase.trim(), rangeQuery(range.from, range.to))}`);
	}
	return `${lines.join('\n')}\n`;
}

function releaseLines(release: Release): string[] {
	// Most releases have no public date: the line gives one only where there is one, rather than saying so on every line.
	const lines = [`${release.version}${release.date === undefined ? '' : ` (${release.date})`}: ${release.title}`];
	if (release.date_note !== undefined) lines.push(`  Date note: ${oneLine(release.date_note)}`);
	const stated = FLAG_KEYS.filter((key) => release.flags[key] !== null);
	if (stated.length === 0) lines.push('  No flagged changes stated publicly.');
	for (const key of stated) lines.push(`  ${FLAG_LABELS[key]}: ${oneLine(release.flags[key] ?? '')}`);
	lines.push(`  Source: ${release.source_url}`);
	return lines;
}

// Notes come from folded YAML and may still hold line breaks; a ticket line should not.
function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

// Any query or fragment already on the base would clash with the range query.
function withQuery(base: string, query: string): string {
	return base.replace(/[?#].*$/, '') + query;
}
