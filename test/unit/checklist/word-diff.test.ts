import { describe, expect, it } from 'vitest';
import { wordDiff, type DiffPart } from '../../../src/checklist/word-diff';

const rebuild = (parts: DiffPart[], keep: DiffPart['kind']) =>
	parts
		.filter((p) => p.kind === 'same' || p.kind === keep)
		.map((p) => p.text)
		.join('')
		.replace(/ +/g, ' ')
		.replace(/ ?\n ?/g, '\n')
		.trim();

describe('wordDiff', () => {
	it('marks a replaced word as removed then added', () => {
		expect(wordDiff('Back up the database.', 'Back up the databases.')).toEqual([
			{ kind: 'same', text: 'Back up the ' },
			{ kind: 'removed', text: 'database.' },
			{ kind: 'same', text: ' ' },
			{ kind: 'added', text: 'databases.' },
		]);
	});

	it('finds words added and removed in the middle, marking words and never spaces', () => {
		const parts = wordDiff('Stop all activity now', 'Stop all lab activity');
		expect(parts.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['lab']);
		expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual(['now']);
	});

	it('is all the same for equal texts, whatever the spacing', () => {
		expect(wordDiff('a  b\tc', 'a b c')).toEqual([{ kind: 'same', text: 'a b c' }]);
		expect(wordDiff('', '')).toEqual([]);
	});

	it('keeps line breaks, so each side can be read back', () => {
		const before = 'Title\nDo this first.\n- one\n- two';
		const after = 'Title\nDo this now.\n- one\n- three\n- four';
		const parts = wordDiff(before, after);
		expect(rebuild(parts, 'removed')).toBe(before);
		expect(rebuild(parts, 'added')).toBe(after);
	});

	it('handles one side empty', () => {
		expect(wordDiff('', 'new words')).toEqual([{ kind: 'added', text: 'new words' }]);
		expect(wordDiff('old words', '')).toEqual([{ kind: 'removed', text: 'old words' }]);
	});

	it('still shows both texts when they are too long to compare word by word', () => {
		const before = Array.from({ length: 700 }, (_, i) => `a${i}`).join(' ');
		const after = Array.from({ length: 700 }, (_, i) => `b${i}`).join(' ');
		const parts = wordDiff(before, after);
		expect(rebuild(parts, 'removed')).toBe(before);
		expect(rebuild(parts, 'added')).toBe(after);
	});
});
