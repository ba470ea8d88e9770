import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../../src/checklist/word-diff';

describe('item 11: the re-check word diff of a huge text', () => {
	it('300,000 words changed at both ends degrade to "text changed" instead of crashing', () => {
		const words = Array.from({ length: 300_000 }, (_, i) => `w${i % 977}`);
		const before = words.join(' ');
		const after = ['start', ...words.slice(1, -1), 'end'].join(' ');
		const parts = wordDiff(before, after);
		expect(parts.filter((part) => part.kind === 'removed').map((part) => part.text).join(' ')).toContain('w0');
		expect(parts.some((part) => part.kind === 'added' && part.text.includes('start'))).toBe(true);
		expect(parts.length).toBeLessThanOrEqual(3);
	});

	it('300,000 words with a changed middle do not crash either', () => {
		const a = Array.from({ length: 300_000 }, (_, i) => `a${i}`).join(' ');
		const b = Array.from({ length: 300_000 }, (_, i) => `b${i}`).join(' ');
		expect(() => wordDiff(a, b)).not.toThrow();
	});
});
