// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { remarkStepLinks } from './src/process/remark-step-links.ts';
import { searchIndex } from './src/search/integration.ts';
import { contentSecurityPolicy } from './src/integrations/csp.ts';

export default defineConfig({
	site: 'https://playbook.example.org',
	trailingSlash: 'always',
	// Sätteri, Astro's default Markdown engine, runs no remark plugins; the step links need one.
	markdown: { processor: unified({ remarkPlugins: [remarkStepLinks] }) },
	// The quick search is bundled like a worker (one self-contained file); it must stay an ES module.
	vite: {
		worker: { format: 'es' },
		build: {
			rolldownOptions: {
				output: {
					codeSplitting: {
						// Every page that keeps sign-offs also keeps the signer and the view: one file for them all
						// is smaller gzipped, and one request fewer, than the three apart.
						// The core that every tool keeps state with is named too, or it would be drawn into that file.
						groups: [
							{ name: 'checklist-state', test: /[\\/]src[\\/]state[\\/](signoffs|events|signer|view|meaning)\.ts$/ },
							{ name: 'registry', test: /[\\/]src[\\/]state[\\/](registry|storage|codec)\.ts$|[\\/]node_modules[\\/](nanostores|@nanostores[\\/]persistent)[\\/]/, priority: 1 },
						],
					},
				},
			},
		},
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
			components: { Search: './src/components/Search.astro' },
			sidebar: [
				{ label: 'Overview', link: '/' },
				{
					label: 'Stages',
					items: [
						{ label: '1. Preparation', link: '/stages/preparation/' },
						{ label: '2. Validation', link: '/stages/validation/' },
						{ label: '3. Prep for Upgrade', link: '/stages/prep-for-upgrade/' },
						{ label: '4. Day of Upgrade', link: '/stages/day-of-upgrade/' },
					],
				},
				{
					label: 'Reference',
					items: [
						{ label: 'Roles', link: '/roles/' },
						{ label: 'Background', link: '/background/' },
						{ label: 'Glossary', link: '/glossary/' },
					],
				},
				{
					label: 'Tools',
					items: [
						{ label: 'Release notes', link: '/releases/' },
						{ label: 'Tickets', link: '/tickets/' },
						{ label: 'Search steps', link: '/search/' },
						{ label: 'Print sheets', link: '/print/' },
						{ label: 'Upgrade record', link: '/record/' },
					],
				},
			],
		}),
		mdx(),
		searchIndex(),
		// Last: it hashes the inline content of the finished pages.
		contentSecurityPolicy(),
	],
});
