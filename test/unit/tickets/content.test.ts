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
			'prod-main-upgraded.md',
			'prod-slot-proposed.md',
			'prod-test-upgraded.md',
			'prod-upgrade-request.md',
			'upgrade-closure.md',
			'upgrade-go-ahead.md',
			'val-access-confirmed.md',
			'val-provided.md',
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
		expect(field('build_known')).toMatchObject({ kind: 'choice', required: true });
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

	test('is a new ticket with a subject of its own; the body no longer starts with one', () => {
		expect(data.kind).toBe('new');
		expect(data.subject).toBe('VAL instances for the ClinSpark {{target_version}} upgrade – {{site}}');
		expect(body.trimStart().startsWith('Subject:')).toBe(false);
	});

	test('asks for the build, with an explicit "not known" answer, and offers no help text the sources do not back', () => {
		expect(field('build_known')?.options?.map((option) => option.label)).toContain('Build not known – please advise');
		expect(field('target_build')).toMatchObject({ required_when: 'build_known.given' });
		expect(JSON.stringify(data)).not.toMatch(/kept for this period|released build/);
		expect(body).not.toMatch(/released build/);
	});

	test('calls the release list "reviewed" only inside the answer that says so', () => {
		expect(body).toMatch(/\{\{#notes_reviewed\.all\}\}\nRelease notes we have reviewed/);
		expect(body.match(/we have reviewed/g)).toHaveLength(1);
	});
});

describe('who sends what', () => {
	const all = files.map((file) => ({ id: file.replace(/\.md$/, ''), ...loadTicket(file.replace(/\.md$/, '')).data }));

	test('the go-ahead, the Go / No-Go decision, the closure and every IQVIA message are updates to an existing ticket', () => {
		const updates = all.filter((ticket) => ticket.kind === 'update').map((ticket) => ticket.id).sort();
		expect(updates).toEqual(['go-no-go', 'prod-main-upgraded', 'prod-slot-proposed', 'prod-test-upgraded', 'upgrade-closure', 'upgrade-go-ahead', 'val-access-confirmed', 'val-provided']);
		for (const ticket of all.filter((t) => t.from !== 'customer')) expect(ticket.kind, ticket.id).toBe('update');
	});

	test('IQVIA sends the messages of steps 6, 7, 16, 22 and 26', () => {
		const iqvia = all.filter((ticket) => ticket.from !== 'customer').map((ticket) => [ticket.steps, ticket.from]);
		expect(iqvia.sort()).toEqual([
			[[16], 'iqvia-pm'],
			[[22], 'iqvia-engineer'],
			[[26], 'iqvia-engineer'],
			[[6], 'iqvia-engineer'],
			[[7], 'iqvia-pm'],
		]);
	});

	test('no body starts with a Subject: or Re: line any more', () => {
		for (const file of files) expect(loadTicket(file.replace(/\.md$/, '')).body.trimStart(), file).not.toMatch(/^(Subject|Re):/);
	});
});
