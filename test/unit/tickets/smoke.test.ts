import { test } from 'vitest';
import { loadTicket, splitTemplate, TICKETS_DIR } from './load';
import { checkTemplate } from '../../../src/tickets/template';
import { renderTicket } from '../../../src/tickets/render';
import { initialValues, validateValues } from '../../../src/tickets/fields';
import { readFileSync } from 'node:fs';
test('smoke', () => {
	const { frontmatter, body } = splitTemplate(readFileSync(TICKETS_DIR + 'val-request.md', 'utf8'));
	console.log(checkTemplate(frontmatter, body));
	const t = loadTicket('val-request');
	const v = { ...initialValues(t.data.fields, { site: 'Acme', targetVersion: '24.2', readingList: ['24.1', '24.2'] }), sso_in_val: true, lab_test_environment: 'line one\nline two <script>alert(1)</script> {{site}}', config_approach: 'keep_named', kept_configurations: ['A', 'B\nmore'], validation: { start: '2025-01-01', end: '2025-02-30' } };
	console.log(validateValues(t.data.fields, v));
	console.log(renderTicket(t, v));
	console.log(renderTicket(t, {}));
});
