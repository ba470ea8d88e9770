import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsSchema } from '@astrojs/starlight/schema';
import { roleSchema, stageSchema, stepSchema, termSchema } from './process/schema';
import { releaseSchema } from './releases/schema';
import { ticketSchema } from './tickets/schema';
import { sourceSchema } from './sources/schema';

export const collections = {
	docs: defineCollection({
		loader: glob({ base: './content/docs', pattern: '**/[^_]*.{md,mdx}' }),
		schema: docsSchema({
			extend: z.object({
				/** Set on a stage page: its steps are added to the page's table of contents. */
				stage: z.string().optional(),
			}),
		}),
	}),
	stages: defineCollection({ loader: file('content/process/stages.yaml'), schema: stageSchema }),
	roles: defineCollection({ loader: file('content/process/roles.yaml'), schema: roleSchema }),
	/** Where statements come from: the step plan and the public pages it and the playbook draw on. */
	sources: defineCollection({ loader: file('content/sources.yaml'), schema: sourceSchema }),
	glossary: defineCollection({ loader: file('content/process/glossary.yaml'), schema: termSchema }),
	steps: defineCollection({
		// The stable id in the frontmatter, not the file name, identifies a step.
		loader: glob({
			base: './content/process/steps',
			pattern: '**/[^_]*.md',
			generateId: ({ entry, data }) => (typeof data.id === 'string' ? data.id : entry),
		}),
		schema: stepSchema,
	}),
	releases: defineCollection({
		// The file name is the version; the default id would drop its dots (23.3 → 233).
		loader: glob({ base: './content/releases', pattern: '*.yaml', generateId: ({ entry }) => entry.replace(/\.ya?ml$/, '') }),
		schema: releaseSchema,
	}),
	tickets: defineCollection({
		// README.md in that folder is the writers' guide, not a template.
		loader: glob({ base: './content/tickets', pattern: ['*.md', '!README.md'] }),
		schema: ticketSchema,
	}),
};
