import { versionError } from '../releases/version';
import type { FieldKind, PlanSource } from './schema';

/** The two ends of a date range, each `YYYY-MM-DD` or empty while not yet given. */
export interface DateRange {
	start: string;
	end: string;
}

/** What a form holds for each kind of field. A yes/no field is null until it is answered. */
export interface FieldValueByKind {
	text: string;
	longtext: string;
	date: string;
	/** `YYYY-MM-DDTHH:MM`, the browser's local wall-clock time, as a datetime-local input holds it. */
	datetime: string;
	daterange: DateRange;
	choice: string;
	yesno: boolean | null;
	version: string;
	ticket: string;
	list: string[];
}

/** The value of any one field. */
export type FieldValue = FieldValueByKind[FieldKind];

/** A filled-in form: field name to value. Values may come from storage, so each is checked, never trusted. */
export type FormValues = Record<string, unknown>;

/** What a template's fields may be pre-filled from: the upgrade plan the site keeps for the reader. */
export type PlanSnapshot = Partial<Record<PlanSource, string | readonly string[] | undefined>>;

/** What the form logic reads of a declared field; a parsed frontmatter field fits it. */
export interface FieldSpec {
	name: string;
	kind: FieldKind;
	required?: boolean;
	required_when?: string | undefined;
	options?: readonly { value: string; label: string }[] | undefined;
	default?: unknown;
	from_plan?: PlanSource | undefined;
}

const TICKET_NUMBER = /^(?:[A-Za-z]+-)?\d+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d$/;

/** The value a field holds before anyone fills it in. */
export function emptyValue(kind: FieldKind): FieldValue {
	switch (kind) {
		case 'daterange':
			return { start: '', end: '' };
		case 'yesno':
			return null;
		case 'list':
			return [];
		default:
			return '';
	}
}

/** Reads a key the form really holds, so a field named like an Object method never finds the method. */
export function ownValue(values: FormValues, name: string): unknown {
	return Object.hasOwn(values, name) ? values[name] : undefined;
}

/** The non-blank lines of a list value, trimmed; a string is read as one item per line. */
export function listItems(value: unknown): string[] {
	const items = typeof value === 'string' ? value.split(/\r\n?|\n/) : Array.isArray(value) ? value : [];
	return items.filter((item): item is string => typeof item === 'string').map((item) => item.trim()).filter((item) => item !== '');
}

/** True when nothing has been given for the field yet (blank text, no list item, unanswered yes/no, no date of a range). */
export function isEmptyValue(kind: FieldKind, value: unknown): boolean {
	if (value === undefined || value === null) return true;
	switch (kind) {
		case 'yesno':
			return typeof value !== 'boolean';
		case 'list':
			return listItems(value).length === 0;
		case 'daterange': {
			const range = asRange(value);
			return range === undefined || (range.start.trim() === '' && range.end.trim() === '');
		}
		default:
			return typeof value === 'string' && value.trim() === '';
	}
}

/** Says what is wrong with a value that has been given, or undefined when it is well-formed; emptiness is not checked here. */
export function valueError(field: FieldSpec, value: unknown): string | undefined {
	if (isEmptyValue(field.kind, value)) return undefined;
	switch (field.kind) {
		case 'yesno':
			return undefined;
		case 'list':
			return Array.isArray(value) && value.some((item) => typeof item !== 'string') ? 'Every item of the list must be text.' : undefined;
		case 'daterange':
			return rangeError(value);
	}
	if (typeof value !== 'string') return 'Enter this as text.';
	const text = value.trim();
	switch (field.kind) {
		case 'date':
			return dateError(text);
		case 'datetime': {
			const match = LOCAL_TIME.exec(text);
			return match ? dateError(match[1]!) : `"${text}" is not a date and time (YYYY-MM-DDTHH:MM).`;
		}
		case 'version':
			return versionError(text);
		case 'ticket':
			return TICKET_NUMBER.test(text) ? undefined : `"${text}" is not a ticket number. Write it like FHSD-1234, or just the digits, 1234.`;
		case 'choice': {
			const options = field.options ?? [];
			return options.some((option) => option.value === text)
				? undefined
				: `"${text}" is not one of the options (${options.map((option) => option.value).join(', ')}).`;
		}
		default:
			return undefined;
	}
}

