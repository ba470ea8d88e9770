import { describe, expect, test } from 'vitest';
import { formatProblems } from '../../../src/process/check';
import { loadProcessFiles } from '../../../src/process/loader';
import { root, scratchCopy } from './helpers';

// "waits": the roles whose own work waits for a step, shown on their sign-off sheets as "waits for".

const problemsOf = (dir: string) => formatProblems(loadProcessFiles(dir).problems);

describe('a step that another role waits for', () => {
	test('the content marks the steps the IQVIA Engineer waits for: 19 and 24, where the customer acts', () => {
		const { process } = loadProcessFiles(root);
		const waited = process!.steps.filter((step) => step.waits.includes('iqvia-engineer'));
		expect(waited.map((step) => step.number)).toEqual([19, 24]);
		for (const step of waited) expect(step.roles).toEqual(['customer']);
	});

	test('an unknown role is named with its file and field', () => {
		const s = scratchCopy();
		s.edit('process/steps/19-give-go-ahead.md', (t) => t.replace('waits: [iqvia-engineer]', 'waits: [iqvia-enginer]'));
		expect(problemsOf(s.dir)).toContain('19-give-go-ahead.md: field "waits": unknown role "iqvia-enginer"');
	});

	test('a role cannot wait for its own step', () => {
		const s = scratchCopy();
		s.edit('process/steps/24-decide-go-no-go.md', (t) => t.replace('waits: [iqvia-engineer]', 'waits: [customer]'));
		expect(problemsOf(s.dir)).toContain('24-decide-go-no-go.md: field "waits": "customer" is responsible for this step');
	});

	test('a malformed value is refused by the schema', () => {
		const s = scratchCopy();
		s.edit('process/steps/19-give-go-ahead.md', (t) => t.replace('waits: [iqvia-engineer]', 'waits: IQVIA Engineer'));
		expect(problemsOf(s.dir)).toContain('19-give-go-ahead.md: field "waits"');
	});
});
