import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { signableText } from '../../../src/checklist/step-text';
import { readProcess } from '../../../src/process/loader';
import { toCatalogueIndex } from '../../../src/releases/catalogue-index';
import { releaseSchema } from '../../../src/releases/schema';
import { stepRecords } from '../../../src/search/records';
import { citedIds, malformedCitations, splitCitations, stripCitations } from '../../../src/sources/citations';
import { citationProblems, parseSources, readSources, sourceNumber } from '../../../src/sources/read';
import { remarkCitations } from '../../../src/sources/remark-citations';

const root = resolve(import.meta.dirname, '../../..');
const sources = readSources(root);

/** Every file under a folder whose name ends with one of the endings, relative to the project. */
function files(dir: string, ...endings: string[]): string[] {
	return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
		.filter((name) => endings.some((end) => name.endsWith(end)))
		.map((name) => relative(root, join(root, dir, name)))
		.sort();
}

/** The real steps, parsed as the build parses them, with their notes. */
function steps() {
	return readProcess(root).steps.map((step) => ({ file: step.source.file, data: step.source.data, notes: step.source.notes }));
}

describe('citation markers', () => {
	test('split a text into plain pieces and cited sources, in order', () => {
		expect(splitCitations('VAL is a clone.[^src=upgrading-clinspark] It is short-lived.[^src=creating-val-environments]')).toEqual([
			{ text: 'VAL is a clone.' },
			{ source: 'upgrading-clinspark' },
			{ text: ' It is short-lived.' },
			{ source: 'creating-val-environments' },
		]);
		expect(citedIds('a[^src=x] b[^src=y] c[^src=x]')).toEqual(['x', 'y']);
	});

	test('come out whole, with the space before them, so the text reads as it did without them', () => {
		expect(stripCitations('Short-lived. [^src=a]\nNext[^src=b-c].')).toBe('Short-lived.\nNext.');
	});

	test('a malformed marker is caught rather than shown as text', () => {
		expect(malformedCitations('x[^src=] y[^src= a] z[^src=Upper] ok[^src=fine]')).toEqual(['[^src=]', '[^src= a]', '[^src=Upper]']);
	});
});

describe('the sources file', () => {
	test('names the file, the entry and the field of every problem', () => {
		const { problems } = parseSources([
			{ id: 'ok', title: 'T', publisher: 'P', seen: '2026-11-25', wording: 'current' },
			{ id: 'bad', title: 'T', publisher: 'P', seen: '25 Nov', wording: 'latest', address: 'foundry/page', extra: 1 },
			{ id: 'ok', title: 'T', publisher: 'P', seen: '2026-11-25', wording: 'earlier' },
		]);
		expect(problems).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^content\/sources\.yaml \[bad\] address: address must be a full http\(s\) address/),
				expect.stringMatching(/^content\/sources\.yaml \[bad\] seen: /),
				expect.stringMatching(/^content\/sources\.yaml \[bad\] wording: wording must be one of: current, earlier, revision/),
				expect.stringMatching(/^content\/sources\.yaml \[bad\] \(entry\): Unknown field\(s\) extra/),
				'content/sources.yaml [ok] id: another source already has this id',
			]),
		);
	});

	test('the step plan is a source, and so are the public pages the playbook draws on', () => {
		const ids = sources.map((s) => s.id);
		expect(ids[0]).toBe('step-plan');
		for (const id of ['upgrading-clinspark', 'upgrading-clinspark-earlier', 'creating-val-environments', 'version-build-numbers', 'service-level-agreement', 'cfr-part-11']) {
			expect(ids).toContain(id);
		}
		expect(sources.find((s) => s.id === 'upgrading-clinspark-earlier')!.wording).toBe('earlier');
		expect(sourceNumber(sources, 'step-plan')).toBe(1);
	});
});

