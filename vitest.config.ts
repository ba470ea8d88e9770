import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/unit/**/*.test.ts'],
		environment: 'node',
		// The JSON report is what CI counts passed and failed tests from.
		reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
	},
});
