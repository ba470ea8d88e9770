import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { countReport, summarize } from '../../../scripts/count-tests.mjs';

type Counts = { passed: number; failed: number; skipped: number; problems: string[] };
const count = countReport as (report: unknown) => Counts;

/** A Vitest JSON report with one file per entry: its status and the statuses of its tests. */
function vitest(files: { status: string; tests: string[]; message?: string }[], extra: Record<string, unknown> = {}) {
	const all = files.flatMap((f) => f.tests);
	const n = (status: string) => all.filter((s) => s === status).length;
	return {
		numPassedTests: n('passed'),
		numFailedTests: n('failed'),
		numPendingTests: n('skipped'),
		numTodoTests: n('todo'),
		numTotalTests: all.length,
		success: !files.some((f) => f.status === 'failed'),
		testResults: files.map((f, i) => ({ name: `/p/test/unit/${i}.test.ts`, status: f.status, message: f.message ?? '', assertionResults: f.tests.map((status) => ({ status })) })),
		...extra,
	};
}

/** Writes reports into a scratch folder and returns their paths. */
function files(...reports: unknown[]): string[] {
	const dir = mkdtempSync(join(tmpdir(), 'count-tests-'));
	return reports.map((report, i) => {
		const path = join(dir, `r${i}.json`);
		writeFileSync(path, typeof report === 'string' ? report : JSON.stringify(report));
		return path;
	});
}

describe('a Vitest report', () => {
	test('counts passed, failed, and skipped and todo tests as skipped', () => {
		expect(count(vitest([{ status: 'failed', tests: ['passed', 'failed', 'skipped', 'todo'] }]))).toEqual({ passed: 1, failed: 1, skipped: 2, problems: [] });
	});

	test('counts a test file that failed to load as a failure, naming it', () => {
		const c = count(vitest([{ status: 'failed', tests: [], message: "Cannot find module '../nope'\nmore" }, { status: 'passed', tests: ['passed', 'passed'] }]));
		expect(c).toMatchObject({ passed: 2, failed: 1, skipped: 0 });
		expect(c.problems).toEqual(["/p/test/unit/0.test.ts failed to load: Cannot find module '../nope'"]);
	});

	test('counts a run that executed nothing as a failure', () => {
		expect(count(vitest([]))).toMatchObject({ passed: 0, failed: 1, problems: ['the runner executed no test'] });
		expect(count(vitest([{ status: 'passed', tests: ['skipped'] }]))).toMatchObject({ passed: 0, failed: 0, skipped: 1 });
	});

	test('counts a failure the runner reports outside any test', () => {
		expect(count(vitest([{ status: 'passed', tests: ['passed'] }], { success: false }))).toMatchObject({ passed: 1, failed: 1 });
	});

	test("reads the budgets check's report, which has Vitest's two counts only", () => {
		expect(count({ numPassedTests: 6, numFailedTests: 1, results: [] })).toEqual({ passed: 6, failed: 1, skipped: 0, problems: [] });
	});
});

describe('a Playwright report', () => {
	test('counts flaky as passed, and skipped and fixme as skipped', () => {
		expect(count({ stats: { expected: 5, unexpected: 2, flaky: 1, skipped: 3 }, errors: [] })).toEqual({ passed: 6, failed: 2, skipped: 3, problems: [] });
	});

	test('counts an error outside any test, such as a spec that fails to import, as a failure', () => {
		const c = count({ stats: { expected: 40, unexpected: 0, flaky: 0, skipped: 0 }, errors: [{ message: "Error: Cannot find module './nope'\n  at x" }] });
		expect(c).toMatchObject({ passed: 40, failed: 1 });
		expect(c.problems).toEqual(["runner error: Error: Cannot find module './nope'"]);
	});

	test('counts a run that executed nothing as a failure', () => {
		expect(count({ stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 4 }, errors: [] })).toMatchObject({ failed: 1, skipped: 4 });
	});
});

describe('the closing line', () => {
	test('adds the reports up', () => {
		const out = summarize(files(vitest([{ status: 'passed', tests: ['passed', 'skipped'] }]), { stats: { expected: 3, unexpected: 1, flaky: 0, skipped: 2 }, errors: [] }));
		expect(out.lines.at(-1)).toBe('tests: 4 passed, 1 failed, 3 skipped');
		expect(out.failed).toBe(1);
	});

	test('counts a missing, an unreadable and an unknown report each as a failure', () => {
		const [unreadable, unknown] = files('{not json', { hello: 1 });
		const out = summarize([join(tmpdir(), 'no-such-report.json'), unreadable!, unknown!]);
		expect(out.lines.at(-1)).toBe('tests: 0 passed, 3 failed, 0 skipped');
		expect(out.lines.join('\n')).toMatch(/no report \(the runner did not finish\)[\s\S]*unreadable report[\s\S]*unknown report format/);
	});

	test('fails when no report is named', () => {
		expect(summarize([]).lines.at(-1)).toBe('tests: 0 passed, 1 failed, 0 skipped');
	});
});
