import { describe, expect, it } from 'vitest';
import { indexedText, PART_WEIGHT, recordHtml } from '../../../src/search/record-html';
import type { SearchRecord } from '../../../src/search/records';

const record: SearchRecord = {
	url: '/stages/day-of-upgrade/#step-20',
	content: 'Back up PROD <MAIN>. Notes & more.',
	language: 'en',
	meta: { title: 'Step 20: Back up production', kind: 'step', roles: 'IQVIA Engineer, Customer' },
	filters: { stage: ['day-of-upgrade'], role: ['iqvia-engineer', 'customer'] },
	sort: { step: '020' },
	parts: { planTerms: ['backup', 'rollback'], activity: 'Back up PROD <MAIN>.', notes: 'Notes & "more".' },
};

describe('recordHtml', () => {
	const html = recordHtml(record);
	it('weighs the plan terms above the activity, and the activity above the notes', () => {
		expect(PART_WEIGHT.planTerms).toBeGreaterThan(PART_WEIGHT.activity);
		expect(PART_WEIGHT.activity).toBeGreaterThan(PART_WEIGHT.notes);
		expect(html).toContain(`<p data-pagefind-weight="${PART_WEIGHT.planTerms}">backup, rollback</p>`);
		expect(html).toContain(`<p data-pagefind-weight="${PART_WEIGHT.activity}">Back up PROD &lt;MAIN&gt;.</p>`);
	});
	it('carries meta values with commas whole, every filter value, and the sort key, outside the matched text', () => {
		expect(html).toContain('data-pagefind-meta="roles[data-value]" data-value="IQVIA Engineer, Customer"');
		expect(html).toContain('data-pagefind-filter="role[data-value]" data-value="customer"');
		expect(html).toContain('data-pagefind-sort="step[data-value]" data-value="020"');
		expect(html).toMatch(/<div data-pagefind-ignore>.*data-pagefind-filter/);
	});
	it('escapes text and attributes', () => {
		expect(html).toContain('Notes &amp; &quot;more&quot;.');
		expect(html).not.toContain('<MAIN>');
	});
	it('leaves out an empty part', () => {
		expect(recordHtml({ ...record, parts: { ...record.parts, planTerms: [] } })).not.toContain(`data-pagefind-weight="${PART_WEIGHT.planTerms}"`);
	});
});

describe('indexedText', () => {
	it('takes the indexed part of a page as words, without scripts or tags', () => {
		const page = '<html><body><nav>Menu</nav><main data-pagefind-body><h1>Title</h1><script>var x</script><p>Some&nbsp;text</p></main></body></html>';
		expect(indexedText(page)).toBe('Title Some text');
	});
});
