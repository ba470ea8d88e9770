import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblems } from '../../../src/process/check';
import { validateProcessDir } from '../../../src/process/read-files';
import { knownTools, root, scratchCopy } from './helpers';

/** Validates a scratch copy and returns its problems as the build would print them. */
function problemsOf(dir: string): string {
	return formatProblems(validateProcessDir(dir, knownTools()).problems);
}

describe('the real content', () => {
	test('has no problems', () => {
		expect(validateProcessDir(root, knownTools()).problems).toEqual([]);
	});
});

describe('a broken content file is named with its field', () => {
	test('a misspelt field name', () => {
		const s = scratchCopy();
		s.edit('steps/07-confirm-val-access.md', (t) => t.replace('roles: [iqvia-pm]', 'role: [iqvia-pm]'));
		const out = problemsOf(s.dir);
		expect(out).toContain('content/process/steps/07-confirm-val-access.md: field "roles"');
		expect(out).toMatch(/07-confirm-val-access\.md: field "\(file\)\.role": Unrecognized key/);
	});

	test('a field of the wrong type', () => {
		const s = scratchCopy();
		s.edit('steps/09-test-upgraded-environment.md', (t) => t.replace('number: 9', 'number: nine'));
		expect(problemsOf(s.dir)).toMatch(/09-test-upgraded-environment\.md: field "number": .*number/i);
	});

	test('an unknown stage', () => {
		const s = scratchCopy();
		s.edit('steps/12-confirm-validation-complete.md', (t) => t.replace('stage: validation', 'stage: validaton'));
		expect(problemsOf(s.dir)).toContain('12-confirm-validation-complete.md: field "stage": unknown stage "validaton"');
	});

	test('an unknown role', () => {
		const s = scratchCopy();
		s.edit('steps/14-agree-upgrade-slot.md', (t) => t.replace('iqvia-solution-specialist]', 'iqvia-architect]'));
		expect(problemsOf(s.dir)).toContain('14-agree-upgrade-slot.md: field "roles": unknown role "iqvia-architect"');
	});

	test('an unknown glossary term and an unknown tool', () => {
		const s = scratchCopy();
		s.edit('steps/05-raise-val-request.md', (t) => t.replace('terms: [val-instance,', 'terms: [val-instanse,').replace('tools: [ticket/val-request]', 'tools: [ticket/val-requets]'));
		const out = problemsOf(s.dir);
		expect(out).toContain('05-raise-val-request.md: field "terms": unknown glossary term "val-instanse"');
		expect(out).toContain('05-raise-val-request.md: field "tools": unknown tool "ticket/val-requets"');
	});

	test('two steps with one number', () => {
		const s = scratchCopy();
		s.edit('steps/11-resolve-configuration-issues.md', (t) => t.replace('number: 11', 'number: 10'));
		const out = problemsOf(s.dir);
		expect(out).toMatch(/11-resolve-configuration-issues\.md: field "number": step 10 is also defined in .*10-raise-validation-tickets\.md/);
		expect(out).toContain('step 11 is missing');
	});

	test('a missing step', () => {
		const s = scratchCopy();
		renameSync(join(s.dir, 'content/process/steps/20-back-up-prod.md'), join(s.dir, 'content/process/steps/_20-back-up-prod.md'));
		const out = problemsOf(s.dir);
		expect(out).toContain('step 20 is missing');
		expect(out).toContain('content/process/steps/28-confirm-closure.md: field "number": step 28 is beyond 27');
	});

	test("a stage's steps out of one run", () => {
		const s = scratchCopy();
		s.edit('steps/10-raise-validation-tickets.md', (t) => t.replace('stage: validation', 'stage: preparation'));
		expect(problemsOf(s.dir)).toMatch(/10-raise-validation-tickets\.md: field "stage": "preparation" steps must be consecutive/);
	});

	test('two steps with one stable id', () => {
		const s = scratchCopy();
		s.edit('steps/27-test-prod-test.md', (t) => t.replace('id: test-prod-test', 'id: test-prod-main'));
		expect(problemsOf(s.dir)).toMatch(/27-test-prod-test\.md: field "id": "test-prod-main" is already used by .*23-test-prod-main\.md/);
	});

	test('a role with a side that is neither customer nor iqvia', () => {
		const s = scratchCopy();
		s.edit('roles.yaml', (t) => t.replace('side: customer', 'side: client'));
		expect(problemsOf(s.dir)).toMatch(/content\/process\/roles\.yaml \[customer\]: field "side"/);
	});

	test('a stage without steps', () => {
		const s = scratchCopy();
		s.edit('stages.yaml', (t) => `${t}\n- id: aftercare\n  title: Aftercare\n  order: 5\n  duration: Days\n  summary: After the upgrade.\n`);
		expect(problemsOf(s.dir)).toContain('stages.yaml [aftercare]: field "id": stage "aftercare" has no steps');
	});
});
