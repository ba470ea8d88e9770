import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { syntheticCatalogue, writeSyntheticCatalogue } from '../../../bench/synthetic-releases';
import { releaseSchema, type Release } from '../../../src/releases/schema';
import { compareVersions, parseVersion, sameVersion, type Version } from '../../../src/releases/version';

const directory = fileURLToPath(new URL('../../../content/releases/', import.meta.url));

// YAML 1.1 reads unquoted dates and numbers the way Astro's loader does, so the check matches the build.
function readRelease(path: string): unknown {
	return parse(readFileSync(path, 'utf8'), { schema: 'yaml-1.1' });
}

type Loaded = { file: string; release?: Release; problems: string[] };

function loadAll(dir: string): Loaded[] {
	return readdirSync(dir)
		.filter((file) => file.endsWith('.yaml'))
		.map((file) => {
			const result = releaseSchema.safeParse(readRelease(join(dir, file)));
			return result.success
				? { file, release: result.data, problems: [] }
				: { file, problems: result.error.issues.map((issue) => `${file} ${issue.path.join('.')}: ${issue.message}`) };
		});
}

function releasesOf(loaded: Loaded[]): Release[] {
	return loaded.flatMap((entry) => (entry.release === undefined ? [] : [entry.release]));
}

function assertUnique(versions: Version[]): void {
	const sorted = [...versions].sort(compareVersions);
	for (let i = 1; i < sorted.length; i++) expect(sameVersion(sorted[i - 1] as Version, sorted[i] as Version)).toBe(false);
}

describe('content/releases', () => {
	const entries = loadAll(directory);
	const releases = releasesOf(entries);

	it('has only files that validate against the release schema', () => {
		expect(entries.flatMap((entry) => entry.problems)).toEqual([]);
	});

	it('holds every version named by the public sources', () => {
		expect(releases.map((release) => release.version).sort((a, b) => compareVersions(parseVersion(a) as Version, parseVersion(b) as Version))).toEqual([
			'1.4.0', '1.5', '1.5.5', '22.1', '22.2', '22.3', '23.1', '23.3', '24.1', '24.2',
		]);
	});

	it('has only .yaml files, each named <version>.yaml', () => {
		expect(readdirSync(directory).filter((file) => !file.endsWith('.yaml'))).toEqual([]);
		for (const { file, release } of entries) expect(file).toBe(`${release?.version}.yaml`);
	});

	it('has unique versions, counting 1.5 and 1.5.0 as the same', () => {
		assertUnique(releases.map((release) => parseVersion(release.version) as Version));
	});

	it('marks at most one release per year as the last of its year', () => {
		const years = releases.filter((release) => release.last_in_year).map((release) => release.version.split('.')[0]);
		expect(new Set(years).size).toBe(years.length);
	});
});

describe('bench synthetic catalogue', () => {
	it('makes valid, unique releases spread over years', () => {
		const releases = syntheticCatalogue(1000);
		expect(releases).toHaveLength(1000);
		for (const release of releases) expect(releaseSchema.safeParse(release).success).toBe(true);
		const versions = releases.map((r) => parseVersion(r.version) as Version);
		assertUnique(versions);
		expect(new Set(versions.map((v) => v.segments[0])).size).toBe(200);
	});

	it('writes files that read back as valid releases', () => {
		const dir = mkdtempSync(join(tmpdir(), 'synthetic-releases-'));
		try {
			const written = writeSyntheticCatalogue(dir, 12);
			expect(written).toHaveLength(12);
			const loaded = loadAll(dir);
			expect(loaded.flatMap((entry) => entry.problems)).toEqual([]);
			expect(releasesOf(loaded).sort((a, b) => a.version.localeCompare(b.version))).toEqual(
				syntheticCatalogue(12).sort((a, b) => a.version.localeCompare(b.version)),
			);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
