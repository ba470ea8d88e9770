/**
 * Build-time access to the release catalogue for pages and the index file.
 * Uses astro:content, so it runs only while the site is built.
 */
import { getCollection } from 'astro:content';
import { createHash } from 'node:crypto';
import { loadProcess } from '../process/load';
import { sortReleases, toCatalogueIndex } from './catalogue-index';
import type { FlagSteps } from './flags';
import type { Release } from './schema';
import { withBase } from '../links';

let releases: Promise<Release[]> | undefined;

/** Every release of content/releases/, oldest first, read once per build. */
export function loadReleases(): Promise<Release[]> {
	releases ??= getCollection('releases').then((entries) => sortReleases(entries.map((entry) => entry.data)));
	return releases;
}

/** The text of the picker's index file. */
export async function catalogueIndexJson(): Promise<string> {
	return JSON.stringify(toCatalogueIndex(await loadReleases()));
}

/** Where the picker loads the index from; the content hash in the query changes whenever the catalogue does, so browsers may cache the file for long. */
export async function catalogueIndexHref(): Promise<string> {
	const hash = createHash('sha256').update(await catalogueIndexJson()).digest('hex').slice(0, 12);
	return withBase(`/releases/index.json?v=${hash}`);
}

/** The stage of every step a flag points to, so the picker can link "see step 18" without knowing the process. */
export async function flagStepStages(): Promise<Record<number, string>> {
	const process = await loadProcess();
	// The loader has checked that every number a flag names is a step.
	const numbers = new Set(Object.values(process.flagSteps).flat());
	return Object.fromEntries(process.steps.filter((step) => numbers.has(step.number)).map((step) => [step.number, step.stage]));
}

/** The steps each kind of release flag points to, from content/process/release-flags.yaml. */
export async function flagSteps(): Promise<FlagSteps> {
	return (await loadProcess()).flagSteps;
}
