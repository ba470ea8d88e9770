import { getCollection, type CollectionEntry } from 'astro:content';
import { assertTemplate } from './template';

let cached: Promise<CollectionEntry<'tickets'>[]> | undefined;

/** Loads the ticket templates once per build, in listing order; a broken template stops the build, named. */
export function loadTickets(): Promise<CollectionEntry<'tickets'>[]> {
	cached ??= getCollection('tickets').then((entries) => {
		for (const entry of entries) assertTemplate(entry.filePath ?? `content/tickets/${entry.id}.md`, entry.data, entry.body ?? '');
		return entries.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
	});
	return cached;
}
