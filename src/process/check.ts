import { FLAG_KEYS, type FlagKey } from '../releases/flags';
import type { Role, Stage, StagePage, StepData, Term, TicketLink } from './schema';

/** A content item together with the file it came from, so problems can name it. */
export interface Located<T> {
	file: string;
	data: T;
}

export interface ProcessInput {
	stages: Located<Stage>[];
	roles: Located<Role>[];
	steps: Located<StepData>[];
	terms: Located<Term>[];
	/** What each ticket template says about the steps it serves: the one place a step gets its ticket links. */
	tickets: Located<TicketLink>[];
	/** The steps each kind of release flag points to (`content/process/release-flags.yaml`), when that file parsed. */
	flags?: Located<Record<FlagKey, number[]>>;
	/** The stage pages under `content/docs/stages/`, whose titles must be the stages' own. */
	stagePages: Located<StagePage>[];
}

/** A problem in the content: the file, the field and what is wrong. */
export interface ContentProblem {
	file: string;
	field: string;
	message: string;
}

/** Cross-checks the process content as a whole; the schemas have already checked each file alone. */
export function checkProcess(input: ProcessInput): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const add = (file: string, field: string, message: string) => problems.push({ file, field, message });

	const stageIds = new Set(input.stages.map((s) => s.data.id));
	const roleIds = new Set(input.roles.map((r) => r.data.id));
	const termIds = new Set(input.terms.map((t) => t.data.id));

	for (const list of [input.stages, input.roles, input.terms, input.steps] as Located<{ id: string }>[][]) {
		const seen = new Map<string, string>();
		for (const item of list) {
			const other = seen.get(item.data.id);
			if (other) add(item.file, 'id', `"${item.data.id}" is already used by ${other}`);
			else seen.set(item.data.id, item.file);
		}
	}
	const orders = new Map<number, string>();
	for (const stage of input.stages) {
		const other = orders.get(stage.data.order);
		if (other) add(stage.file, 'order', `${stage.data.order} is already used by ${other}`);
		else orders.set(stage.data.order, stage.file);
	}

	for (const step of input.steps) {
		const { data, file } = step;
		if (!stageIds.has(data.stage)) add(file, 'stage', `unknown stage "${data.stage}" (known: ${[...stageIds].join(', ')})`);
		for (const role of data.roles) {
			if (!roleIds.has(role)) add(file, 'roles', `unknown role "${role}" (known: ${[...roleIds].join(', ')})`);
		}
		for (const role of data.waits) {
			if (!roleIds.has(role)) add(file, 'waits', `unknown role "${role}" (known: ${[...roleIds].join(', ')})`);
			else if (data.roles.includes(role)) add(file, 'waits', `"${role}" is responsible for this step, so it does not wait for it`);
		}
		for (const term of data.terms) {
			if (!termIds.has(term)) add(file, 'terms', `unknown glossary term "${term}"`);
		}
	}

	checkNumbering(input.steps, add);
	checkStagesContiguous(input, add);
	checkStepPointers(input, add);
	checkStagePages(input, add);
	return problems;
}

type Add = (file: string, field: string, message: string) => void;

/** Ticket templates and release flags point to steps by number; each number must be a step. */
function checkStepPointers(input: ProcessInput, add: Add) {
	const numbers = new Set(input.steps.map((s) => s.data.number));
	const known = `the steps run from 1 to ${numbers.size}`;
	for (const ticket of input.tickets) {
		ticket.data.steps.forEach((number, index) => {
			if (!numbers.has(number)) add(ticket.file, `steps[${index}]`, `step ${number} does not exist (${known})`);
		});
	}
	if (!input.flags) return;
	for (const key of FLAG_KEYS) {
		input.flags.data[key].forEach((number, index) => {
			if (!numbers.has(number)) add(input.flags!.file, `${key}[${index}]`, `step ${number} does not exist (${known})`);
		});
	}
}

