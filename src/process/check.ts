import type { Role, Stage, StepData, Term } from './schema';

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
	/** Tool ids that exist (`release-picker`, `ticket/<id>` for each template). */
	tools: string[];
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
	const toolIds = new Set(input.tools);

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
		for (const tool of data.tools) {
			if (!toolIds.has(tool)) add(file, 'tools', `unknown tool "${tool}" (known: ${[...toolIds].join(', ')})`);
		}
	}

	checkNumbering(input.steps, add);
	checkStagesContiguous(input, add);
	return problems;
}

/** Steps are numbered 1..N, each number exactly once. */
function checkNumbering(steps: Located<StepData>[], add: (file: string, field: string, message: string) => void) {
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
function checkStagesContiguous(input: ProcessInput, add: (file: string, field: string, message: string) => void) {
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
