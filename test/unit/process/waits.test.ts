import { describe, expect, test } from 'vitest';
import { formatProblems } from '../../../src/process/check';
import { validateProcessDir } from '../../../src/process/read-files';
import { knownTools, root, scratchCopy } from './helpers';

// "waits": the roles whose own work waits for a step, shown on their sign-off sheets as "waits for".

const problemsOf = (dir: string) => formatProblems(validateProcessDir(dir, knownTools()).problems);

describe('a step that another role waits for', () => {
	test('the IQVIA Engineer waits for the customer at steps 19 and 24', () => {
		const { steps } = validateProcessDir(root, knownTools());
		const waited = steps.filter((step) => step.data.waits.includes('iqvia-engineer')).map((step) => step.data.number);
		expect(waited).toEqual([19, 24]);
	});

	test('an unknown role is named with its file and field', () => {
		const s = scratchCopy();
		s.edit('steps/19-give-go-ahead.md', (t) => t.replace('waits: [iqvia-engineer]', 'waits: [iqvia-enginer]'));
		expect(problemsOf(s.dir)).toContain('19-give-go-ahead.md: field "waits": unknown role "iqvia-enginer"');
	});

	test('a role cannot wait for its own step', () => {
		const s = scratchCopy();
		s.edit('steps/24-decide-go-no-go.md', (t) => t.replace('waits: [iqvia-engineer]', 'waits: [customer]'));
		expect(problemsOf(s.dir)).toContain('24-decide-go-no-go.md: field "waits": "customer" is responsible for this step');
	});

	test('a malformed value is refused by the schema', () => {
		const s = scratchCopy();
		s.edit('steps/19-give-go-ahead.md', (t) => t.replace('waits: [iqvia-engineer]', 'waits: IQVIA Engineer'));
		expect(problemsOf(s.dir)).toContain('19-give-go-ahead.md: field "waits"');
	});
});
