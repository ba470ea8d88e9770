import { z } from 'astro/zod';

/** Source ids are lower-case words joined by hyphens, as citations write them: [^src=<id>]. */
const slug = z
	.string({ error: 'id must be text' })
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id: use lower-case letters and digits joined by hyphens');

const text = (field: string) => z.string({ error: `${field} must be text` }).trim().min(1, { error: `${field} cannot be empty` });

/** What the playbook's copy of a source is, measured against the page as it is published. */
export const WORDINGS = {
	current: 'current page',
	earlier: 'earlier wording, since changed',
	revision: 'a revision from the page history',
} as const;

/** One source the playbook draws on (an item of `content/sources.yaml`). */
export const sourceSchema = z.strictObject(
	{
		id: slug,
		title: text('title'),
		publisher: text('publisher'),
		/** Where the source can be read; left out when it is not public. */
		address: z.url({ protocol: /^https?$/, error: 'address must be a full http(s) address (leave it out when the source is not public)' }).optional(),
		/** The day the playbook's copy was taken, or the page last read. */
		seen: z
			.string({ error: 'seen must be quoted text in the form YYYY-MM-DD' })
			.regex(/^\d{4}-\d{2}-\d{2}$/, 'seen must be a date in the form YYYY-MM-DD'),
		wording: z.enum(Object.keys(WORDINGS) as [keyof typeof WORDINGS, ...(keyof typeof WORDINGS)[]], {
			error: `wording must be one of: ${Object.keys(WORDINGS).join(', ')}`,
		}),
		/** What the playbook takes from it, or what to know about the copy. */
		note: text('note').optional(),
	},
	{ error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown field(s) ${issue.keys.join(', ')} in a source` : undefined) },
);

/** One source, as validated by sourceSchema. */
export type Source = z.infer<typeof sourceSchema>;
