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
 * A tool shown at a step: the release picker, or a ticket template as `ticket/<template id>`.
 * Whether the template exists is checked against the tickets collection.
 */
const toolRef = z
	.string()
	.regex(/^(release-picker|qc|ticket\/[a-z0-9]+(?:-[a-z0-9]+)*)$/, 'use "release-picker", "qc" or "ticket/<template id>"');

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
		terms: z.array(slug).default([]),
		tools: z.array(toolRef).default([]),
		/** True where the source lost this text and it was compiled from the rest of the guidance. */
		compiled: z.boolean().default(false),
	})
	.strict();

export type Stage = z.infer<typeof stageSchema>;
export type Role = z.infer<typeof roleSchema>;
export type Term = z.infer<typeof termSchema>;
export type StepData = z.infer<typeof stepSchema>;
export type Side = Role['side'];
