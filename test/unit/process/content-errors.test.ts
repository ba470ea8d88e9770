import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblems } from '../../../src/process/check';
import { loadProcessFiles, readProcess } from '../../../src/process/loader';
import { root, scratchCopy } from './helpers';

/** Loads a scratch copy through the build's loader and returns its problems as the build prints them. */
function problemsOf(dir: string): string {
	const { problems, process } = loadProcessFiles(dir);
	expect(process).toBeUndefined();
	return formatProblems(problems);
}

describe('the real content', () => {
	test('has no problems', () => {
		expect(loadProcessFiles(root).problems).toEqual([]);
	});
});

describe('two step files for one step fail with both files named', () => {
	test('an identical copy under a second name', () => {
		const s = scratchCopy();
		s.copy('process/steps/05-raise-val-request.md', 'process/steps/05-raise-val-request-copy.md');
		const out = problemsOf(s.dir);
		expect(out).toContain('content/process/steps/05-raise-val-request.md: field "number": step 5 is also defined in content/process/steps/05-raise-val-request-copy.md');
		expect(out).toContain('content/process/steps/05-raise-val-request.md: field "id": "raise-val-request" is already used by content/process/steps/05-raise-val-request-copy.md');
		expect(out).not.toContain('is missing');
	});

	test('a copy with a changed number', () => {
		const s = scratchCopy();
		s.copy('process/steps/20-back-up-prod.md', 'process/steps/29-back-up-prod.md', (t) => t.replace('number: 20', 'number: 29'));
		const out = problemsOf(s.dir);
		expect(out).toContain('content/process/steps/29-back-up-prod.md: field "id": "back-up-prod" is already used by content/process/steps/20-back-up-prod.md');
		expect(out).not.toContain('is missing');
	});

	test('the build stops on the first read, naming the files', () => {
		const s = scratchCopy();
		s.copy('process/steps/05-raise-val-request.md', 'process/steps/06-raise-val-request.md');
		expect(() => readProcess(s.dir)).toThrow(/06-raise-val-request\.md: field "id": "raise-val-request" is already used by content\/process\/steps\/05-raise-val-request\.md/);
	});
});

