import { z } from 'astro/zod';
import { valueError } from './fields';

/** The kinds of value a ticket field can hold; each kind has its own input, check and printed form. */
export const FIELD_KINDS = ['text', 'longtext', 'date', 'datetime', 'daterange', 'choice', 'yesno', 'version', 'ticket', 'list'] as const;

/** Kinds whose value answers a question: the form never answers one for the sender. */
export const QUESTION_KINDS: readonly FieldKind[] = ['choice', 'yesno'];

/** Who sends a ticket: the role ids of content/process/roles.yaml that write tickets. */
export const SENDERS = ['customer', 'iqvia-pm', 'iqvia-engineer'] as const;

/** The parts of the saved upgrade plan a field can be pre-filled from, with the field kinds each one fits. */
export const PLAN_SOURCES = {
	site: ['text', 'longtext'],
	instances: ['text', 'longtext', 'list'],
	currentVersion: ['version', 'text'],
	targetVersion: ['version', 'text'],
	valTicket: ['ticket', 'text'],
	prodTicket: ['ticket', 'text'],
	upgradeDate: ['date', 'text'],
	readingList: ['list'],
	catalogueGaps: ['list'],
} as const satisfies Record<string, readonly FieldKind[]>;

/** One kind of field value. */
export type FieldKind = (typeof FIELD_KINDS)[number];

/** The name of one part of the saved upgrade plan. */
export type PlanSource = keyof typeof PLAN_SOURCES;

const PLAN_SOURCE_NAMES = Object.keys(PLAN_SOURCES) as [PlanSource, ...PlanSource[]];

/** Field names and option values become template names such as `val_pair.replace`, so both stay plain snake_case words. */
export const IDENTIFIER = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

const identifier = (what: string) =>
	z.string().regex(IDENTIFIER, `${what} must be a snake_case word: lower-case letters and digits joined by single underscores`);

const optionSchema = z
	.object({
		value: identifier('an option value'),
		label: z.string().trim().min(1, 'an option needs a label'),
	})
	.strict();

/** Where the plan itself gives a default answer: the step and its own words, quoted. */
const planCitation = z
	.object({
		step: z.number().int().min(1, 'steps run from 1 to 28').max(28, 'steps run from 1 to 28'),
		words: z.string().trim().min(3, "quote the plan's own words that give the default"),
	})
	.strict();

const fieldSchema = z
	.object({
		name: identifier('a field name'),
		label: z.string().trim().min(1, 'a field needs a label'),
		kind: z.enum(FIELD_KINDS, { error: `kind must be one of: ${FIELD_KINDS.join(', ')}` }),
		required: z.boolean().default(false),
		/** A condition `<choice field>.<option>` or `<yes/no field>` under which the field becomes required. */
		required_when: z.string().optional(),
		help: z.string().trim().min(1, 'leave help out rather than empty').optional(),
		options: z.array(optionSchema).optional(),
		default: z.unknown().optional(),
		/** For a yes/no or choice default: the plan step whose words give it. */
		default_from: planCitation.optional(),
		from_plan: z.enum(PLAN_SOURCE_NAMES, { error: `from_plan must be one of: ${PLAN_SOURCE_NAMES.join(', ')}` }).optional(),
	})
	.strict()
	.superRefine((field, ctx) => {
		if (field.kind === 'choice') {
			if (!field.options || field.options.length < 2) {
				ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice field needs options, at least two' });
			} else {
				const seen = new Set<string>();
				field.options.forEach((option, index) => {
					if (seen.has(option.value)) {
						ctx.addIssue({ code: 'custom', path: ['options', index, 'value'], message: `option "${option.value}" is listed twice` });
					}
					seen.add(option.value);
				});
			}
		} else if (field.options !== undefined) {
			ctx.addIssue({ code: 'custom', path: ['options'], message: `only a choice field has options, and this one is a ${field.kind} field` });
		}
		if (field.from_plan !== undefined) {
			const fits: readonly string[] = PLAN_SOURCES[field.from_plan];
			if (!fits.includes(field.kind)) {
				ctx.addIssue({
					code: 'custom',
					path: ['from_plan'],
					message: `the plan's ${field.from_plan} cannot fill a ${field.kind} field (it fits: ${fits.join(', ')})`,
				});
			}
		}
		if (QUESTION_KINDS.includes(field.kind)) {
			if (!field.required && field.required_when === undefined) {
				ctx.addIssue({
					code: 'custom',
					path: ['required'],
					message: `a ${field.kind} field asks a question the ticket needs answered: set required: true, or required_when a condition holds`,
				});
			}
			if (field.default !== undefined && field.default_from === undefined) {
				ctx.addIssue({
					code: 'custom',
					path: ['default'],
					message: `a ${field.kind} field has no default answer unless the plan gives one: remove the default, or cite it with default_from: {step, words}`,
				});
			}
		}
		if (field.default_from !== undefined && (field.default === undefined || !QUESTION_KINDS.includes(field.kind))) {
			ctx.addIssue({ code: 'custom', path: ['default_from'], message: 'default_from cites the plan for the default of a yes/no or choice field; this field has none' });
		}
		if (field.required && field.required_when !== undefined) {
			ctx.addIssue({ code: 'custom', path: ['required_when'], message: 'a field is either always required or required_when a condition holds, not both' });
		}
		// A malformed option list makes every default look wrong; report the options alone.
		const optionsUsable = field.kind !== 'choice' || (field.options?.length ?? 0) >= 2;
		if (field.default !== undefined && optionsUsable) {
			const problem = valueError(field, field.default);
			if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['default'], message: `the default does not fit: ${problem}` });
		}
	});

