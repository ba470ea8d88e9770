import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { citedIds, malformedCitations } from './citations';
import { sourceSchema, type Source } from './schema';

/** Where writers keep the sources, relative to the project root. */
export const SOURCES_FILE = 'content/sources.yaml';

/** Validates the parsed sources file; each problem names the file, the entry and the field. */
export function parseSources(items: unknown, file = SOURCES_FILE): { sources: Source[]; problems: string[] } {
	if (!Array.isArray(items)) return { sources: [], problems: [`${file}: expected a list of sources`] };
	const problems: string[] = [];
	const sources: Source[] = [];
	const seen = new Set<string>();
	items.forEach((item, index) => {
		const id = item && typeof item === 'object' && 'id' in item ? String(item.id) : `#${index + 1}`;
		const result = sourceSchema.safeParse(item);
		if (!result.success) {
			for (const issue of result.error.issues) problems.push(`${file} [${id}] ${issue.path.join('.') || '(entry)'}: ${issue.message}`);
			return;
		}
		if (seen.has(result.data.id)) problems.push(`${file} [${id}] id: another source already has this id`);
		seen.add(result.data.id);
		sources.push(result.data);
	});
	return { sources, problems };
}

const cache = new Map<string, Source[]>();

/** Reads and validates the sources once per build; a bad entry stops the build, named. */
export function readSources(root = process.cwd()): Source[] {
	const cached = cache.get(root);
	if (cached) return cached;
	const { sources, problems } = parseSources(parseYaml(readFileSync(join(root, SOURCES_FILE), 'utf8')));
	if (problems.length) throw new Error(`The sources have ${problems.length} problem(s):\n${problems.join('\n')}`);
	cache.set(root, sources);
	return sources;
}

/** Every citation problem in a text: unknown source ids and malformed markers, each naming the file. */
export function citationProblems(text: string, file: string, sources: readonly Source[]): string[] {
	const known = new Set(sources.map((s) => s.id));
	return [
		...citedIds(text)
			.filter((id) => !known.has(id))
			.map((id) => `${file}: cites the unknown source "${id}" (sources are listed in ${SOURCES_FILE})`),
		...malformedCitations(text).map((raw) => `${file}: the citation ${raw} is malformed; write [^src=<source id>]`),
	];
}

/** Throws, naming the file, when a text cites a source that does not exist. */
export function assertCitations(text: string, file: string, sources: readonly Source[]): void {
	const problems = citationProblems(text, file, sources);
	if (problems.length) throw new Error(problems.join('\n'));
}

/** The number a source is cited by everywhere on the site: its place in the sources file. */
export function sourceNumber(sources: readonly Source[], id: string): number {
	const index = sources.findIndex((s) => s.id === id);
	if (index < 0) throw new Error(`Unknown source "${id}" (sources are listed in ${SOURCES_FILE})`);
	return index + 1;
}

/** The sources with these ids, in the order of the sources file (so their numbers read upwards). */
export function sourcesIn(sources: readonly Source[], ids: Iterable<string>): Source[] {
	const wanted = new Set(ids);
	return sources.filter((s) => wanted.has(s.id));
}
