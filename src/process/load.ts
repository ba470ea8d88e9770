import { getCollection, type CollectionEntry } from 'astro:content';
import { checkProcess, formatProblems } from './check';
import { buildProcess, type Process } from './model';
import { loadTickets } from '../tickets/load';

let cached: Promise<Process<CollectionEntry<'steps'>>> | undefined;

/** Tool ids a step may name: the release picker, configuration QC, and each ticket template that exists. */
async function knownTools(): Promise<string[]> {
	const tickets = await loadTickets();
	return ['release-picker', 'qc', ...tickets.map((t) => `ticket/${t.id}`)];
}

/** Loads and cross-checks the process content once per build; a bad file stops the build, named. */
export function loadProcess(): Promise<Process<CollectionEntry<'steps'>>> {
	cached ??= (async () => {
		const [stages, roles, terms, steps, tools] = await Promise.all([
			getCollection('stages'),
			getCollection('roles'),
			getCollection('glossary'),
			getCollection('steps'),
			knownTools(),
		]);
		const listFile = (name: string, id: string) => `content/process/${name} [${id}]`;
		const problems = checkProcess({
			stages: stages.map((e) => ({ file: listFile('stages.yaml', e.id), data: e.data })),
			roles: roles.map((e) => ({ file: listFile('roles.yaml', e.id), data: e.data })),
			terms: terms.map((e) => ({ file: listFile('glossary.yaml', e.id), data: e.data })),
			steps: steps.map((e) => ({ file: e.filePath ?? `content/process/steps (${e.id})`, data: e.data })),
			tools,
		});
		if (problems.length) throw new Error(`The process content has ${problems.length} problem(s):\n${formatProblems(problems)}`);
		return buildProcess(
			stages.map((e) => e.data),
			roles.map((e) => e.data),
			terms.map((e) => e.data),
			steps.map((e) => ({ ...e.data, source: e })),
		);
	})();
	return cached;
}
