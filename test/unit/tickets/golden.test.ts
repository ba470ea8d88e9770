import { existsSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { WrittenTicket } from '../../../src/tickets/body';
import { ticketFile } from '../../../src/tickets/download-name';
import { catalogueGapItems, readingListItems } from '../../../src/tickets/form-values';
import { neighbourGaps } from '../../../src/tickets/catalogue-gaps';
import { initialValues, validateValues, type PlanSnapshot } from '../../../src/tickets/fields';
import { writeTemplate } from '../../../src/tickets/render';
import { FIXTURES_DIR, fixtureJson, fixtureText, loadCatalogue, loadTicket, templateFiles } from './load';

// Times in bodies are local with their offset, then UTC: the goldens are written for one zone.
process.env.TZ = 'Europe/London';

/** One case of a template: the plan, the answers typed, and whether the form may be copied. */
interface GoldenCase {
	plan?: string;
	form?: Record<string, unknown> | string;
	/** The fields whose answers stop Copy and Download, named as the form names them; empty when it can go. */
	needs: string[];
}

/** A written ticket as the golden file holds it: the download text, or the reason there is none and the steps linked. */
function goldenText(written: WrittenTicket): string {
	if (written.blocked) {
		const steps = written.blocked.steps;
		return `NO TICKET TEXT\n${written.blocked.reason}\nSee ${steps.length === 1 ? 'step' : 'steps'} ${steps.join(' and ')}.\n`;
	}
	return ticketFile(written)!;
}

/** The plan as the page sees it: the stored answers plus the reading list and gaps made from the catalogue. */
function planFor(name: string | undefined): PlanSnapshot {
	if (name === undefined) return {};
	const plan = fixtureJson(name) as Record<string, string | string[]>;
	const versions = loadCatalogue().map((release) => release.version);
	const from = String(plan.currentVersion ?? '');
	const to = String(plan.targetVersion ?? '');
	return { ...plan, readingList: readingListItems(versions, from, to), catalogueGaps: catalogueGapItems(versions, neighbourGaps(loadCatalogue()), from, to) };
}

const ids = templateFiles().map((file) => file.replace(/\.md$/, ''));

describe.each(ids)('%s', (id) => {
	const template = loadTicket(id);
	const cases = fixtureJson(`${id}.cases.json`) as Record<string, GoldenCase>;

	test('has an untouched case and a complete one', () => {
		expect(Object.keys(cases)).toContain('untouched');
		expect(Object.values(cases).some((c) => c.needs.length === 0)).toBe(true);
	});

	test.each(Object.entries(cases))('%s gives exactly its golden text', (name, golden) => {
		const form = typeof golden.form === 'string' ? (fixtureJson(golden.form) as Record<string, unknown>) : (golden.form ?? {});
		const values = { ...initialValues(template.data.fields, planFor(golden.plan)), ...form };
		const written = writeTemplate(template, values);
		const file = `${id}.${name}.golden.txt`;
		if (process.env.UPDATE_GOLDEN === '1' || !existsSync(`${FIXTURES_DIR}${file}`)) writeFileSync(`${FIXTURES_DIR}${file}`, goldenText(written));
		expect(goldenText(written)).toBe(fixtureText(file));
		const labels = Object.keys(validateValues(template.data.fields, values));
		const needs = (written.blocked ? [...labels, 'blocked'] : labels).sort();
		if (process.env.UPDATE_GOLDEN === '1') {
			cases[name] = { ...golden, needs };
			writeFileSync(`${FIXTURES_DIR}${id}.cases.json`, `${JSON.stringify(cases, null, '\t')}\n`);
		}
		expect(needs).toEqual([...golden.needs].sort());
	});
});

test('an untouched form never prints a broken sentence: every empty answer shows as a bracketed placeholder', () => {
	for (const id of ids) {
		const template = loadTicket(id);
		const written = writeTemplate(template, initialValues(template.data.fields, {}));
		const text = goldenText(written);
		expect(text, id).not.toMatch(/\S {2,}\S| [.,:;)]|\( /);
		expect(text, id).toMatch(/\[[a-z ]+\]/);
	}
});