/** A precondition from the plan: when all of `when` hold, the ticket is not written; `reason` says why and `steps` are linked. */
const blockSchema = z
	.object({
		when: z.array(z.string()).min(1, 'name at least one condition'),
		reason: z.string().trim().min(1, 'say why the ticket cannot go'),
		steps: z.array(z.number().int().min(1, 'steps run from 1 to 28').max(28, 'steps run from 1 to 28')).min(1, 'link the plan steps the reason rests on'),
	})
	.strict();

/** The frontmatter of one ticket template in `content/tickets/`; its body is the ticket text. */
export const ticketSchema = z
	.object({
		title: z.string().trim().min(1, 'a template needs a title'),
		/** One sentence, shown on the list of tickets. */
		summary: z.string().trim().min(1, 'a template needs a one-sentence summary'),
		// Which numbers exist is the process's to say: the process loader checks each against the steps.
		steps: z.array(z.number().int().min(1, 'a step number is a whole number from 1 up')).min(1, 'name at least one step the ticket serves'),
		order: z.number().int().positive('order is a whole number from 1 up'),
		/** A short paragraph shown above the form, for what the reader should know first. */
		intro: z.string().trim().min(1, 'leave intro out rather than empty').optional(),
		/** Public pages the ticket's questions come from, linked under the intro. */
		links: z
			.array(z.object({ label: z.string().trim().min(1, 'a link needs a label'), url: z.url({ error: 'a link needs a full https:// address' }) }).strict())
			.default([]),
		/** Who sends it, a role id. */
		from: z.enum(SENDERS, { error: `from must be one of: ${SENDERS.join(', ')}` }),
		/** A new ticket has its own subject; an update is added to an existing ticket, named by a reference field. */
		kind: z.enum(['new', 'update'], { error: 'kind must be new (a ticket of its own) or update (added to an existing ticket)' }),
		/** The subject line of a new ticket, with {{placeholders}}. */
		subject: z.string().trim().min(1, 'leave subject out rather than empty').optional(),
		/** The ticket field that names the ticket an update belongs to. */
		reference: identifier('reference').optional(),
		/** What the plan says must hold before this ticket may go: when every condition holds, there is no ticket, only the reason. */
		blocks: z.array(blockSchema).default([]),
		fields: z.array(fieldSchema),
	})
	.strict()
	.superRefine((ticket, ctx) => {
		if (ticket.kind === 'new') {
			if (ticket.subject === undefined) ctx.addIssue({ code: 'custom', path: ['subject'], message: 'a new ticket needs a subject line' });
			if (ticket.reference !== undefined) ctx.addIssue({ code: 'custom', path: ['reference'], message: 'a new ticket has no reference; only an update names the ticket it belongs to' });
		} else {
			if (ticket.subject !== undefined) ctx.addIssue({ code: 'custom', path: ['subject'], message: 'an update has no subject of its own; it is added to the ticket named by reference' });
			if (ticket.reference === undefined) {
				ctx.addIssue({ code: 'custom', path: ['reference'], message: 'an update names the ticket it belongs to: give the name of a required ticket field' });
			} else {
				const target = ticket.fields.find((field) => field.name === ticket.reference);
				if (target === undefined || target.kind !== 'ticket' || !target.required) {
					ctx.addIssue({ code: 'custom', path: ['reference'], message: `"${ticket.reference}" must name a required ticket field of this template` });
				}
			}
		}
		ticket.blocks.forEach((block, index) => {
			block.when.forEach((condition, at) => {
				const problem = conditionProblem(condition, undefined, ticket.fields);
				if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['blocks', index, 'when', at], message: problem });
			});
		});
		const stepsSeen = new Set<number>();
		ticket.steps.forEach((step, index) => {
			if (stepsSeen.has(step)) ctx.addIssue({ code: 'custom', path: ['steps', index], message: `step ${step} is listed twice` });
			stepsSeen.add(step);
		});
		const byName = new Map<string, number>();
		ticket.fields.forEach((field, index) => {
			const first = byName.get(field.name);
			if (first !== undefined) {
				ctx.addIssue({ code: 'custom', path: ['fields', index, 'name'], message: `"${field.name}" is already the name of fields[${first}]` });
			} else {
				byName.set(field.name, index);
			}
		});
		ticket.fields.forEach((field, index) => {
			if (field.required_when === undefined) return;
			const problem = conditionProblem(field.required_when, field.name, ticket.fields);
			if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['fields', index, 'required_when'], message: problem });
		});
	});

