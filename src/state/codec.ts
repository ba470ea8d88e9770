/** Why a stored value cannot be used: unreadable text, an unexpected shape, or a format newer than this page. */
export interface Rejection {
	ok: false;
	reason: 'corrupt' | 'foreign' | 'future';
	message: string;
}

/** The outcome of reading a stored value: the value in the current format, or why it was refused. */
export type DecodeResult<T> = { ok: true; value: T } | Rejection;

/** How one kind of value is stored: the format it writes and how it reads older ones. */
export interface Format<T> {
	version: number;
	/** The value, if `data` (the parsed object, `v` included) has the current shape. */
	validate: (data: Record<string, unknown>) => T | undefined;
	/** The value, if `data` of an older format can be carried over; format 0 means saved without a version. */
	migrate?: (data: unknown, from: number) => T | undefined;
}

/** Tells a plain object from arrays, null and other JSON values. */
export function isRecord(data: unknown): data is Record<string, unknown> {
	return typeof data === 'object' && data !== null && !Array.isArray(data);
}

/** A refusal with its reason and a sentence for people. */
export function reject(reason: Rejection['reason'], message: string): Rejection {
	return { ok: false, reason, message };
}

/** Serialises data with its format version first, as every stored value is written. */
export function encode(v: number, data: object): string {
	return JSON.stringify({ v, ...data });
}

/** Reads a stored value without ever throwing: current format is checked, older ones migrated, the rest refused. */
export function decode<T>(raw: string, format: Format<T>): DecodeResult<T> {
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch {
		return reject('corrupt', 'The saved text is not valid JSON.');
	}
	const v = isRecord(data) ? data.v : undefined;
	let value: T | undefined;
	if (v === format.version) value = format.validate(data as Record<string, unknown>);
	else if (Number.isInteger(v) && (v as number) > format.version) {
		return reject(
			'future',
			`It was saved by a newer version of the playbook (format ${v}; this page reads format ${format.version}).`,
		);
	} else if (v === undefined || (Number.isInteger(v) && (v as number) >= 0)) {
		value = format.migrate?.(data, (v as number | undefined) ?? 0);
	}
	return value === undefined
		? reject('foreign', 'The saved value does not have the shape this page expects.')
		: { ok: true, value };
}

/** The decoded value, or the fallback when it was refused (stores only see values already vetted by key). */
export function valueOr<T, F>(result: DecodeResult<T>, fallback: F): T | F {
	return result.ok ? result.value : fallback;
}
