import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { readProcess } from '../process/loader';
import { buildVocabulary } from './query';
import { indexedText, recordHtml } from './record-html';
import { isIndexedPage, pageUrl, stepRecords } from './records';

/** Every HTML file under a folder, as paths relative to it with "/" separators. */
function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.html'))
		.map((name) => name.split(sep).join('/'))
		.sort();
}

/** Stops the build with every message Pagefind gave, named by what was being done. */
function check<T extends { errors: string[] }>(what: string, response: T): T {
	if (response.errors.length) throw new Error(`Search index: ${what} failed:\n${response.errors.join('\n')}`);
	return response;
}

/** The process as the pages were built from it: the one loader's, one record per step. */
function processData(root: string) {
	const { stages, roles, steps } = readProcess(root);
	return { stages, roles, steps: steps.map((step) => ({ data: step.source.data, notes: step.source.notes })) };
}

/**
 * Builds the site's Pagefind index after the pages are written: the pages as they render, minus
 * the print views, plus one record per step. Takes the place of Starlight's own indexing step
 * (its `pagefind` option is off), because a page can carry only one set of filter values.
 */
export function searchIndex(): AstroIntegration {
	let root = process.cwd();
	let base = '/';
	return {
		name: 'playbook-search-index',
		hooks: {
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
				base = config.base;
			},
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const out = fileURLToPath(dir);
				const bundle = join(out, 'pagefind');
				try {
					// One language for pages and records; the search button preloads wasm.en.pagefind by that name.
					const { index } = check('starting Pagefind', await pagefind.createIndex({ forceLanguage: 'en' }));
					if (!index) throw new Error('Search index: Pagefind returned no index');
					const pages = htmlFiles(out).filter(isIndexedPage);
					const texts: string[] = [];
					for (const page of pages) {
						const content = readFileSync(join(out, page), 'utf8');
						check(`indexing ${page}`, await index.addHTMLFile({ url: pageUrl(page, base), content }));
						texts.push(indexedText(content));
					}
					const { stages, roles, steps } = processData(root);
					const records = stepRecords(steps, stages, roles, base);
					for (const record of records) {
						check(`indexing ${record.url}`, await index.addHTMLFile({ url: record.url, content: recordHtml(record) }));
						texts.push(record.meta.title ?? '', record.parts.planTerms.join(' '), record.parts.activity, record.parts.notes);
					}
					// A previous build's chunks would otherwise linger beside the new ones.
					rmSync(bundle, { recursive: true, force: true });
					check('writing the index', await index.writeFiles({ outputPath: bundle }));
					// The words the index holds, fetched with the search code: Pagefind drops words it does not know, so this list tells a misspelt word from a real one.
					writeFileSync(join(bundle, 'words.json'), JSON.stringify(buildVocabulary(texts)));
					const ms = Math.round(performance.now() - started);
					logger.info(`Indexed ${pages.length} pages and ${records.length} steps into ${relative(root, bundle) || bundle} in ${ms} ms.`);
				} finally {
					await pagefind.close();
				}
			},
		},
	};
}
