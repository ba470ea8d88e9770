// Reads the test runners' JSON reports and prints one closing line:
// "tests: N passed, M failed, K skipped". Skipped and fixme tests are counted as skipped, never
// as passed. A missing or unreadable report, a test file that failed to load, a runner error
// outside any test, and a runner that executed nothing each count as a failure, so a suite that
// never ran cannot pass unseen.
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The counts of one report and the reasons for failures that are not failed tests. */
function counts(passed, failed, skipped, problems = []) {
	return { passed, failed: failed + problems.length, skipped, problems };
}

/** Counts one parsed report: Vitest's JSON reporter, Playwright's, or the budgets check (Vitest's shape). */
export function countReport(report) {
	if (report === null || typeof report !== 'object') return counts(0, 0, 0, ['not a test report']);
	if ('numPassedTests' in report) {
		const problems = [];
		// A file that fails to load has no tests: Vitest marks the file failed and counts no failed test.
		for (const file of report.testResults ?? []) {
			const failedTests = (file.assertionResults ?? []).filter((test) => test.status === 'failed').length;
			if (file.status === 'failed' && failedTests === 0) problems.push(`${file.name} failed to load: ${(file.message ?? '').split('\n')[0]}`);
		}
		const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
		const failed = report.numFailedTests ?? 0;
		if (report.numPassedTests + failed + skipped === 0 && problems.length === 0) problems.push('the runner executed no test');
		if (report.success === false && failed === 0 && problems.length === 0) problems.push('the runner reported a failure outside any test');
		return counts(report.numPassedTests, failed, skipped, problems);
	}
	if (report.stats) {
		// Playwright: "expected" are passes, "unexpected" failures, "flaky" passed on retry, "skipped" includes fixme.
		const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
		// Errors outside any test: a spec that fails to import, a broken config or web server.
		const problems = (report.errors ?? []).map((error) => `runner error: ${(error.message ?? String(error)).split('\n')[0]}`);
		if (expected + unexpected + flaky === 0 && problems.length === 0) problems.push('the runner executed no test');
		return counts(expected + flaky, unexpected, skipped, problems);
	}
	return counts(0, 0, 0, ['unknown report format']);
}

/** Reads and counts one report file; a missing or unreadable file is one failure. */
export function countFile(file) {
	if (!existsSync(file)) return counts(0, 0, 0, ['no report (the runner did not finish)']);
	try {
		return countReport(JSON.parse(readFileSync(file, 'utf8')));
	} catch (error) {
		return counts(0, 0, 0, [`unreadable report: ${error instanceof Error ? error.message : String(error)}`]);
	}
}

/** The lines to print for some report files: one per file, its problems, then the closing line. */
export function summarize(files) {
	const total = counts(0, 0, 0);
	const lines = [];
	for (const file of files) {
		const c = countFile(file);
		total.passed += c.passed;
		total.failed += c.failed;
		total.skipped += c.skipped;
		lines.push(`${file}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`, ...c.problems.map((p) => `  ${p}`));
	}
	if (files.length === 0) {
		total.failed += 1;
		lines.push('no report named');
	}
	lines.push(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
	return { lines, ...total };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const { lines, failed } = summarize(process.argv.slice(2));
	for (const line of lines) console.log(line);
	process.exit(failed > 0 ? 1 : 0);
}
