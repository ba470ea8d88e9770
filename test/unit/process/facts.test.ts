// The process the build uses says what the files in content/ say, read here straight from those
// files: these tests pin rules, not today's content, so a writer's edit that breaks no rule passes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { readProcess, splitFrontmatter } from '../../../src/process/loader';
import { root } from './helpers';

const process = readProcess(root);

/** The frontmatter of every Markdown file in a content folder, by file name, as a writer wrote it. */
function frontmatters(folder: string): Map<string, Record<string, unknown>> {
	const dir = join(root, 'content', folder);
	return new Map(
		readdirSync(dir)
			.filter((name) => /\.mdx?$/.test(name) && !name.startsWith('_') && name !== 'README.md')
			.map((name) => [name, splitFrontmatter(readFileSync(join(dir, name), 'utf8')).frontmatter as Record<string, unknown>]),
	);
}

test('every step file is one step, with the number, stage and roles its file gives', () => {
	const files = frontmatters('process/steps');
	expect(process.steps.length).toBe(files.size);
	for (const step of process.steps) {
		const written = files.get(step.source.file.split('/').at(-1)!)!;
		expect([step.id, step.number, step.stage, step.roles]).toEqual([written.id, written.number, written.stage, written.roles]);
	}
	expect(process.steps.map((s) => s.number)).toEqual(process.steps.map((_, i) => i + 1));
});

test("a step's ticket links are exactly the templates whose steps: name it", () => {
	const declared = [...frontmatters('tickets')].map(([name, fm]) => ({ id: name.replace(/\.md$/, ''), steps: fm.steps as number[] }));
	for (const step of process.steps) {
		const tickets = step.tools.filter((tool) => tool.startsWith('ticket/')).map((tool) => tool.slice('ticket/'.length));
		expect(tickets.sort(), `step ${step.number}`).toEqual(declared.filter((t) => t.steps.includes(step.number)).map((t) => t.id).sort());
	}
	// Every template is reachable from at least one step.
	expect(declared.every((t) => t.steps.length > 0)).toBe(true);
});

test('step files name no ticket: the template is the one place that links them', () => {
	for (const [name, fm] of frontmatters('process/steps')) {
		for (const tool of (fm.tools as string[] | undefined) ?? []) expect(tool, name).not.toMatch(/^ticket\//);
	}
});

test('the release flags point to the steps content/process/release-flags.yaml names', () => {
	expect(process.flagSteps).toEqual(parse(readFileSync(join(root, 'content/process/release-flags.yaml'), 'utf8')));
});

test('each stage page carries its stage, titled as in stages.yaml, and the stages come in their order', () => {
	const pages = frontmatters('docs/stages');
	const stages = parse(readFileSync(join(root, 'content/process/stages.yaml'), 'utf8')) as { id: string; title: string; order: number }[];
	expect(process.stages.map((s) => s.id)).toEqual([...stages].sort((a, b) => a.order - b.order).map((s) => s.id));
	for (const stage of process.stages) expect(pages.get(`${stage.id}.mdx`)).toMatchObject({ title: stage.title, stage: stage.id });
});
