import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstAnswer, readSet, score, stepAddresses, type QueryOutcome } from '../../../bench/relevance';
import { readProcess } from '../../../src/process/loader';

const outcome = (rank: number | undefined): QueryOutcome => ({ query: { q: 'x', answers: ['step 1'], why: 'test' }, firstAnswerRank: rank, top: [] });

describe('the relevance set', () => {
	it('is well formed, with at least forty queries each naming an answer', () => {
		const set = readSet();
		expect(set.length).toBeGreaterThanOrEqual(40);
		for (const entry of set) expect(entry.answers.length).toBeGreaterThan(0);
	});

	it('names only steps the content has', () => {
		const steps = new Set(readProcess().steps.map((step) => step.number));
		for (const entry of readSet())
			for (const answer of entry.answers.filter((a) => a.startsWith('step '))) expect(steps.has(Number(answer.slice(5))), `${entry.q}: ${answer}`).toBe(true);
	});

	it('refuses an answer that is neither a step nor a page path, naming the entry', () => {
		const dir = mkdtempSync(join(tmpdir(), 'relevance-'));
		const file = join(dir, 'set.yaml');
		writeFileSync(file, '- { q: backup, answers: [stepp 20], why: typo }\n');
		expect(() => readSet(file)).toThrow(/entry 1 \("backup"\): "stepp 20"/);
	});
});

describe('scoring', () => {
	it('finds each step’s address from the anchors of the built stage pages', () => {
		const dist = mkdtempSync(join(tmpdir(), 'dist-'));
		mkdirSync(join(dist, 'stages', 'day-of-upgrade'), { recursive: true });
		writeFileSync(join(dist, 'stages', 'day-of-upgrade', 'index.html'), '<section id="step-20"></section><section id="step-21"></section>');
		expect([...stepAddresses(dist)]).toEqual([
			[20, '/stages/day-of-upgrade/#step-20'],
			[21, '/stages/day-of-upgrade/#step-21'],
		]);
	});

	it('counts a step answer only at its own anchor, and a page answer anywhere on the page', () => {
		const top = ['/background/#x', '/stages/day-of-upgrade/#step-24', '/releases/22.2/#notes'];
		expect(firstAnswer(top, ['/stages/day-of-upgrade/#step-20'])).toBe(-1);
		expect(firstAnswer(top, ['/stages/day-of-upgrade/#step-24'])).toBe(1);
		expect(firstAnswer(top, ['/releases/22.2/'])).toBe(2);
	});

	it('gives recall at 3 and the mean reciprocal rank, a miss counting zero', () => {
		const result = score([outcome(1), outcome(2), outcome(4), outcome(undefined)]);
		expect(result.recallAt3).toBe(0.5);
		expect(result.mrr).toBeCloseTo((1 + 0.5 + 0.25 + 0) / 4);
	});
});

describe('first search files', () => {
	it('sorts a first search’s files into Pagefind’s runtime, the index and our code', async () => {
		const { searchFileKind } = await import('../../../bench/first-search');
		expect(searchFileKind('/pagefind/pagefind.js')).toBe('pagefind');
		expect(searchFileKind('/pagefind/wasm.en.pagefind')).toBe('pagefind');
		expect(searchFileKind('/pagefind/index/en_1234.pf_index')).toBe('index');
		expect(searchFileKind('/pagefind/fragment/en_99.pf_fragment')).toBe('index');
		expect(searchFileKind('/pagefind/words.json')).toBe('index');
		expect(searchFileKind('/_astro/quick.abc123.js')).toBe('code');
	});
});