/** Every stage has one page, titled as in stages.yaml, so a stage's title is written in one place that counts. */
function checkStagePages(input: ProcessInput, add: Add) {
	const stages = new Map(input.stages.map((s) => [s.data.id, s]));
	const pageOf = new Map<string, string>();
	for (const page of input.stagePages) {
		const stage = stages.get(page.data.stage);
		if (!stage) {
			add(page.file, 'stage', `unknown stage "${page.data.stage}" (known: ${[...stages.keys()].join(', ')})`);
			continue;
		}
		// A stage's steps link to /stages/<id>/, so the page must sit at that address.
		if (!/\/stages\/([^/]+)\.mdx?$/.test(page.file) || !page.file.replace(/\.mdx?$/, '').endsWith(`/${stage.data.id}`)) {
			add(page.file, 'stage', `the page of stage "${stage.data.id}" must be named content/docs/stages/${stage.data.id}.mdx`);
		}
		const other = pageOf.get(stage.data.id);
		if (other) add(page.file, 'stage', `stage "${stage.data.id}" already has its page ${other}`);
		else pageOf.set(stage.data.id, page.file);
		if (page.data.title !== stage.data.title) {
			add(page.file, 'title', `"${page.data.title}" differs from the stage's title "${stage.data.title}" in ${stage.file}: write the same title in both`);
		}
	}
	for (const stage of input.stages) {
		if (!pageOf.has(stage.data.id)) add(stage.file, 'id', `stage "${stage.data.id}" has no page: add content/docs/stages/${stage.data.id}.mdx with "stage: ${stage.data.id}"`);
	}
}

/** Steps are numbered 1..N, each number exactly once. */
function checkNumbering(steps: Located<StepData>[], add: Add) {
	const byNumber = new Map<number, Located<StepData>[]>();
	for (const step of steps) byNumber.set(step.data.number, [...(byNumber.get(step.data.number) ?? []), step]);
	for (const [number, holders] of byNumber) {
		for (const step of holders.slice(1)) {
			add(step.file, 'number', `step ${number} is also defined in ${holders[0]!.file}`);
		}
	}
	const count = byNumber.size;
	for (let n = 1; n <= count; n++) {
		if (!byNumber.has(n)) add('content/process/steps', 'number', `step ${n} is missing: steps must be numbered 1 to ${count} without gaps`);
	}
	for (const [number, holders] of byNumber) {
		if (number > count) add(holders[0]!.file, 'number', `step ${number} is beyond ${count}: steps must be numbered 1 to ${count} without gaps`);
	}
}

/** Each stage owns one unbroken run of step numbers, and the runs follow the stages' order. */
function checkStagesContiguous(input: ProcessInput, add: Add) {
	const order = new Map(input.stages.map((s) => [s.data.id, s.data.order]));
	const sorted = [...input.steps].filter((s) => order.has(s.data.stage)).sort((a, b) => a.data.number - b.data.number);
	const finished = new Set<string>();
	let previous: Located<StepData> | undefined;
	for (const step of sorted) {
		if (previous && previous.data.stage !== step.data.stage) {
			finished.add(previous.data.stage);
			if (finished.has(step.data.stage)) {
				add(step.file, 'stage', `"${step.data.stage}" steps must be consecutive, but step ${step.data.number} comes after step ${previous.data.number} of "${previous.data.stage}"`);
			} else if (order.get(step.data.stage)! < order.get(previous.data.stage)!) {
				add(step.file, 'stage', `step ${step.data.number} is in "${step.data.stage}", a stage ordered before "${previous.data.stage}" of step ${previous.data.number}`);
			}
		}
		previous = step;
	}
	const used = new Set(input.steps.map((s) => s.data.stage));
	for (const stage of input.stages) {
		if (!used.has(stage.data.id)) add(stage.file, 'id', `stage "${stage.data.id}" has no steps`);
	}
}

/** Formats problems as one message a writer can act on, one line per problem. */
export function formatProblems(problems: ContentProblem[]): string {
	return problems.map((p) => `${p.file}: field "${p.field}": ${p.message}`).join('\n');
}
