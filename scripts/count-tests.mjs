// Reads the test runners' JSON reports and prints one closing line: "tests: N passed, M failed".
// A report that is missing counts as a failure, so a runner that never ran cannot pass unseen.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
	if (!existsSync(file)) {
		console.log(`${file}: no report (the runner did not finish)`);
		failed += 1;
		continue;
	}
	const report = JSON.parse(readFileSync(file, 'utf8'));
	if ('numPassedTests' in report) {
		// Vitest
		passed += report.numPassedTests;
		failed += report.numFailedTests;
		console.log(`${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
	} else if (report.stats) {
		// Playwright: "expected" are passes, "unexpected" failures, "flaky" passed on retry
		const { expected = 0, unexpected = 0, flaky = 0 } = report.stats;
		passed += expected + flaky;
		failed += unexpected;
		console.log(`${file}: ${expected + flaky} passed, ${unexpected} failed`);
	} else {
		console.log(`${file}: unknown report format`);
		failed += 1;
	}
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
