import { computed, type ReadableAtom } from 'nanostores';
import { persistentMap } from '@nanostores/persistent';
import { decode, encode, valueOr, type Format } from './codec';
import { registerState } from './registry';

/** The fields of the upgrade plan, in the order forms show them. */
export const PLAN_FIELDS = [
	'site',
	'instances',
	'currentVersion',
	'targetVersion',
	'valTicket',
	'prodTicket',
	'upgradeDate',
] as const;

/** One field of the upgrade plan. */
export type PlanField = (typeof PLAN_FIELDS)[number];
/** The upgrade plan: every field a string, '' until entered; `upgradeDate` is YYYY-MM-DD. */
export type Plan = Record<PlanField, string>;

const PREFIX = 'cup:plan:';

// Format 0 stored each field as a bare JSON string ("Acme"); format 1 wraps it so it carries its version.
const format: Format<string> = {
	version: 1,
	validate: (data) => (typeof data.value === 'string' ? data.value : undefined),
	migrate: (data, from) => (from === 0 && typeof data === 'string' ? data : undefined),
};
const read = (raw: string) => decode(raw, format);
const write = (value: string) => encode(1, { value });

registerState({ name: 'plan', label: 'Upgrade plan', keys: [PREFIX], decode: read, encode: write });

// Holds every field found in storage, known or not, so fields of other versions are kept rather than deleted.
const $fields = persistentMap<Record<string, string>>(
	PREFIX,
	{},
	{ encode: write, decode: (raw) => valueOr(read(raw), '') },
);

/** The upgrade plan every tool reads. */
export const $plan: ReadableAtom<Plan> = computed($fields, (fields) => {
	const plan = {} as Plan;
	for (const field of PLAN_FIELDS) plan[field] = fields[field] ?? '';
	return plan;
});

/** Saves one field of the plan; an empty value removes it. */
export function setPlanField(field: PlanField, value: string): void {
	$fields.setKey(field, value === '' ? undefined : value);
}
