import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendSyntheticSources, syntheticCatalogue } from '../../../bench/synthetic-releases';
import { parse } from 'yaml';
import { parseSources } from '../../../src/sources/read';

describe('appendSyntheticSources', () => {
	let root: string | undefined;
	afterEach(() => {
		if (root) rmSync(root, { recursive: true, force: true });
	});

	it("makes every synthetic release's source_url one of the copy's sources, keeping the real ones first", () => {
		root = mkdtempSync(join(tmpdir(), 'synthetic-'));
		mkdirSync(join(root, 'content'));
		copyFileSync(join(import.meta.dirname, '../../../content/sources.yaml'), join(root, 'content', 'sources.yaml'));
		const read = () => parseSources(parse(readFileSync(join(root!, 'content', 'sources.yaml'), 'utf8')));
		const before = read().sources;
		const releases = syntheticCatalogue(12);
		appendSyntheticSources(join(root, 'content', 'sources.yaml'), releases);
		const { sources: after, problems } = read();
		expect(problems).toEqual([]);
		expect(after.slice(0, before.length)).toEqual(before);
		expect(after).toHaveLength(before.length + 12);
		for (const release of releases) expect(after.some((source) => source.address === release.source_url)).toBe(true);
	});
});
