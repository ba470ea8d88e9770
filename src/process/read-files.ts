import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'astro/zod';
import { checkProcess, type ContentProblem, type Located } from './check';
import { roleSchema, stageSchema, stepSchema, termSchema, type Role, type Stage, type StepData, type Term } from './schema';

/** A step file split into its frontmatter (unparsed) and its Markdown notes. */
export interface RawStep {
	file: string;
	frontmatter: unknown;
	notes: string;
}

/** Splits a Markdown file into its YAML frontmatter and body. */
export function splitFrontmatter(text: string): { frontmatter: unknown; body: string } {
	const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
	if (!match) return { frontmatter: undefined, body: text };
	return { frontmatter: parseYaml(match[1]!), body: match[2]! };
}

/** Reads `content/process/` from disk without Astro, for tests and build-time plugins. */
export function readProcessDir(root: string, dir = join(root, 'content/process')) {
	const rel = (path: string) => relative(root, path);
	const list = (name: string) => ({ file: rel(join(dir, name)), items: parseYaml(readFileSync(join(dir, name), 'utf8')) as unknown });
	const steps: RawStep[] = readdirSync(join(dir, 'steps'))
		.filter((name) => name.endsWith('.md') && !name.startsWith('_'))
		.sort()
		.map((name) => {
			const path = join(dir, 'steps', name);
			const { frontmatter, body } = splitFrontmatter(readFileSync(path, 'utf8'));
			return { file: rel(path), frontmatter, notes: body };
		});
	return { stages: list('stages.yaml'), roles: list('roles.yaml'), terms: list('glossary.yaml'), steps };
}

/** Parses with a schema, turning each zod issue into a problem that names the file and field. */
function parseWith<S extends z.ZodType>(schema: S, file: string, value: unknown, problems: ContentProblem[]): z.infer<S> | undefined {
	const result = schema.safeParse(value);
	if (result.success) return result.data;
	for (const issue of result.error.issues) {
		const keys = 'keys' in issue && Array.isArray(issue.keys) ? `.${issue.keys.join(', ')}` : '';
		problems.push({ file, field: (issue.path.join('.') || '(file)') + keys, message: issue.message });
	}
	return undefined;
}

/** Validates everything under `content/process/` as the build does: each file, then the whole. */
export function validateProcessDir(root: string, tools: string[], dir?: string): { problems: ContentProblem[]; steps: Located<StepData>[] } {
	const raw = readProcessDir(root, dir);
	const problems: ContentProblem[] = [];
	const items = <T>(source: { file: string; items: unknown }, schema: z.ZodType<T>): Located<T>[] => {
		if (!Array.isArray(source.items)) {
			problems.push({ file: source.file, field: '(file)', message: 'expected a list of items' });
			return [];
		}
		return source.items.flatMap((item, index) => {
			const id = item && typeof item === 'object' && 'id' in item ? String(item.id) : `#${index + 1}`;
			const data = parseWith(schema, `${source.file} [${id}]`, item, problems);
			return data ? [{ file: `${source.file} [${id}]`, data }] : [];
		});
	};
	const stages = items<Stage>(raw.stages, stageSchema);
	const roles = items<Role>(raw.roles, roleSchema);
	const terms = items<Term>(raw.terms, termSchema);
	const steps = raw.steps.flatMap((step) => {
		const data = parseWith(stepSchema, step.file, step.frontmatter, problems);
		return data ? [{ file: step.file, data }] : [];
	});
	problems.push(...checkProcess({ stages, roles, terms, steps, tools }));
	return { problems, steps };
}
