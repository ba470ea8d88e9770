import { z } from 'astro/zod';

/** Ids are lower-case words joined by hyphens, so they work in URLs and storage keys. */
const slug = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters and digits joined by hyphens');

/** One stage of the upgrade (an item of `content/process/stages.yaml`). */
export const stageSchema = z
	.object({
		id: slug,
		title: z.string().min(1),
		order: z.number().int().positive(),
		duration: z.string().min(1),
		summary: z.string().min(1),
	})
	.strict();

/** One party that takes part (an item of `content/process/roles.yaml`). */
export const roleSchema = z
	.object({
		id: slug,
		name: z.string().min(1),
		side: z.enum(['customer', 'iqvia']),
		description: z.string().min(1),
	})
	.strict();

/** One glossary term (an item of `content/process/glossary.yaml`). */
export const termSchema = z
	.object({
		id: slug,
		term: z.string().min(1),
		definition: z.string().min(1),
	})
	.strict();

/**
 * A tool shown at a step. Ticket templates are not named here: a template's `steps:` is the one
 * place that links it to its steps, and the step's ticket links are derived from it.
 */
const toolRef = z.enum(['release-picker', 'qc'], {
	error: 'a step names only "release-picker" or "qc" as its tools; a ticket is linked from its template\'s `steps:` in content/tickets/',
});

/** The frontmatter of one step file in `content/process/steps/`; its Markdown body holds the notes. */
export const stepSchema = z
	.object({
		/** Never changes once published: sign-offs are stored under it. */
		id: slug,
		number: z.number().int().positive(),
		stage: slug,
		roles: z.array(slug).min(1, 'name at least one responsible role'),
		title: z.string().min(1),
		activity: z.string().min(1),
		/** The step of the step plan this step is (usually its own number). */
		plan_step: z.number({ error: 'plan_step must be the number of the step plan\'s step this step follows' }).int().positive(),
		/** Words and short names as the step plan writes them, so a reader who knows the plan finds the step. */
		plan_terms: z.array(z.string().trim().min(1, 'a plan term cannot be empty')).min(1, 'give at least one term as the step plan writes it'),
		terms: z.array(slug).default([]),
		tools: z.array(toolRef).default([]),
		/** Roles, not responsible here, whose own work waits for this step; their sign-off sheets show it as "waits for". */
		waits: z.array(slug).default([]),
		/** True where the source lost this text and it was compiled from the rest of the guidance. */
		compiled: z.boolean().default(false),
	})
	.strict();

/** The frontmatter the process reads from a stage page in `content/docs/stages/` (the rest is Starlight's). */
export const stagePageSchema = z.object({ title: z.string().min(1), stage: slug });

/** The part of a ticket template's frontmatter that links it to steps (the whole is checked by the tickets schema). */
export const ticketLinkSchema = z.object({ order: z.number(), steps: z.array(z.number().int().positive()) });

export type Stage = z.infer<typeof stageSchema>;
export type Role = z.infer<typeof roleSchema>;
export type Term = z.infer<typeof termSchema>;
export type StepData = z.infer<typeof stepSchema>;
export type Side = Role['side'];
export type StagePage = z.infer<typeof stagePageSchema>;
export type TicketLink = z.infer<typeof ticketLinkSchema> & { id: string };
