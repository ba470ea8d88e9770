import { dateError, listItems, valueError, type FieldSpec } from './fields';

/** How days and moments print: src/text/time.ts's formatDay and formatTime, the one way the site shows a time. */
export interface TimeFormats {
	day(isoDate: string): string;
	moment(moment: Date): string;
}

// Handed over once loaded: the browser loads the formatters only for a form with a date in it.
let formats: TimeFormats | undefined;

/** Sets how date answers print; until then a date prints as typed. */
export function useTimeFormats(given: TimeFormats): void {
	formats = given;
}

/** What an unanswered yes/no or choice prints: the ticket shows that nothing was answered, never a guess. */
export const NOT_ANSWERED = '[not answered]';

/** What a name in a template body stands for when rendered: printed text, a condition, a count or the items of a list. */
export type NameValue = string | boolean | number | string[];

/**
 * One name a field offers to the template body, with its value for the current form.
 * Every name works as a section (`{{#name}}…{{/name}}` when it is non-empty or true,
 * `{{^name}}…{{/name}}` when not); `printable` names also work as `{{name}}`; a section
 * on a `repeats` name is written once per item.
 */
export interface BodyName {
	name: string;
	field: FieldSpec;
	printable: boolean;
	repeats: boolean;
	value: NameValue;
	/** What `{{name}}` prints while the value is empty: `[not answered]` for a question, else the name in brackets, such as `[target version]`. */
	placeholder: string;
}

/** The names one field offers to a template body (the syntax is described at the top of template.ts), each with its value for this form. */
export function bodyNames(field: FieldSpec, value: unknown): BodyName[] {
	const name = field.name;
	const entry = (suffix: string, printable: boolean, item: NameValue, repeats = false): BodyName => ({
		name: suffix === '' ? name : `${name}.${suffix}`,
		field,
		printable,
		repeats,
		value: item,
		placeholder: field.kind === 'yesno' || field.kind === 'choice' ? NOT_ANSWERED : `[${`${name} ${suffix}`.trim().replaceAll('_', ' ')}]`,
	});
	switch (field.kind) {
		case 'yesno':
			// `.no` is true only for an answered no, so an unanswered question is never read as no.
			return [entry('', true, typeof value === 'boolean' ? value : ''), entry('no', false, value === false)];
		case 'choice': {
			const chosen = typeof value === 'string' ? value.trim() : '';
			const options = field.options ?? [];
			const label = options.find((option) => option.value === chosen)?.label ?? chosen;
			return [entry('', true, label), ...options.map((option) => entry(option.value, false, option.value === chosen))];
		}
		case 'daterange': {
			const { start, end } = rangeParts(value);
			return [entry('', true, rangeText(dayText(start), dayText(end))), entry('start', true, dayText(start)), entry('end', true, dayText(end))];
		}
		case 'date':
			return [entry('', true, dayText(typeof value === 'string' ? value.trim() : ''))];
		case 'datetime': {
			const text = typeof value === 'string' ? value.trim() : '';
			// A well-formed local time has no offset, so Date reads it in the browser's own zone.
			return [entry('', true, text !== '' && formats && valueError(field, text) === undefined ? formats.moment(new Date(text)) : text)];
		}
		case 'list': {
			const items = listItems(value);
			return [entry('', false, items, true), entry('length', false, items.length)];
		}
		default:
			return [entry('', true, typeof value === 'string' ? value.trim() : '')];
	}
}

/** How a value prints in the ticket: a yes/no answer as Yes or No, a count as digits, list items one per line. */
export function printedText(value: NameValue): string {
	if (typeof value === 'boolean') return value ? 'Yes' : 'No';
	if (Array.isArray(value)) return value.join('\n');
	return String(value);
}

/** A day as the site writes it for a reader; text that is not a date stays as typed, for the form's check to name. */
function dayText(text: string): string {
	return text !== '' && formats && dateError(text) === undefined ? formats.day(text) : text;
}

function rangeParts(value: unknown): { start: string; end: string } {
	const range = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
	const part = (key: string) => (typeof range[key] === 'string' ? range[key].trim() : '');
	return { start: part('start'), end: part('end') };
}

function rangeText(start: string, end: string): string {
	if (start !== '' && end !== '') return `${start} to ${end}`;
	if (start !== '') return `from ${start}`;
	return end === '' ? '' : `until ${end}`;
}
