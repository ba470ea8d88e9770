import { describe, expect, it } from 'vitest';
import { resourceKind, transferBudget } from '../../../bench/transfer';

describe('resourceKind', () => {
	it('tells pages, styles, scripts and data apart by their path', () => {
		expect(resourceKind('/stages/preparation/')).toBe('HTML');
		expect(resourceKind('/404.html')).toBe('HTML');
		expect(resourceKind('/_astro/checklist.BAd1BzQE.css')).toBe('CSS');
		expect(resourceKind('/_astro/sign-flow.DnwLG3yw.js')).toBe('JS');
		expect(resourceKind('/step-texts/preparation.json')).toBe('data');
		expect(resourceKind('/releases/index.json?v=c4c5461fab06')).toBe('data');
		expect(resourceKind('/favicon.svg')).toBe('other');
	});
});

describe('transferBudget', () => {
	it('reads a plain Starlight figure with its date, the stage page and a share below 1', () => {
		const budget = transferBudget();
		expect(budget.plainFirstVisit).toBeGreaterThan(10_000);
		expect(budget.measured).toMatch(/^\d{4}-\d\d-\d\d$/);
		expect(budget.stagePath).toMatch(/^\/stages\/[a-z-]+\/$/);
		expect(budget.stageShare).toBeGreaterThan(0);
		expect(budget.stageShare).toBeLessThan(1);
	});
});
