import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readProcess } from '../../../src/process/loader';
import { stepSchema, type Role, type Stage } from '../../../src/process/schema';
import { isIndexedPage, markdownToText, pageUrl, sortKey, stepRecord, stepRecords } from '../../../src/search/records';

const root = resolve(import.meta.dirname, '../../..');

/** The real process content, read as the index builder reads it. */
function content() {
	const { stages, roles, steps } = readProcess(root);
	return { stages, roles, steps: steps.map((s) => ({ data: s.source.data, notes: s.source.notes })) };
}

const stage: Stage = { id: 'day-of-upgrade', title: 'Day of Upgrade', order: 4, duration: 'Hours', summary: 'The day.' };
const customer: Role = { id: 'customer', name: 'Customer', side: 'customer', description: 'They.' };
const engineer: Role = { id: 'iqvia-engineer', name: 'IQVIA Engineer', side: 'iqvia', description: 'Them.' };

describe('markdownToText', () => {
	test('keeps the words of emphasis, links and code, and drops their marks', () => {
		expect(markdownToText('Read **every** note, see [the page](https://example.org) and `YYYY`.')).toBe('Read every note, see the page and YYYY.');
		expect(markdownToText('A *light* word and an _other_ one, but snake_case_names stay.')).toBe('A light word and an other one, but snake_case_names stay.');
	});

	test('flattens lists, headings and quotes into one line of text', () => {
		const md = '## Focus\n\nThe items:\n\n- dashboards;\n- reports and exports;\n1. APIs\n> quoted\n';
		expect(markdownToText(md)).toBe('Focus The items: dashboards; reports and exports; APIs quoted');
	});

	test('gives an empty string for empty notes', () => {
		expect(markdownToText('\n\n')).toBe('');
	});
});

describe('stepRecord', () => {
	const step = {
		data: stepSchema.parse({ id: 'back-up-prod', number: 20, stage: 'day-of-upgrade', roles: ['iqvia-engineer', 'customer'], title: 'Back up PROD', activity: 'Take a **full** backup.', plan_step: 20, plan_terms: ['rollback'] }),
		notes: 'Restore takes less than an hour (step 24).',
	};
	const record = stepRecord(step, stage, [engineer, customer]);

	test('lands on the step anchor of its stage page', () => {
		expect(record.url).toBe('/stages/day-of-upgrade/#step-20');
		expect(stepRecord(step, stage, [engineer, customer], '/docs').url).toBe('/docs/stages/day-of-upgrade/#step-20');
	});

	test('carries the title, stage and roles to show, and the activity for browsing', () => {
		expect(record.meta).toMatchObject({
			title: 'Step 20: Back up PROD',
			kind: 'step',
			step: '20',
			stage: 'Day of Upgrade',
			roles: 'IQVIA Engineer, Customer',
			sides: 'iqvia, customer',
		});
	});

	test('holds the activity and notes as text, and filters by stage and every role', () => {
		expect(record.content).toBe('Take a **full** backup. Restore takes less than an hour (step 24). In the plan: rollback.');
		expect(record.filters).toEqual({ stage: ['day-of-upgrade'], role: ['iqvia-engineer', 'customer'] });
		expect(record.language).toBe('en');
		expect(record.sort).toEqual({ step: '020' });
	});
});

describe('stepRecords from the real content', () => {
	const { stages, roles, steps } = content();
	const records = stepRecords(steps, stages, roles);

	test('there is exactly one record per step, in step order, each with its own address', () => {
		expect(records.map((r) => Number(r.meta.step))).toEqual(steps.map((s) => s.data.number));
		expect(new Set(records.map((r) => r.url)).size).toBe(steps.length);
	});

	test("the IQVIA Engineer's records are the steps of the responsibility matrix", () => {
		const engineerSteps = records.filter((r) => r.filters.role!.includes('iqvia-engineer')).map((r) => Number(r.meta.step));
		expect(engineerSteps).toEqual([6, 14, 15, 20, 21, 22, 25, 26]);
	});

	test('each stage filter value is the stage of the step', () => {
		for (const step of steps) {
			const record = records.find((r) => r.meta.step === String(step.data.number))!;
			expect(record.filters.stage).toEqual([step.data.stage]);
			expect(record.url).toBe(`/stages/${step.data.stage}/#step-${step.data.number}`);
		}
	});

	test("step 17's activity is in its record", () => {
		expect(records[16]!.content).toContain('lab data transfers');
	});

	test('a step naming an unknown role stops the build, naming the step', () => {
		const broken = [{ ...steps[0]!, data: { ...steps[0]!.data, roles: ['nobody'] } }];
		expect(() => stepRecords(broken, stages, roles)).toThrow('Step 1 names the unknown role "nobody"');
	});
});

describe('which built pages are indexed', () => {
	test('reading pages are, print views, the search page and the 404 page are not', () => {
		expect(isIndexedPage('index.html')).toBe(true);
		expect(isIndexedPage('stages/validation/index.html')).toBe(true);
		expect(isIndexedPage('releases/23.3/index.html')).toBe(true);
		expect(isIndexedPage('tickets/val-request/index.html')).toBe(true);
		expect(isIndexedPage('print/customer/index.html')).toBe(false);
		expect(isIndexedPage('print/index.html')).toBe(false);
		expect(isIndexedPage('search/index.html')).toBe(false);
		expect(isIndexedPage('404.html')).toBe(false);
		expect(isIndexedPage('_astro/x.js')).toBe(false);
	});

	test('a page is addressed by its folder, with the trailing slash the site uses', () => {
		expect(pageUrl('index.html')).toBe('/');
		expect(pageUrl('stages/validation/index.html')).toBe('/stages/validation/');
		expect(pageUrl('releases/23.3/index.html', '/docs')).toBe('/docs/releases/23.3/');
	});

	test('step sort keys order numerically as text', () => {
		expect([sortKey(12), sortKey(7), sortKey(28)].sort()).toEqual(['007', '012', '028']);
	});
});
