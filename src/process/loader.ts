/**
 * The one reader of the process content. The build (astro.config.mjs, the pages through
 * load.ts), the search index, the step-link plugin and the unit tests all get the process
 * from here, so no two of them can read it differently.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'astro/zod';
import { flagStepsSchema } from '../releases/schema';
import type { FlagKey } from '../releases/flags';
import { ticketSchema } from '../tickets/schema';
import { checkProcess, formatProblems, type ContentProblem, type Located } from './check';
import { buildProcess, type Process } from './model';
import { roleSchema, stagePageSchema, stageSchema, stepSchema, termSchema, type StagePage, type StepData, type TicketLink } from './schema';

/** Where a step came from: its file (relative to the project), its frontmatter as written and its Markdown notes. */
export interface StepFile {
	file: string;
	data: StepData;
	notes: string;
}

/** The process as read from disk: every problem found, and the process when there is none. */
export interface LoadedProcess {
	problems: ContentProblem[];
	process: Process<StepFile> | undefined;
}

/** Splits a Markdown file into its YAML frontmatter and body. */
export function splitFrontmatter(text: string): { frontmatter: unknown; body: string } {
	const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
	if (!match) return { frontmatter: undefined, body: text };
	return { frontmatter: parseYaml(match[1]!), body: match[2]! };
}

/** Parses with a schema, turning each zod issue into a problem that names the file and field. */
function parseWith<T>(schema: z.ZodType<T>, file: string, value: unknown, problems: ContentProblem[]): T | undefined {
	const result = schema.safeParse(value);
	if (result.success) return result.data;
	for (const issue of result.error.issues) {
		const keys = 'keys' in issue && Array.isArray(issue.keys) ? `.${issue.keys.join(', ')}` : '';
		problems.push({ file, field: (issue.path.join('.') || '(file)') + keys, message: issue.message });
	}
	return undefined;
}

/** The Markdown files of a folder, sorted, without drafts (`_name.md`) and the writers' README. */
function markdownFiles(dir: string, ext = /\.md$/): string[] {
	return readdirSync(dir)
		.filter((name) => ext.test(name) && !name.startsWith('_') && name !== 'README.md')
		.sort()
		.map((name) => join(dir, name));
}

/** Reads a YAML or Markdown file, turning a syntax error into a problem instead of a crash. */
function readText<T>(path: string, file: string, parse: (text: string) => T, problems: ContentProblem[]): T | undefined {
	try {
		return parse(readFileSync(path, 'utf8'));
	} catch (error) {
		problems.push({ file, field: '(file)', message: error instanceof Error ? error.message : String(error) });
		return undefined;
	}
}

/** Reads and checks `content/process/`, the ticket templates' `steps:` and the stage pages under `root`. */
export function loadProcessFiles(root: string): LoadedProcess {
	const content = join(root, 'content');
	const rel = (path: string) => relative(root, path).split('\\').join('/');
	const problems: ContentProblem[] = [];

	const list = <T>(name: string, schema: z.ZodType<T>): Located<T>[] => {
		const path = join(content, 'process', name);
		const items: unknown = readText(path, rel(path), parseYaml, problems);
		// undefined: the file could not be read or parsed, and that problem is already reported.
		if (items === undefined) return [];
		if (!Array.isArray(items)) {
			problems.push({ file: rel(path), field: '(file)', message: 'expected a list of items' });
			return [];
		}
		return items.flatMap((item: unknown, index) => {
			const id = item && typeof item === 'object' && 'id' in item ? String(item.id) : `#${index + 1}`;
			const file = `${rel(path)} [${id}]`;
			const data = parseWith(schema, file, item, problems);
			return data ? [{ file, data }] : [];
		});
	};
	const markdown = <T>(path: string, schema: z.ZodType<T>): { file: string; data: T; body: string } | undefined => {
		const split = readText(path, rel(path), splitFrontmatter, problems);
		if (!split) return undefined;
		const data = parseWith(schema, rel(path), split.frontmatter, problems);
		return data === undefined ? undefined : { file: rel(path), data, body: split.body };
	};

	const stages = list('stages.yaml', stageSchema);
	const roles = list('roles.yaml', roleSchema);
	const terms = list('glossary.yaml', termSchema);
	const steps = markdownFiles(join(content, 'process/steps')).flatMap((path) => {
		const step = markdown(path, stepSchema);
		return step ? [step] : [];
	});
	const tickets: Located<TicketLink>[] = markdownFiles(join(content, 'tickets')).flatMap((path) => {
		const ticket = markdown(path, ticketSchema);
		return ticket ? [{ file: ticket.file, data: { id: basename(path, '.md'), order: ticket.data.order, steps: ticket.data.steps } }] : [];
	});
	const stagePages: Located<StagePage>[] = markdownFiles(join(content, 'docs/stages'), /\.mdx?$/).flatMap((path) => {
		const page = markdown(path, stagePageSchema);
		return page ? [page] : [];
	});
	const flagsPath = join(content, 'process/release-flags.yaml');
	const flagsData = readText(flagsPath, rel(flagsPath), parseYaml, problems);
	const flagSteps = flagsData === undefined ? undefined : parseWith(flagStepsSchema, rel(flagsPath), flagsData, problems);
	const flags = flagSteps && { file: rel(flagsPath), data: flagSteps as Record<FlagKey, number[]> };

	problems.push(...checkProcess({ stages, roles, terms, steps, tickets, flags, stagePages }));
	if (problems.length > 0 || !flags) return { problems, process: undefined };
	return {
		problems,
		process: buildProcess(
			stages.map((s) => s.data),
			roles.map((r) => r.data),
			terms.map((t) => t.data),
			steps.map((s) => ({ ...s.data, source: { file: s.file, data: s.data, notes: s.body } })),
			tickets.map((t) => t.data),
			flags.data,
		),
	};
}

/** The checked process under `root`, read afresh; a problem stops the caller with every file and field named. */
export function readProcessNow(root = process.cwd()): Process<StepFile> {
	const { problems, process: loaded } = loadProcessFiles(resolve(root));
	if (!loaded) throw new Error(`The process content has ${problems.length} problem(s):\n${formatProblems(problems)}`);
	return loaded;
}

const cache = new Map<string, Process<StepFile>>();

/** The checked process under `root`, read once per project (for the config, plugins and tests). */
export function readProcess(root = process.cwd()): Process<StepFile> {
	const key = resolve(root);
	const loaded = cache.get(key) ?? readProcessNow(key);
	cache.set(key, loaded);
	return loaded;
}
