import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, parse as parseYaml } from 'yaml';
import { sortReleases } from '../../../src/releases/catalogue-index';
import { releaseSchema, type Release } from '../../../src/releases/schema';
import { ticketSchema, type TicketFrontmatter } from '../../../src/tickets/schema';

/** The ticket templates folder, resolved from this file so tests run from any directory. */
export const TICKETS_DIR = fileURLToPath(new URL('../../../content/tickets/', import.meta.url));

/** The shared ticket fixtures folder. */
export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/tickets/', import.meta.url));

/** Splits a template file into its YAML frontmatter (parsed, unchecked) and its body, the way the content collection does. */
export function splitTemplate(source: string): { frontmatter: unknown; body: string } {
	const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
	if (!match) throw new Error('the file does not start with a --- frontmatter block');
	return { frontmatter: parse(match[1] ?? ''), body: match[2] ?? '' };
}

/** The template files in content/tickets/, without the writers' README. */
export function templateFiles(): string[] {
	return readdirSync(TICKETS_DIR)
		.filter((file) => file.endsWith('.md') && file !== 'README.md')
		.sort();
}

/** Reads and parses one template by id, shaped like a collection entry. */
export function loadTicket(id: string): { data: TicketFrontmatter; body: string } {
	const { frontmatter, body } = splitTemplate(readFileSync(`${TICKETS_DIR}${id}.md`, 'utf8'));
	return { data: ticketSchema.parse(frontmatter), body };
}

/** Reads a fixture file as text. */
export function fixtureText(name: string): string {
	return readFileSync(`${FIXTURES_DIR}${name}`, 'utf8');
}

/** Reads a JSON fixture file. */
export function fixtureJson(name: string): unknown {
	return JSON.parse(fixtureText(name));
}

/** The release catalogue of content/releases/, oldest first, read the way the build reads it. */
export function loadCatalogue(): Release[] {
	const dir = fileURLToPath(new URL('../../../content/releases/', import.meta.url));
	const releases = readdirSync(dir)
		.filter((file) => file.endsWith('.yaml'))
		// YAML 1.1 reads unquoted dates and numbers the way Astro's loader does.
		.map((file) => releaseSchema.parse(parseYaml(readFileSync(`${dir}${file}`, 'utf8'), { schema: 'yaml-1.1' })));
	return sortReleases(releases);
}