/**
 * Why a condition cannot be used, or undefined when it is sound. A condition is
 * `<yes/no field>` (answered yes), `<yes/no field>.no` (answered no) or
 * `<choice field>.<option>`, each optionally negated with a leading `!`.
 */
export function conditionProblem(condition: string, self: string | undefined, fields: readonly { name: string; kind: string; options?: { value: string }[] | undefined }[]): string | undefined {
	const [name = '', option, ...rest] = condition.replace(/^!/, '').split('.');
	const target = fields.find((field) => field.name === name);
	const shape = 'write "<yes/no field>", "<yes/no field>.no" or "<choice field>.<option>", with a leading "!" for "not"';
	if (rest.length > 0 || target === undefined) return `"${condition}" names no field of this template; ${shape}`;
	if (target.name === self) return 'a field cannot depend on itself';
	if (target.kind === 'yesno') return option === undefined || option === 'no' ? undefined : `"${name}" is a yes/no field: write "${name}" for yes or "${name}.no" for no`;
	if (target.kind === 'choice') {
		const values = (target.options ?? []).map((o) => o.value);
		if (option === undefined) return `name one of the options of "${name}": ${values.map((v) => `${name}.${v}`).join(', ')}`;
		return values.includes(option) ? undefined : `"${name}" has no option "${option}" (it has: ${values.join(', ')})`;
	}
	return `"${name}" is a ${target.kind} field; a condition needs a yes/no or a choice field`;
}

/** Writes zod's problems as `fields[3].options: message` lines, the way a writer finds them in the file. */
export function describeIssues(error: z.ZodError): string[] {
	return error.issues.map((issue) => {
		const where = issue.path
			.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
			.join('');
		return where === '' ? issue.message : `${where}: ${issue.message}`;
	});
}

/** A parsed template frontmatter. */
export type TicketFrontmatter = z.infer<typeof ticketSchema>;
/** One parsed field declaration. */
export type TicketField = TicketFrontmatter['fields'][number];
/** One precondition of a template. */
export type TicketBlock = TicketFrontmatter['blocks'][number];
/** One option of a choice field. */
export type FieldOption = z.infer<typeof optionSchema>;
