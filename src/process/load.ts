import { getCollection, type CollectionEntry } from 'astro:content';
import { isDeepStrictEqual } from 'node:util';
import { readProcessNow } from './loader';
import { mapSources, type Process } from './model';

let cached: Promise<Process<CollectionEntry<'steps'>>> | undefined;

/**
 * The process for the pages: the one loader's process (loader.ts), with each step's content
 * entry attached so its notes render. The steps collection is only the renderer: it must hold
 * exactly the loader's step files with the same data, or the build stops naming the file.
 */
export function loadProcess(): Promise<Process<CollectionEntry<'steps'>>> {
	cached ??= (async () => {
		// Read afresh: in the dev server this module reloads when content changes, and the loader's cache would not.
		const process = readProcessNow();
		const unmatched = new Map((await getCollection('steps')).map((entry) => [entry.filePath ?? entry.id, entry]));
		const rendered = mapSources(process, (step) => {
			const entry = unmatched.get(step.source.file);
			unmatched.delete(step.source.file);
			if (!entry || entry.id !== step.id || !isDeepStrictEqual(entry.data, step.source.data)) {
				throw new Error(`${step.source.file}: the steps collection did not load this file as the process loader read it (step ${step.number}, "${step.id}")`);
			}
			return entry;
		});
		for (const file of unmatched.keys()) throw new Error(`${file}: the steps collection holds a file the process loader does not read`);
		return rendered;
	})();
	return cached;
}
