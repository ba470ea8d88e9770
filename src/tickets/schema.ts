import { z } from 'astro/zod';
import { valueError } from './fields';

/** The kinds of value a ticket field can hold; each kind has its own input, check and printed form. */
export const FIELD_KINDS = ['text', 'longtext', 'date', 'daterange', 'choice', 'yesno', 'version', 'ticket', 'list'] as const;

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

/** The frontmatter of one ticket template in `content/tickets/`; its body is the ticket text. */
export const ticketSchema = z
	.object({
		title: z.string().trim().min(1, 'a template needs a title'),
		/** One sentence, shown on the list of tickets. */
		summary: z.string().trim().min(1, 'a template needs a one-sentence summary'),
		// Which numbers exist is the process's to say: the process loader checks each against the steps.
		steps: z.array(z.number().int().min(1, 'a step number is a whole number from 1 up')).min(1, 'name at least one step the ticket serves'),
		order: z.number().int().positive('order is a whole number from 1 up'),
		fields: z.array(fieldSchema),
	})
	.strict()
	.superRefine((ticket, ctx) => {
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

/** Why a `required_when` condition cannot be used, or undefined when it names a yes/no field or an option of a choice field. */
function conditionProblem(condition: string, self: string, fields: readonly { name: string; kind: string; options?: { value: string }[] | undefined }[]): string | undefined {
	const [name = '', option, ...rest] = condition.split('.');
	const target = fields.find((field) => field.name === name);
	const shape = 'write "<yes/no field>" or "<choice field>.<option>"';
	if (rest.length > 0 || target === undefined) return `"${condition}" names no field of this template; ${shape}`;
	if (target.name === self) return 'a field cannot depend on itself';
	if (target.kind === 'yesno') return option === undefined ? undefined : `"${name}" is a yes/no field, so write just "${name}"`;
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
/** One option of a choice field. */
export type FieldOption = z.infer<typeof optionSchema>;
