import { describe, expect, it } from 'vitest';
import { decode, encode, isRecord, type Format } from '../../../src/state/codec';

interface Note {
	text: string;
}

const note: Format<Note> = {
	version: 2,
	validate: ({ text }) => (typeof text === 'string' ? { text } : undefined),
	migrate: (data, from) => {
		if (from === 0 && typeof data === 'string') return { text: data };
		if (from === 1 && isRecord(data) && typeof data.body === 'string') return { text: data.body };
		return undefined;
	},
};
const strict: Format<Note> = { version: 1, validate: note.validate };

describe('encode', () => {
	it('writes the format version first, then the data', () => {
		expect(encode(1, { text: 'a' })).toBe('{"v":1,"text":"a"}');
	});

	it('writes values that decode back to themselves', () => {
		expect(decode(encode(2, { text: 'Acme' }), note)).toEqual({ ok: true, value: { text: 'Acme' } });
	});
});

describe('decode', () => {
	it('refuses text that is not JSON as corrupt', () => {
		expect(decode('{"v":2,"text":', note)).toMatchObject({ ok: false, reason: 'corrupt' });
		expect(decode('', note)).toMatchObject({ ok: false, reason: 'corrupt' });
	});

	it('refuses a number where an object is expected as foreign', () => {
		expect(decode('42', strict)).toMatchObject({ ok: false, reason: 'foreign' });
	});

	it('refuses an object of the wrong shape as foreign', () => {
		expect(decode('{"v":2,"text":7}', note)).toMatchObject({ ok: false, reason: 'foreign' });
		expect(decode('{"v":2}', note)).toMatchObject({ ok: false, reason: 'foreign' });
		expect(decode('[1,2]', note)).toMatchObject({ ok: false, reason: 'foreign' });
		expect(decode('null', note)).toMatchObject({ ok: false, reason: 'foreign' });
	});

	it('refuses a newer format as future and names both versions', () => {
		const result = decode('{"v":99,"text":"a"}', note);
		expect(result).toMatchObject({ ok: false, reason: 'future' });
		expect(!result.ok && result.message).toContain('format 99');
		expect(!result.ok && result.message).toContain('format 2');
	});

	it('refuses versions that are not whole, non-negative numbers as foreign', () => {
		for (const v of ['"2"', '-1', '1.5', 'true', 'null']) {
			expect(decode(`{"v":${v},"text":"a"}`, note)).toMatchObject({ ok: false, reason: 'foreign' });
		}
	});

	it('migrates a value saved without a version as format 0', () => {
		expect(decode('"Acme"', note)).toEqual({ ok: true, value: { text: 'Acme' } });
	});

	it('migrates an older versioned format', () => {
		expect(decode('{"v":1,"body":"Acme"}', note)).toEqual({ ok: true, value: { text: 'Acme' } });
	});

	it('refuses an older format it cannot migrate as foreign', () => {
		expect(decode('{"v":1,"other":true}', note)).toMatchObject({ ok: false, reason: 'foreign' });
		expect(decode('{"text":"a"}', strict)).toMatchObject({ ok: false, reason: 'foreign' });
	});

	it('never throws, whatever it is given', () => {
		for (const raw of ['', ' ', 'undefined', '{', '"', '[]', '{}', '0', 'true', '{"v":{}}', undefined, null]) {
			expect(() => decode(raw as string, note)).not.toThrow();
			expect(decode(raw as string, note).ok).toBe(false);
		}
	});

	it('gives every refusal a sentence for people', () => {
		for (const raw of ['{', '42', '{"v":9}']) {
			const result = decode(raw, note);
			expect(!result.ok && result.message).toMatch(/^[A-Z].+\.$/);
		}
	});
});
