import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { remarkStepLinks } from '../../../src/process/remark-step-links';

/** Renders Markdown the way the site's pages are, with the step links under a given base path. */
async function render(markdown: string, base?: string): Promise<string> {
	const processor = await createMarkdownProcessor({ syntaxHighlight: false, remarkPlugins: [[remarkStepLinks, { base }]] });
	return (await processor.render(markdown)).code;
}

describe('remarkStepLinks under a base path', () => {
	it('writes step links and site links under the base', async () => {
		const html = await render('Start with step 1, then read the [roles page](/roles/) and [ref][r].\n\n[r]: /glossary/#sop', '/playbook/');
		expect(html).toContain('<a href="/playbook/stages/preparation/#step-1">step 1</a>');
		expect(html).toContain('<a href="/playbook/roles/">roles page</a>');
		expect(html).toContain('<a href="/playbook/glossary/#sop">ref</a>');
	});

	it('leaves other sites, anchors and a root build alone', async () => {
		const html = await render('[out](https://example.org/a) [here](#top) [roles](/roles/) step 2', '/');
		expect(html).toContain('<a href="https://example.org/a">out</a>');
		expect(html).toContain('<a href="#top">here</a>');
		expect(html).toContain('<a href="/roles/">roles</a>');
		expect(html).toContain('<a href="/stages/preparation/#step-2">step 2</a>');
	});
});
