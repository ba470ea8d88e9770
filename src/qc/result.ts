/**
 * A comparison as it is kept: who and what was compared, when, in which mode, and every
 * component's outcome. The pasted listings themselves are not kept. Stored compactly, since a
 * listing can hold thousands of components: the checksums are kept for the differences only (a
 * checksum is its hex, prefixed "b:" when the listing wrote it in Base64); a component equal on
 * both sides keeps its name, its parts and their outcome.
 */
import { isRecord } from '../state/codec';
import { componentKey } from './key';
import type { Comparison, ItemResult, PartResult, QcMode, Sum } from './compare';
import { countOutcomes, isDifference, OUTCOME_ORDER, type Counts, type Outcome } from './outcome';

/** One side of a comparison: the instance and version it came from, and what was read. */
export interface QcSide {
	instance: string;
	version: string;
	components: number;
	/** Lines that could not be read; they are not part of the comparison. */
	unreadable: number;
}

/** A kept comparison: its id, when it was made (ISO 8601), the sides, the mode and the outcome of every component. */
export interface QcResult extends Comparison {
	id: string;
	comparedAt: string;
	before: QcSide;
	after: QcSide;
}

type StoredPart = { p: string; o: Outcome; b?: string; a?: string; same?: true };
type StoredItem = { n: string; o: Outcome; p: StoredPart[]; bl: number[]; al: number[] };

const MODES: readonly unknown[] = ['same-version', 'across-23.3'];
const OUTCOMES: readonly unknown[] = OUTCOME_ORDER;
const HEX = /^[0-9a-f]{32}$/;

const sumText = (sum: Sum) => (sum.encoding === 'base64' ? `b:${sum.hex}` : sum.hex);
function sumOf(text: unknown): Sum | undefined {
	if (typeof text !== 'string') return undefined;
	const base64 = text.startsWith('b:');
	const hex = base64 ? text.slice(2) : text;
	return HEX.test(hex) ? { hex, encoding: base64 ? 'base64' : 'hex' } : undefined;
}

/** The result in its stored shape. */
export function packResult(result: QcResult): Record<string, unknown> {
	const items: StoredItem[] = result.items.map((item) => ({
		n: item.name,
		o: item.outcome,
		bl: item.beforeLines,
		al: item.afterLines,
		p: item.parts.map((part) => {
			if (!isDifference(item.outcome)) return { p: part.part, o: part.outcome };
			const b = part.before && sumText(part.before);
			const a = part.after && sumText(part.after);
			return { p: part.part, o: part.outcome, ...(b !== undefined && { b }), ...(a !== undefined && (a === b ? { same: true as const } : { a })) };
		}),
	}));
	return { id: result.id, comparedAt: result.comparedAt, mode: result.mode, before: result.before, after: result.after, items };
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isLines = (value: unknown): value is number[] => Array.isArray(value) && value.every((n) => Number.isInteger(n));

function side(value: unknown): QcSide | undefined {
	if (!isRecord(value)) return undefined;
	const { instance, version, components, unreadable } = value;
	if (!isText(instance) || !isText(version) || !Number.isInteger(components) || !Number.isInteger(unreadable)) return undefined;
	return { instance, version, components: components as number, unreadable: unreadable as number };
}

function part(value: unknown): PartResult | undefined {
	if (!isRecord(value) || !isText(value.p) || !OUTCOMES.includes(value.o)) return undefined;
	const before = value.b === undefined ? undefined : sumOf(value.b);
	const after = value.same === true ? before : value.a === undefined ? undefined : sumOf(value.a);
	if ((value.b !== undefined && !before) || (value.a !== undefined && !after)) return undefined;
	// Only parts found equal are kept without their checksums.
	if (!before && !after && isDifference(value.o as Outcome)) return undefined;
	return { part: value.p, outcome: value.o as Outcome, ...(before && { before }), ...(after && { after }) };
}

function item(value: unknown): ItemResult | undefined {
	if (!isRecord(value) || !isText(value.n) || !OUTCOMES.includes(value.o) || !Array.isArray(value.p) || !isLines(value.bl) || !isLines(value.al)) return undefined;
	const parts = value.p.map(part);
	if (parts.some((p) => p === undefined)) return undefined;
	return { key: componentKey(value.n), name: value.n, outcome: value.o as Outcome, parts: parts as PartResult[], beforeLines: value.bl, afterLines: value.al };
}

/** Reads a stored result back, or undefined when any part of it is not what this page writes. */
export function unpackResult(data: Record<string, unknown>): QcResult | undefined {
	const { id, comparedAt, mode, items } = data;
	const before = side(data.before);
	const after = side(data.after);
	if (!isText(id) || !isText(comparedAt) || !MODES.includes(mode) || !before || !after || !Array.isArray(items)) return undefined;
	const read = items.map(item);
	if (read.some((i) => i === undefined)) return undefined;
	const list = read as ItemResult[];
	const counts: Counts = countOutcomes(list);
	return { id, comparedAt, mode: mode as QcMode, before, after, items: list, counts };
}

/** Components as they are kept: the equal ones without their checksums, exactly as they read back after a reload. */
export function keptItems(items: readonly ItemResult[]): ItemResult[] {
	return items.map((item) =>
		isDifference(item.outcome) ? item : { ...item, parts: item.parts.map((part) => ({ part: part.part, outcome: part.outcome })) },
	);
}

/** The result as it is kept, exactly as it reads back after a reload. */
export function keptForm(result: QcResult): QcResult {
	return { ...result, items: keptItems(result.items) };
}
