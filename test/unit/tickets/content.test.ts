import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ticketSchema } from '../../../src/tickets/schema';
import { checkTemplate } from '../../../src/tickets/template';
import { readProcess } from '../../../src/process/loader';
import { root } from '../process/helpers';
import { loadTicket, splitTemplate, templateFiles, TICKETS_DIR } from './load';

const files = templateFiles();

describe('every template in content/tickets', () => {
	test('the folder holds the templates the process asks for', () => {
		expect(files).toEqual([
			'go-no-go.md',
			'intent-to-upgrade.md',
			'prod-upgrade-request.md',
			'upgrade-closure.md',
			'upgrade-go-ahead.md',
			'val-request.md',
			'validation-complete.md',
			'validation-issue.md',
		]);
	});

	test.each(files)('%s passes the schema and the template check', (file) => {
		const { frontmatter, body } = splitTemplate(readFileSync(`${TICKETS_DIR}${file}`, 'utf8'));
		expect(ticketSchema.safeParse(frontmatter).success).toBe(true);
		expect(checkTemplate(frontmatter, body)).toEqual([]);
	});

	test('each template serves steps of the process, each of which links to it, and list orders are distinct', () => {
		const process = readProcess(root);
		for (const file of files) {
			const id = file.replace(/\.md$/, '');
			for (const number of loadTicket(id).data.steps) {
				expect(process.steps.find((step) => step.number === number)?.tools, `${file} step ${number}`).toContain(`ticket/${id}`);
			}
		}
		const orders = files.map((file) => loadTicket(file.replace(/\.md$/, '')).data.order);
		expect(new Set(orders).size).toBe(orders.length);
		expect(loadTicket('val-request').data.order).toBe(1);
	});
});

describe('the VAL instance request', () => {
	const { data, body } = loadTicket('val-request');
	const field = (name: string) => data.fields.find((candidate) => candidate.name === name);

	test('declares the four details the public "Requesting VAL Instances" section asks for', () => {
		// 1. The version number and build to deploy.
		expect(field('target_version')).toMatchObject({ kind: 'version', required: true });
		expect(field('target_build')).toMatchObject({ kind: 'text' });
		// 2. The dates validation begins and ends.
		expect(field('validation')).toMatchObject({ kind: 'daterange', required: true });
		// 3. Whether SSO must be configured in VAL.
		expect(field('sso_in_val')).toMatchObject({ kind: 'yesno', required: true });
		// 4. A lab test environment for validation, if there is one.
		expect(field('lab_test_environment')).toMatchObject({ kind: 'longtext', required: false });
		for (const tag of ['{{target_version}}', '{{target_build}}', '{{validation.start}}', '{{validation.end}}', '{{sso_in_val}}', '{{lab_test_environment}}']) {
			expect(body).toContain(tag);
		}
	});

	test('declares what steps 4 and 5 add', () => {
		expect(field('val_pair')?.options?.map((option) => option.value)).toEqual(['replace', 'create']);
		expect(field('config_approach')?.options?.map((option) => option.value)).toEqual(['synchronize_all', 'keep_named']);
		expect(field('kept_configurations')).toMatchObject({ kind: 'list', required_when: 'config_approach.keep_named' });
		expect(field('prod_upgrade_date')).toMatchObject({ kind: 'date', required: true, from_plan: 'upgradeDate' });
		expect(field('reading_list')).toMatchObject({ kind: 'list', from_plan: 'readingList' });
		for (const name of ['site', 'contact_name', 'contact_details', 'prod_instances', 'current_version', 'downstream_sas', 'downstream_warehouse', 'downstream_other', 'integration_apis', 'integration_lab', 'integration_other', 'special_considerations', 'flagged_changes']) {
			expect(field(name), name).toBeDefined();
		}
	});

	test('starts with a subject line', () => {
		expect(body.trimStart().startsWith('Subject: ')).toBe(true);
	});
});
