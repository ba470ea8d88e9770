/**
 * Synthetic release catalogues for benchmarking the site build with many releases.
 *
 * Run directly with Node 24 (types are stripped natively):
 *   node bench/synthetic-releases.ts [count] [directory]
 * Defaults: 100 releases into bench/out/releases-<count>.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import type { Release } from '../src/releases/schema';

// Five versions per planning year: four yearly releases and one hotfix of the first.
const PER_YEAR = 5;
const FIRST_YEAR = 22;

/** Makes n release objects with distinct valid versions spread over years from 22.x on, deterministic for repeatable benchmarks. */
export function syntheticCatalogue(n: number): Release[] {
	const releases: Release[] = [];
	for (let i = 0; i < n; i++) {
		const year = FIRST_YEAR + Math.floor(i / PER_YEAR);
		const slot = i % PER_YEAR;
		const version = slot < PER_YEAR - 1 ? `${year}.${slot + 1}` : `${year}.1.1`;
		const month = String((i % 12) + 1).padStart(2, '0');
		const day = String((i % 28) + 1).padStart(2, '0');
		releases.push({
			version,
			// Real years stop at four digits, so later synthetic years wrap.
			date: `${2000 + (year % 8000)}-${month}-${day}`,
			title: `Synthetic release ${version}`,
			summary: `Generated entry ${i + 1} of ${n}, used only to measure build time.`,
			topics: Array.from({ length: i % 4 }, (_, k) => `Synthetic topic ${k + 1}`),
			source_url: `https://example.org/releases/${version}`,
			flags: {
				data_handling: i % 3 === 0 ? `Synthetic data-handling note for ${version}.` : null,
				reports_dashboards_exports: i % 4 === 0 ? `Synthetic reports note for ${version}.` : null,
				integrations_api: i % 5 === 0 ? `Synthetic integration note for ${version}.` : null,
				security_infrastructure: i % 7 === 0 ? `Synthetic security note for ${version}.` : null,
			},
			notes: `Synthetic entry; it describes no real ClinSpark release.`,
		});
	}
	return releases;
}

/** Writes a synthetic catalogue of n releases into dir as <version>.yaml files and returns the paths written. */
export function writeSyntheticCatalogue(dir: string, n: number): string[] {
	mkdirSync(dir, { recursive: true });
	return syntheticCatalogue(n).map((release) => {
		const path = join(dir, `${release.version}.yaml`);
		// Every string is quoted: a plain date or 23.3 would be read back as a Date or a number by Astro's YAML parser.
		writeFileSync(path, stringify(release, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }));
		return path;
	});
}

/**
 * Adds a source for each synthetic release to a copy's content/sources.yaml: a release page names its source_url
 * among the playbook's sources, and the build stops on one that is not there.
 */
export function appendSyntheticSources(sourcesFile: string, releases: readonly Release[]): void {
	const entries = releases.map((release) =>
		stringify([{ id: `synthetic-${release.version.replaceAll('.', '-')}`, title: release.title, publisher: 'Synthetic', address: release.source_url, seen: '2026-01-01', wording: 'current' }], {
			defaultStringType: 'QUOTE_DOUBLE',
			defaultKeyType: 'PLAIN',
		}),
	);
	appendFileSync(sourcesFile, `\n${entries.join('\n')}`);
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(resolve(invokedPath)).href) {
	const count = Number(process.argv[2] ?? '100');
	if (!Number.isInteger(count) || count < 0) {
		console.error('Usage: node bench/synthetic-releases.ts [count] [directory]');
		process.exit(1);
	}
	const dir = process.argv[3] ?? join('bench', 'out', `releases-${count}`);
	const written = writeSyntheticCatalogue(dir, count);
	console.log(`Wrote ${written.length} release files to ${dir}`);
}
