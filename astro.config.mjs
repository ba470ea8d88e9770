// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { readProcess } from './src/process/loader.ts';
import { remarkStepLinks } from './src/process/remark-step-links.ts';
import { remarkCitations } from './src/sources/remark-citations.ts';
import { searchIndex } from './src/search/integration.ts';
import { contentSecurityPolicy } from './src/integrations/csp.ts';
import { pageScripts } from './src/integrations/page-scripts.ts';
import { pageStylesheets } from './src/integrations/page-styles.ts';
import { normaliseBase } from './src/links.ts';

// Where the site is served, set when it is built: SITE_URL=https://intranet.example.com BASE_PATH=/playbook/ npm run build
const SITE = process.env.SITE_URL || 'https://playbook.example.org';
const BASE = normaliseBase(process.env.BASE_PATH);

// The one process loader reads and checks the content before anything else: a bad file stops here, named.
const playbook = readProcess(fileURLToPath(new URL('.', import.meta.url)));

export default defineConfig({
	site: SITE,
	base: BASE,
	trailingSlash: 'always',
	// Sätteri, Astro's default Markdown engine, runs no remark plugins; the step links need one.
	markdown: { processor: unified({ remarkPlugins: [remarkCitations, [remarkStepLinks, { base: BASE }]] }) },
	// The quick search is bundled like a worker (one self-contained file); it must stay an ES module.
	vite: {
		worker: { format: 'es' },
	},
	integrations: [
		starlight({
			title: 'ClinSpark Upgrade Playbook',
			description: 'Who does what, and when, in a ClinSpark upgrade: guidance, checklists, release notes and ticket bodies.',
			routeMiddleware: './src/route-middleware.ts',
			customCss: ['./src/styles/site.css'],
			lastUpdated: false,
			pagination: true,
			// The search index is built by searchIndex() below, with a record per step.
			pagefind: false,
			components: {
				Search: './src/components/Search.astro',
				// Guarded against blocked site data, where Starlight's own throw on every page.
				ThemeProvider: './src/components/ThemeProvider.astro',
				ThemeSelect: './src/components/ThemeSelect.astro',
			},
			sidebar: [
				{ label: 'Overview', link: '/' },
				{
					label: 'Stages',
					// From content/process/stages.yaml, so a stage's title is written once.
					items: playbook.stages.map((stage) => ({ label: `${stage.order}. ${stage.title}`, link: `/stages/${stage.id}/` })),
				},
				{ label: 'Run sheet: the day', link: '/day/' },
				{
					label: 'Reference',
					items: [
						{ label: 'Roles', link: '/roles/' },
						{ label: 'Background', link: '/background/' },
						{ label: 'Glossary', link: '/glossary/' },
						{ label: 'Sources', link: '/sources/' },
					],
				},
				{
					label: 'Tools',
					items: [
						{ label: 'Plan the dates', link: '/plan/' },
						{ label: 'Release notes', link: '/releases/' },
						{ label: 'Tickets', link: '/tickets/' },
						{ label: 'Configuration QC', link: '/qc/' },
						{ label: 'Search steps', link: '/search/' },
						{ label: 'Print sheets', link: '/print/' },
						{ label: 'Upgrade record', link: '/record/' },
					],
				},
			],
		}),
		mdx(),
		searchIndex(),
		// One script file per page, made from what Astro wrote (src/integrations/page-scripts.ts).
		pageScripts(),
		pageStylesheets(),
		// Last: it hashes the inline content of the finished pages.
		contentSecurityPolicy(),
	],
});