describe('every statement is traceable', () => {
	test('every citation in the content resolves to a source', () => {
		const cited = [
			...files('content/process/steps', '.md'),
			'content/process/glossary.yaml',
			'content/process/roles.yaml',
			'content/process/stages.yaml',
			...files('content/docs', '.mdx', '.md'),
			...files('content/releases', '.yaml'),
		];
		const problems = cited.flatMap((file) => citationProblems(readFileSync(join(root, file), 'utf8'), file, sources));
		expect(problems).toEqual([]);
		// The check is not vacuous: the background page, the glossary, the release files and some steps cite.
		for (const file of ['content/docs/background.mdx', 'content/process/glossary.yaml', 'content/releases/23.3.yaml', 'content/process/steps/05-raise-val-request.md']) {
			expect(citedIds(readFileSync(join(root, file), 'utf8')).length, file).toBeGreaterThan(0);
		}
	});

	test('an unknown source stops the Markdown build, naming the file', async () => {
		const processor = await createMarkdownProcessor({ syntaxHighlight: false, remarkPlugins: [remarkCitations] });
		const html = (await processor.render('Known.[^src=step-plan]')).code;
		expect(html).toContain('<a href="/sources/#step-plan" class="cite" aria-label="Source 1: ');
		expect(html).toContain('>[1]</a>');
		await expect(processor.render('Unknown.[^src=no-such-page]', { fileURL: new URL('file:///site/content/docs/x.mdx') })).rejects.toThrow(
			'/site/content/docs/x.mdx: cites the unknown source "no-such-page"',
		);
	});

	test("every release's main page is one of the sources", () => {
		const addresses = new Set(sources.map((s) => s.address));
		for (const file of files('content/releases', '.yaml')) {
			const release = releaseSchema.parse(parse(readFileSync(join(root, file), 'utf8'), { schema: 'yaml-1.1' }));
			expect(addresses.has(release.source_url), file).toBe(true);
			// The picker's index carries the statements without markers.
			expect(JSON.stringify(toCatalogueIndex([release]))).not.toContain('[^src=');
		}
	});

	test('every step names its step of the plan, and the plan steps are 1 to 28 once each', () => {
		const all = steps();
		for (const step of all) expect(step.data.plan_step, step.file).toBeGreaterThan(0);
		expect(all.map((s) => s.data.plan_step).sort((a, b) => a - b)).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
		expect(all.every((s) => s.data.plan_step === s.data.number)).toBe(true);
	});

	test('every step has plan terms, and every plan term is in that step’s search record', () => {
		const { stages, roles } = readProcess(root);
		const all = steps();
		const records = stepRecords(all, stages, roles);
		for (const step of all) {
			expect(step.data.plan_terms.length, step.file).toBeGreaterThan(0);
			const record = records.find((r) => r.meta.step === String(step.data.number))!;
			for (const term of step.data.plan_terms) expect(record.content, `${step.file}: ${term}`).toContain(term);
		}
	});

	test('plan terms are words and short names, never sentences quoted from the plan', () => {
		for (const step of steps()) {
			for (const term of step.data.plan_terms) {
				expect(term.split(/\s+/).length, `${step.file}: ${term}`).toBeLessThanOrEqual(6);
				expect(term, step.file).not.toMatch(/[.!?]$/);
			}
		}
	});
});

describe('the fingerprint a sign-off records', () => {
	test('adding citations alone changes nothing, for every real step', () => {
		for (const step of steps()) {
			const text = { title: step.data.title, activity: step.data.activity, notes: step.notes };
			expect(signableText(text), step.file).toBe(signableText({ ...text, notes: stripCitations(step.notes) }));
			expect(signableText(text), step.file).not.toContain('[^src=');
			for (const term of step.data.plan_terms) {
				// Plan terms are shown beside the step, not inside what is signed, unless the step's own words use them.
				const ownWords = `${step.data.title} ${step.data.activity} ${step.notes}`.replace(/\s+/g, ' ');
				if (!ownWords.includes(term)) expect(signableText(text)).not.toContain(term);
			}
		}
	});

	test('a marker added to a signed sentence leaves its fingerprint text unchanged', () => {
		const before = { title: 'T', activity: 'A', notes: 'VAL is closed two weeks after the upgrade.' };
		const after = { ...before, notes: 'VAL is closed two weeks after the upgrade.[^src=creating-val-environments]' };
		expect(signableText(after)).toBe(signableText(before));
	});
});
