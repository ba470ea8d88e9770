/**
 * A plain one-page Starlight site, built with the project's own installed packages, as the
 * yardstick for what the playbook adds. It is made afresh under bench/out/ (never committed).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The project's root folder, found from this file's place in it. */
export const projectRoot = resolve(import.meta.dirname, '..');

const pinned: Record<string, string> = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')).dependencies;

const files: Record<string, string> = {
	// Astro finds the packages it must bundle (Starlight among them) through the dependencies listed here.
	'package.json': JSON.stringify(
		{
			name: 'plain-starlight',
			private: true,
			type: 'module',
			dependencies: { astro: pinned.astro, '@astrojs/starlight': pinned['@astrojs/starlight'] },
		},
		null,
		2,
	),
	'astro.config.mjs': [
		"import { defineConfig } from 'astro/config';",
		"import starlight from '@astrojs/starlight';",
		'',
		"export default defineConfig({ cacheDir: './.cache', integrations: [starlight({ title: 'Plain Starlight' })] });",
		'',
	].join('\n'),
	'src/content.config.ts': [
		"import { defineCollection } from 'astro:content';",
		"import { docsLoader } from '@astrojs/starlight/loaders';",
		"import { docsSchema } from '@astrojs/starlight/schema';",
		'',
		'export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };',
		'',
	].join('\n'),
	// Two headings, so the page has the table of contents an ordinary documentation page has.
	'src/content/docs/index.md': [
		'---',
		'title: Plain Starlight',
		'description: One page of a Starlight site with nothing added.',
		'---',
		'',
		'A plain page of text, as Starlight renders it with no component overridden.',
		'',
		'## First section',
		'',
		'Some words in a paragraph.',
		'',
		'## Second section',
		'',
		'- a list',
		'- of items',
		'',
	].join('\n'),
};

/** Runs `astro build` in dir with the Node running this script (the project's Node 24), not whatever `node` is first on PATH. */
export function runAstroBuild(dir: string, args: string[] = []): void {
	const astro = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
	execFileSync(process.execPath, [astro, 'build', '--silent', ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Astro's own CSP (`security.csp`), for measuring what it leaves blocked on a plain Starlight page. */
const withAstroCsp = [
	"import { defineConfig } from 'astro/config';",
	"import starlight from '@astrojs/starlight';",
	'',
	"export default defineConfig({ cacheDir: './.cache', security: { csp: true }, integrations: [starlight({ title: 'Plain Starlight' })] });",
	'',
].join('\n');

/**
 * Writes the plain Starlight project into dir and returns dir. It must lie inside the project:
 * Node finds the installed packages in the project's node_modules above it. A linked
 * node_modules would make Astro keep its content cache in the project's own, shared with the
 * site's builds.
 */
export function writeBaselineProject(dir: string, { astroCsp = false } = {}): string {
	rmSync(dir, { recursive: true, force: true });
	for (const [name, text] of Object.entries({ ...files, ...(astroCsp ? { 'astro.config.mjs': withAstroCsp } : {}) })) {
		mkdirSync(dirname(join(dir, name)), { recursive: true });
		writeFileSync(join(dir, name), text);
	}
	return dir;
}

/** Builds the plain Starlight site with the project's astro binary; returns its dist folder and the build time in ms. */
export function buildBaseline(dir = join(projectRoot, 'bench', 'out', 'baseline'), options: { astroCsp?: boolean } = {}): { dist: string; ms: number } {
	writeBaselineProject(dir, options);
	const started = performance.now();
	runAstroBuild(dir);
	return { dist: join(dir, 'dist'), ms: Math.round(performance.now() - started) };
}

/** The baseline's dist folder, built only when it is missing. */
export function baselineDist(dir = join(projectRoot, 'bench', 'out', 'baseline')): string {
	const dist = join(dir, 'dist');
	return existsSync(join(dist, 'index.html')) ? dist : buildBaseline(dir).dist;
}
