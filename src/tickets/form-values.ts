/**
 * DOM-free pieces of the ticket generator: turning what the form's controls hold
 * into field values and back, choosing the values a form starts with (plan, draft,
 * defaults) and the plan's reading list. The custom element only moves these values
 * between controls and stores.
 */
import { compareVersions, parseVersion } from '../releases/version';
import { initialValues, listItems, ownValue, type FieldSpec, type FieldValue, type FormValues, type PlanSnapshot } from './fields';
import type { DraftValue } from '../state/drafts';
import type { PlanField } from '../state/plan';

/** Plan sources made from the versions, never typed into the plan: the reading list and the versions the catalogue lacks. */
const DERIVED = ['readingList', 'catalogueGaps'] as const;

/** A plan field a form may write back to: every plan source except those derived from the versions. */
export type WritablePlanSource = Exclude<NonNullable<FieldSpec['from_plan']>, (typeof DERIVED)[number]>;

/** True for a plan source made from the versions (the reading list and its gaps). */
export function isDerived(source: FieldSpec['from_plan']): boolean {
	return (DERIVED as readonly unknown[]).includes(source);
}

/** The plan field behind a form field, when the form edits the plan through it. */
export function planFieldOf(field: FieldSpec): PlanField | undefined {
	return field.from_plan === undefined || isDerived(field.from_plan) ? undefined : (field.from_plan as PlanField);
}

/**
 * Reads list text one item per line. A line indented deeper than the item it
 * follows continues that item, so an item can span lines; blank lines separate nothing.
 */
export function parseListText(text: string): string[] {
	const items: { indent: number; lines: string[] }[] = [];
	for (const line of text.split(/\r\n?|\n/)) {
		const content = line.trim();
		if (content === '') continue;
		const indent = line.length - line.trimStart().length;
		const last = items.at(-1);
		if (last !== undefined && indent > last.indent) last.lines.push(content);
		else items.push({ indent, lines: [content] });
	}
	return items.map((item) => item.lines.join('\n'));
}

/** Writes list items as the text parseListText reads back: one per line, an item's later lines indented by two spaces. */
export function listText(items: readonly string[]): string {
	return listItems(items)
		.map((item) => listItems(item).join('\n  '))
		.join('\n');
}

/**
 * The value of a field from what its controls hold. `read` gives a control's text
 * by name ('' when nothing is chosen); a date range has `<name>.start` and `<name>.end`,
 * a yes/no field holds 'yes', 'no' or ''.
 */
export function valueFromControls(field: FieldSpec, read: (name: string) => string): FieldValue {
	const raw = read(field.name);
	switch (field.kind) {
		case 'daterange':
			return { start: read(`${field.name}.start`), end: read(`${field.name}.end`) };
		case 'yesno':
			return raw === 'yes' ? true : raw === 'no' ? false : null;
		case 'list':
			return parseListText(raw);
		default:
			return raw;
	}
}

/** What each control of a field should hold for a value, by control name; the inverse of valueFromControls. */
export function controlsFromValue(field: FieldSpec, value: unknown): Record<string, string> {
	const name = field.name;
	switch (field.kind) {
		case 'daterange': {
			const range = isRange(value) ? value : { start: '', end: '' };
			return { [`${name}.start`]: range.start, [`${name}.end`]: range.end };
		}
		case 'yesno':
			return { [name]: value === true ? 'yes' : value === false ? 'no' : '' };
		case 'list':
			return { [name]: listText(listItems(value)) };
		default:
			return { [name]: typeof value === 'string' ? value : '' };
	}
}

/** A form's values, as read from its controls, the way a draft stores them: unanswered yes/no fields are left out, since a draft holds no nulls. */
export function toDraft(fields: readonly FieldSpec[], values: FormValues): Record<string, DraftValue> {
	const draft: Record<string, DraftValue> = {};
	for (const field of fields) {
		const value = ownValue(values, field.name);
		if (value !== undefined && value !== null) draft[field.name] = value as DraftValue;
	}
	return draft;
}

/**
 * The values a form starts with: defaults, then the saved draft, then the plan.
 * A plan value wins over the draft because the plan is shared with every tool; an
 * empty plan field leaves the draft's value. A reading list edited in the draft is
 * kept while the draft's versions still match the plan's, and made afresh when the
 * range has changed since. Draft values are passed on as stored: controlsFromValue
 * writes a value of the wrong shape as an empty control, so it never shows.
 */
export function startValues(fields: readonly FieldSpec[], plan: PlanSnapshot, draft: Record<string, unknown> = {}): FormValues {
	const planned = initialValues(fields, plan);
	const versionMoved = (field: FieldSpec) =>
		(field.from_plan === 'currentVersion' || field.from_plan === 'targetVersion') &&
		typeof ownValue(draft, field.name) === 'string' &&
		String(ownValue(draft, field.name)).trim() !== String(plan[field.from_plan] ?? '').trim();
	const rangeMoved = fields.some(versionMoved);
	const values: FormValues = {};
	for (const field of fields) {
		const saved = ownValue(draft, field.name);
		const planHolds = field.from_plan !== undefined && listItems(plan[field.from_plan] ?? []).length > 0;
		const planWins = planHolds && (!isDerived(field.from_plan) || rangeMoved || saved === undefined);
		values[field.name] = planWins || saved === undefined ? planned[field.name] : saved;
	}
	return values;
}

/**
 * The reading list for the plan's range: one line per catalogue release after the
 * current version up to and including the target (the releases selectRange picks).
 * The catalogue's versions come oldest first, as the page sorts them at build time.
 * Empty while either version is missing or invalid, or the range runs backwards.
 */
export function readingListItems(catalogueVersions: readonly string[], from: string, to: string): string[] {
	return (rangeVersions(catalogueVersions, from, to) ?? []).map((text) => `${text} – release notes and technical file`);
}

/** The catalogue versions after `from` up to and including `to`, oldest first; undefined while the range is not valid. */
function rangeVersions(catalogueVersions: readonly string[], from: string, to: string): string[] | undefined {
	const first = parseVersion(from);
	const last = parseVersion(to);
	if (!first || !last || compareVersions(first, last) >= 0) return undefined;
	return catalogueVersions.filter((text) => {
		const version = parseVersion(text);
		return version !== undefined && compareVersions(version, first) > 0 && compareVersions(version, last) <= 0;
	});
}

function isRange(value: unknown): value is { start: string; end: string } {
	if (typeof value !== 'object' || value === null) return false;
	const { start, end } = value as Record<string, unknown>;
	return typeof start === 'string' && typeof end === 'string';
}

/** A gap the catalogue may have between two neighbouring catalogue versions, worked out at build time (src/releases/range.ts). */
export interface CatalogueGap {
	/** The catalogue versions the gap lies between. */
	after: string;
	before: string;
	/** What may be missing, such as "23.2". */
	label: string;
}

/**
 * The versions the catalogue may lack inside the plan's range, one line each: every
 * gap just before a release of the range (so the range crosses it), and the target
 * itself when the catalogue has no entry for it. Empty while the range is not valid.
 */
export function catalogueGapItems(catalogueVersions: readonly string[], gaps: readonly CatalogueGap[], from: string, to: string): string[] {
	const inRange = rangeVersions(catalogueVersions, from, to);
	if (inRange === undefined) return [];
	const items = gaps.filter((gap) => inRange.includes(gap.before)).map((gap) => `${gap.label} (between ${gap.after} and ${gap.before})`);
	const last = parseVersion(inRange.at(-1) ?? '');
	return last && compareVersions(last, parseVersion(to)!) === 0 ? items : [...items, `${to.trim()} (the target version itself)`];
}
