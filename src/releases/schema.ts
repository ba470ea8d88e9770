import { z } from 'astro/zod';
import { FLAG_KEYS } from './flags';
import { formatVersion, parseVersion, versionError, VERSION_FORMS } from './version';

// The flag kinds live in flags.ts so browser code can use them without zod; they are re-exported for existing imports.
export { FLAG_KEYS, FLAG_LABELS, type FlagKey, type FlagSteps } from './flags';

const FLAG_RULE = 'give the justification note as a string (the flag is then true) or null (not stated publicly)';

/** True when text is a real calendar date written YYYY-MM-DD (2023-02-30 is not). */
export function isCalendarDate(text: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!match) return false;
	const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
	// Date.UTC rolls 30 February over into March, so a changed month or day gives it away.
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// YAML reads an unquoted 23.3 as a number (and 22.10 as 22.1), so a non-string gets its own hint.
const versionField = z
	.string({ error: (issue) => (issue.input === undefined ? 'version is missing.' : `version must be a quoted string, such as version: "23.3". Expected ${VERSION_FORMS}.`) })
	.superRefine((text, ctx) => {
		const problem = versionError(text);
		if (problem !== undefined) {
			ctx.addIssue({ code: 'custom', message: `version is not valid: ${problem}` });
			return;
		}
		const version = parseVersion(text);
		if (version !== undefined && formatVersion(version) !== text) {
			ctx.addIssue({ code: 'custom', message: `version must be written without surrounding spaces: "${formatVersion(version)}".` });
		}
	});

// Unquoted YAML dates may arrive as Date objects, already rolled over, so only quoted text is trusted.
const dateField = z
	.string({ error: 'date must be quoted text in the form YYYY-MM-DD, such as date: "2024-05-01"; leave date out when it is not known.' })
	.refine(isCalendarDate, { error: (issue) => `date "${String(issue.input)}" is not a real calendar date in the form YYYY-MM-DD.` });

const flagValue = z
	.string({ error: (issue) => (issue.input === undefined ? `This flag is missing: ${FLAG_RULE}.` : `A flag cannot be ${JSON.stringify(issue.input)}: ${FLAG_RULE}.`) })
	.trim()
	.min(1, { error: `A flag note cannot be empty: ${FLAG_RULE}.` })
	.nullable();

const flagsField = z.strictObject(
	{
		data_handling: flagValue,
		reports_dashboards_exports: flagValue,
		integrations_api: flagValue,
		security_infrastructure: flagValue,
	},
	{
		error: (issue) =>
			issue.code === 'unrecognized_keys' ? `Unknown flag key(s) ${issue.keys.join(', ')}; flags has exactly these keys: ${FLAG_KEYS.join(', ')}.` : undefined,
	},
);

const stepList = (key: string) =>
	z.array(z.number({ error: `${key} lists step numbers, such as [3, 5]` }).int().positive(), {
		error: (issue) => (issue.input === undefined ? `${key} is missing: list its step numbers, or [] when no step covers it` : `${key} must be a list of step numbers, such as [3, 5], or []`),
	});

/** `content/process/release-flags.yaml`: the playbook steps each kind of flagged change points to. */
export const flagStepsSchema = z.strictObject(
	{
		data_handling: stepList('data_handling'),
		reports_dashboards_exports: stepList('reports_dashboards_exports'),
		integrations_api: stepList('integrations_api'),
		security_infrastructure: stepList('security_infrastructure'),
	},
	{
		error: (issue) =>
			issue.code === 'unrecognized_keys' ? `Unknown flag key(s) ${issue.keys.join(', ')}; the file has exactly these keys: ${FLAG_KEYS.join(', ')}.` : undefined,
	},
);

const text = (field: string) => z.string({ error: `${field} must be text.` }).trim().min(1, { error: `${field} cannot be empty.` });

/** The shape of one file in content/releases/, also used as the content collection schema. */
export const releaseSchema = z.strictObject(
	{
		version: versionField,
		date: dateField.optional(),
		date_note: text('date_note').optional(),
		last_in_year: z.boolean({ error: 'last_in_year must be true or false (or left out).' }).optional(),
		title: text('title'),
		summary: text('summary'),
		topics: z.array(text('Each topic'), { error: 'topics must be a list of short texts (it may be empty: topics: []).' }),
		source_url: z.url({ protocol: /^https?$/, error: 'source_url must be a full http(s) address.' }),
		flags: flagsField,
		notes: text('notes'),
	},
	{
		error: (issue) =>
			issue.code === 'unrecognized_keys' ? `Unknown field(s) ${issue.keys.join(', ')} in a release file.` : undefined,
	},
);

/** One release of the catalogue, as validated by releaseSchema. */
export type Release = z.infer<typeof releaseSchema>;