describe('a broken content file is named with its field', () => {
	test('a misspelt field name', () => {
		const s = scratchCopy();
		s.edit('process/steps/07-confirm-val-access.md', (t) => t.replace('roles: [', 'role: ['));
		const out = problemsOf(s.dir);
		expect(out).toContain('content/process/steps/07-confirm-val-access.md: field "roles"');
		expect(out).toMatch(/07-confirm-val-access\.md: field "\(file\)\.role": Unrecognized key/);
	});

	test('a field of the wrong type', () => {
		const s = scratchCopy();
		s.edit('process/steps/09-test-upgraded-environment.md', (t) => t.replace('number: 9', 'number: nine'));
		expect(problemsOf(s.dir)).toMatch(/09-test-upgraded-environment\.md: field "number": .*number/i);
	});

	test('a frontmatter that is not YAML', () => {
		const s = scratchCopy();
		s.edit('process/steps/09-test-upgraded-environment.md', (t) => t.replace('number: 9', 'number: [9'));
		expect(problemsOf(s.dir)).toContain('content/process/steps/09-test-upgraded-environment.md: field "(file)"');
	});

	test('an unknown stage', () => {
		const s = scratchCopy();
		s.edit('process/steps/12-confirm-validation-complete.md', (t) => t.replace('stage: validation', 'stage: validaton'));
		expect(problemsOf(s.dir)).toContain('12-confirm-validation-complete.md: field "stage": unknown stage "validaton"');
	});

	test('an unknown role', () => {
		const s = scratchCopy();
		s.edit('process/steps/14-agree-upgrade-slot.md', (t) => t.replace(/roles: \[/, 'roles: [iqvia-architect, '));
		expect(problemsOf(s.dir)).toContain('14-agree-upgrade-slot.md: field "roles": unknown role "iqvia-architect"');
	});

	test('an unknown glossary term', () => {
		const s = scratchCopy();
		s.edit('process/steps/05-raise-val-request.md', (t) => t.replace(/^terms: \[/m, 'terms: [val-instanse, '));
		expect(problemsOf(s.dir)).toContain('05-raise-val-request.md: field "terms": unknown glossary term "val-instanse"');
	});

	test('a ticket named as a step tool: the link is declared by the template', () => {
		const s = scratchCopy();
		s.edit('process/steps/01-review-release-notes.md', (t) => t.replace('tools: [release-picker]', 'tools: [release-picker, ticket/val-request]'));
		expect(problemsOf(s.dir)).toMatch(/01-review-release-notes\.md: field "tools\.1": a step names only "release-picker" or "qc" as its tools; a ticket is linked from its template's `steps:`/);
	});

	test('a ticket template pointing to a step that does not exist', () => {
		const s = scratchCopy();
		const count = readProcess(root).steps.length;
		s.edit('tickets/val-request.md', (t) => t.replace(/^steps: \[/m, `steps: [${count + 1}, `));
		expect(problemsOf(s.dir)).toContain(`content/tickets/val-request.md: field "steps[0]": step ${count + 1} does not exist (the steps run from 1 to ${count})`);
	});

	test('two steps with one number', () => {
		const s = scratchCopy();
		s.edit('process/steps/11-resolve-configuration-issues.md', (t) => t.replace('number: 11', 'number: 10'));
		const out = problemsOf(s.dir);
		expect(out).toMatch(/11-resolve-configuration-issues\.md: field "number": step 10 is also defined in .*10-raise-validation-tickets\.md/);
		expect(out).toContain('step 11 is missing');
	});

	test('a missing step', () => {
		const s = scratchCopy();
		const count = readProcess(root).steps.length;
		const last = readProcess(root).steps.at(-1)!.source.file;
		renameSync(join(s.dir, 'content/process/steps/20-back-up-prod.md'), join(s.dir, 'content/process/steps/_20-back-up-prod.md'));
		const out = problemsOf(s.dir);
		expect(out).toContain('step 20 is missing');
		expect(out).toContain(`${last}: field "number": step ${count} is beyond ${count - 1}`);
	});

	test("a stage's steps out of one run", () => {
		const s = scratchCopy();
		s.edit('process/steps/10-raise-validation-tickets.md', (t) => t.replace('stage: validation', 'stage: preparation'));
		expect(problemsOf(s.dir)).toMatch(/10-raise-validation-tickets\.md: field "stage": "preparation" steps must be consecutive/);
	});

	test('two steps with one stable id', () => {
		const s = scratchCopy();
		s.edit('process/steps/27-test-prod-test.md', (t) => t.replace('id: test-prod-test', 'id: test-prod-main'));
		expect(problemsOf(s.dir)).toMatch(/27-test-prod-test\.md: field "id": "test-prod-main" is already used by .*23-test-prod-main\.md/);
	});

	test('a role with a side that is neither customer nor iqvia', () => {
		const s = scratchCopy();
		s.edit('process/roles.yaml', (t) => t.replace('side: customer', 'side: client'));
		expect(problemsOf(s.dir)).toMatch(/content\/process\/roles\.yaml \[customer\]: field "side"/);
	});

	test('a stage without steps, and without a page', () => {
		const s = scratchCopy();
		s.edit('process/stages.yaml', (t) => `${t}\n- id: aftercare\n  title: Aftercare\n  order: 5\n  duration: Days\n  summary: After the upgrade.\n`);
		const out = problemsOf(s.dir);
		expect(out).toContain('stages.yaml [aftercare]: field "id": stage "aftercare" has no steps');
		expect(out).toContain('stages.yaml [aftercare]: field "id": stage "aftercare" has no page: add content/docs/stages/aftercare.mdx');
	});

	test('a stage page titled otherwise than its stage', () => {
		const s = scratchCopy();
		s.edit('docs/stages/validation.mdx', (t) => t.replace(/^title: .*$/m, 'title: Validating'));
		expect(problemsOf(s.dir)).toMatch(/content\/docs\/stages\/validation\.mdx: field "title": "Validating" differs from the stage's title "[^"]+" in content\/process\/stages\.yaml \[validation\]/);
	});

	test('a release flag pointing to a step that does not exist, and a missing flag key', () => {
		const s = scratchCopy();
		s.edit('process/release-flags.yaml', (t) => t.replace(/^data_handling: \[/m, 'data_handling: [99, ').replace(/^integrations_api:.*$/m, ''));
		const out = problemsOf(s.dir);
		expect(out).toContain('content/process/release-flags.yaml: field "integrations_api": integrations_api is missing');
		const s2 = scratchCopy();
		s2.edit('process/release-flags.yaml', (t) => t.replace(/^data_handling: \[/m, 'data_handling: [99, '));
		expect(problemsOf(s2.dir)).toContain('content/process/release-flags.yaml: field "data_handling[0]": step 99 does not exist');
	});
});
