import { persistentAtom } from '@nanostores/persistent';
import type { ReadableAtom } from 'nanostores';
import { decode, encode, valueOr, type Format } from './codec';
import { registerState } from './registry';

/** Whose steps a page shows. */
export type ViewSide = 'all' | 'customer' | 'iqvia';

const SIDE = 'cup:view:side';
const COLLAPSE = 'cup:view:collapse';
const SIDES: readonly unknown[] = ['all', 'customer', 'iqvia'];

const sideFormat: Format<ViewSide> = {
	version: 1,
	validate: ({ value }) => (SIDES.includes(value) ? (value as ViewSide) : undefined),
};
const collapseFormat: Format<boolean> = {
	version: 1,
	validate: ({ value }) => (typeof value === 'boolean' ? value : undefined),
};
const readSide = (raw: string) => decode(raw, sideFormat);
const readCollapse = (raw: string) => decode(raw, collapseFormat);
const write = (value: ViewSide | boolean) => encode(1, { value });

registerState<ViewSide | boolean>({
	name: 'view',
	label: 'View preferences',
	keys: [SIDE, COLLAPSE],
	decode: (raw, key) => (key === SIDE ? readSide(raw) : readCollapse(raw)),
	encode: write,
});

const $side = persistentAtom<ViewSide>(SIDE, 'all', { encode: write, decode: (raw) => valueOr(readSide(raw), 'all') });
const $collapse = persistentAtom<boolean>(COLLAPSE, false, {
	encode: write,
	decode: (raw) => valueOr(readCollapse(raw), false),
});

/** Whose steps are shown: everyone's, the customer's or IQVIA's. */
export const $viewSide: ReadableAtom<ViewSide> = $side;
/** Whether steps already done are collapsed. */
export const $collapseDone: ReadableAtom<boolean> = $collapse;

/** Remembers whose steps to show. */
export function setViewSide(side: ViewSide): void {
	$side.set(side);
}

/** Remembers whether done steps are collapsed. */
export function setCollapseDone(collapse: boolean): void {
	$collapse.set(collapse);
}