/** Checks a filled-in form: field name to message, for each required field left empty and each malformed value. Empty when all is well. */
export function validateValues(fields: readonly FieldSpec[], values: FormValues): Record<string, string> {
	const messages: Record<string, string> = {};
	for (const field of fields) {
		const value = ownValue(values, field.name);
		const message = isEmptyValue(field.kind, value) ? (isRequired(field, values) ? requiredMessage(field.kind) : undefined) : valueError(field, value);
		if (message !== undefined) messages[field.name] = message;
	}
	return messages;
}

/** True when the field must be filled in, always or because its `required_when` condition holds for these values. */
export function isRequired(field: FieldSpec, values: FormValues): boolean {
	if (field.required) return true;
	return field.required_when !== undefined && conditionHolds(field.required_when, values);
}

/**
 * Whether a condition holds for these values (the syntax is checked by the schema):
 * `f` yes/no answered yes, `f.no` answered no, `c.option` that option chosen; a
 * leading `!` negates, so an unanswered question satisfies `!f` and `!c.option`.
 */
export function conditionHolds(condition: string, values: FormValues): boolean {
	const negated = condition.startsWith('!');
	const [name = '', option] = condition.slice(negated ? 1 : 0).split('.');
	const value = ownValue(values, name);
	const holds = option === undefined ? value === true : option === 'no' && typeof value === 'boolean' ? value === false : value === option;
	return holds !== negated;
}

/** The first precondition that stops the ticket for these values, or undefined when the ticket may be written. */
export function activeBlock<B extends { when: readonly string[] }>(blocks: readonly B[], values: FormValues): B | undefined {
	return blocks.find((block) => block.when.every((condition) => conditionHolds(condition, values)));
}

/** The starting values of a form: each field empty, then its default, then the plan's value where the plan has one. */
export function initialValues(fields: readonly FieldSpec[], plan: PlanSnapshot): Record<string, FieldValue> {
	const values: Record<string, FieldValue> = {};
	for (const field of fields) {
		let value = field.default !== undefined && valueError(field, field.default) === undefined ? copyValue(field.kind, field.default) : emptyValue(field.kind);
		const fromPlan = field.from_plan === undefined ? undefined : planValue(field.kind, plan[field.from_plan]);
		if (fromPlan !== undefined) value = fromPlan;
		values[field.name] = value;
	}
	return values;
}

/** Converts what the plan holds to the field's kind: a list joins into text, text splits into list items. */
function planValue(kind: FieldKind, raw: string | readonly string[] | undefined): FieldValue | undefined {
	if (raw === undefined) return undefined;
	if (kind === 'list') {
		const items = listItems(raw);
		return items.length > 0 ? items : undefined;
	}
	const text = (typeof raw === 'string' ? raw : listItems(raw).join(', ')).trim();
	return text === '' ? undefined : text;
}

/** A fresh copy of a default, so editing a form never changes the parsed template. */
function copyValue(kind: FieldKind, value: unknown): FieldValue {
	if (kind === 'list') return listItems(value);
	if (kind === 'daterange') {
		const range = asRange(value);
		return range === undefined ? emptyValue(kind) : { ...range };
	}
	return value as FieldValue;
}

function asRange(value: unknown): DateRange | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const { start, end } = value as Record<string, unknown>;
	return { start: typeof start === 'string' ? start : '', end: typeof end === 'string' ? end : '' };
}

function requiredMessage(kind: FieldKind): string {
	switch (kind) {
		case 'choice':
			return 'Choose one of the options.';
		case 'yesno':
			return 'Answer yes or no.';
		case 'list':
			return 'Add at least one item.';
		case 'daterange':
			return 'Enter both the start and the end date.';
		default:
			return 'Fill in this field.';
	}
}

/** Why text is not a real calendar date in `YYYY-MM-DD` form, or undefined when it is one. */
export function dateError(text: string): string | undefined {
	const match = ISO_DATE.exec(text);
	if (!match) return `"${text}" is not a date. Write it as YYYY-MM-DD, for example 2025-03-31.`;
	const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
	const date = new Date(Date.UTC(year, month - 1, day));
	const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
	return real ? undefined : `${text} is not a day in the calendar.`;
}

function rangeError(value: unknown): string | undefined {
	const range = asRange(value);
	if (range === undefined) return 'Enter a start and an end date.';
	const start = range.start.trim();
	const end = range.end.trim();
	if (start === '') return 'Enter the start date as well.';
	if (end === '') return 'Enter the end date as well.';
	const problem = dateError(start) ?? dateError(end);
	if (problem !== undefined) return problem;
	// ISO dates of equal length sort as text in calendar order.
	return start <= end ? undefined : `The end date (${end}) comes before the start date (${start}).`;
}
