import { test } from 'vitest';
import { loadTicket, splitTemplate, TICKETS_DIR, templateFiles } from './load';
import { checkTemplate } from '../../../src/tickets/template';
import { renderTicket } from '../../../src/tickets/render';
import { initialValues } from '../../../src/tickets/fields';
import { readFileSync } from 'node:fs';
test('smoke', () => {
	for (const f of templateFiles()) {
		const { frontmatter, body } = splitTemplate(readFileSync(TICKETS_DIR + f, 'utf8'));
		console.log(f, checkTemplate(frontmatter, body));
		const t = loadTicket(f.replace('.md', ''));
		const v: Record<string, unknown> = initialValues(t.data.fields, { site: 'Acme', targetVersion: '24.2', currentVersion: '23.3', prodTicket: 'FHSD-9', valTicket: 'FHSD-8' });
		for (const fl of t.data.fields) { if (fl.kind === 'choice') v[fl.name] = fl.options![0]!.value; if (fl.kind==='yesno') v[fl.name] = true; if (fl.kind==='list') v[fl.name]=['one','two']; if (fl.kind==='longtext') v[fl.name]='Para one\nmore'; if (fl.kind==='text' && !v[fl.name]) v[fl.name]='T'; if (fl.kind==='date') v[fl.name]='2025-05-05' }
		console.log('=====', f, '\n' + renderTicket(t, v));
	}
});
